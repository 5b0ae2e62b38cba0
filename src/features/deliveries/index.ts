export { DeliveryHistory } from './delivery-history'
export { PinnedDeliveriesProvider, type PinnedDelivery } from './pinned-deliveries'

// What the app may use of this feature.
export { DeliveryHistory } from './delivery-history'
export { PinnedDeliveriesProvider, type PinnedDelivery } from './pinned-deliveries'

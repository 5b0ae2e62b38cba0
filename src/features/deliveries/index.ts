export { DeliveryHistory } from './delivery-history'

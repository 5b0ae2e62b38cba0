// What the app may use of this feature.
export { DeliveryHistory } from './delivery-history'

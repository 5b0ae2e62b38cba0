import { useSyncExternalStore } from 'react'
import { DEFAULT_DELIVERY_SETTINGS, getDeliverySettings, subscribeDeliverySettings, type DeliverySettings } from './delivery-settings'

export function useDeliverySettings(): DeliverySettings {
  return useSyncExternalStore(subscribeDeliverySettings, getDeliverySettings, () => DEFAULT_DELIVERY_SETTINGS)
}

import { createContext, useContext, useMemo, type ReactNode } from 'react'
import type { Delivery } from '../../api'

// Deliveries made elsewhere (a test event sent from a row's menu) that a
// webhook's history shows on top, with a label, while it is open.

export type PinnedDelivery = { delivery: Delivery; label: string }

const PinnedDeliveriesContext = createContext<readonly PinnedDelivery[]>([])

export function PinnedDeliveriesProvider({ pinned, children }: { pinned: readonly PinnedDelivery[]; children: ReactNode }) {
  return <PinnedDeliveriesContext.Provider value={pinned}>{children}</PinnedDeliveriesContext.Provider>
}

/** The pinned deliveries of one webhook, newest first. */
export function usePinnedDeliveries(webhookId: string): PinnedDelivery[] {
  const pinned = useContext(PinnedDeliveriesContext)
  return useMemo(() => pinned.filter((p) => p.delivery.webhookId === webhookId), [pinned, webhookId])
}

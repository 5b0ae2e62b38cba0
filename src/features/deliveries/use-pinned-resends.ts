import { useCallback, useMemo, useState } from 'react'
import type { Delivery, DeliveryList } from '../../api'
import type { HistoryFilters } from './history-params'

/**
 * A resend's result stays on top of the view it was made in, whatever it
 * was (a success resent from the failures, say); another view of the list
 * shows what the API lists for it. Returns the pinned rows, the fetched rows
 * without them (each once), and `pin` for a new resend.
 */
export function usePinnedResends(pages: DeliveryList[] | undefined, filters: HistoryFilters) {
  // Each resend remembers the filters it was made under.
  const [resent, setResent] = useState<{ delivery: Delivery; view: string }[]>([])
  const view = `${filters.status ?? ''}|${filters.eventType ?? ''}`
  const pinned = useMemo(() => resent.filter((r) => r.view === view).map((r) => r.delivery), [resent, view])

  const rows = useMemo(() => {
    const pinnedIds = new Set(pinned.map((d) => d.id))
    const seen = new Set<string>()
    const list: Delivery[] = []
    // Pages are fetched at different times, so a delivery can reach two of them.
    for (const page of pages ?? []) {
      for (const delivery of page.data) {
        if (seen.has(delivery.id) || pinnedIds.has(delivery.id)) continue
        seen.add(delivery.id)
        list.push(delivery)
      }
    }
    return list
  }, [pages, pinned])

  const pin = useCallback((delivery: Delivery) => setResent((current) => [{ delivery, view }, ...current]), [view])
  return { pinned, rows, pin }
}

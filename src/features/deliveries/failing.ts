import { QueriesObserver, type QueryClient, type QueryObserverResult } from '@tanstack/react-query'
import { deliveryIndexQuery } from './background'
import type { DeliveryIndex } from './delivery-index'
import { computeHealth, isFailing } from './health'

// What "Failing" needs beyond the first page: loaded by use-failing-ids.ts once the filter is chosen.

export type FailingIds = { failing: ReadonlySet<string>; checked: number }

/**
 * Reads the deliveries of each webhook (through the background queue) and
 * reports which are failing, again each time one of them changes, until the
 * returned function is called.
 */
export function watchFailingIds(client: QueryClient, ids: readonly string[], now: number, onChange: (ids: FailingIds) => void): () => void {
  const observer = new QueriesObserver(
    client,
    ids.map((id) => deliveryIndexQuery(id)),
  )
  const report = (results: readonly QueryObserverResult[]) => {
    const failing = new Set<string>()
    let checked = 0
    results.forEach((result, i) => {
      const index = result.data as DeliveryIndex | undefined
      if (!index?.complete) return
      checked += 1
      if (isFailing(computeHealth(index.deliveries, { now }))) failing.add(ids[i]!)
    })
    onChange({ failing, checked })
  }
  const unsubscribe = observer.subscribe(report)
  report(observer.getCurrentResult())
  return unsubscribe
}

import { useQueries } from '@tanstack/react-query'
import { useState } from 'react'
import { deliveryIndexQuery } from './background'
import { computeHealth, isFailing } from './health'

/** Which of these webhooks are failing (a failure in the last 24 hours, or a run of failures), from their deliveries. */
export function useFailingIds(ids: string[]): { failing: ReadonlySet<string>; checked: number } {
  const [now] = useState(() => Date.now())
  return useQueries({
    queries: ids.map((id) => deliveryIndexQuery(id)),
    combine: (results) => {
      const failing = new Set<string>()
      let checked = 0
      results.forEach((result, i) => {
        if (!result.data?.complete) return
        checked += 1
        if (isFailing(computeHealth(result.data.deliveries, { now }))) failing.add(ids[i]!)
      })
      return { failing, checked }
    },
  })
}

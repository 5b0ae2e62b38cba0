import { useQueries } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type * as Failing from './failing'

type FailingModule = typeof Failing
type FailingIds = { failing: ReadonlySet<string>; checked: number }

const NONE_CHECKED: FailingIds = { failing: new Set(), checked: 0 }

// The delivery reads and the health figures load only once "Failing" is chosen: the first page does not carry them.
let loaded: FailingModule | undefined
const loadFailing = () => import('./failing').then((m) => (loaded = m))

/** Which of these webhooks are failing (a failure in the last 24 hours, or a run of failures), from their deliveries. */
export function useFailingIds(ids: string[]): FailingIds {
  const [now] = useState(() => Date.now())
  const [failing, setFailing] = useState(loaded)
  const wanted = ids.length > 0
  useEffect(() => {
    if (wanted && !failing) void loadFailing().then(setFailing)
  }, [wanted, failing])
  return useQueries({
    queries: failing ? ids.map((id) => failing.deliveryIndexQuery(id)) : [],
    combine: (results) => {
      if (!failing) return NONE_CHECKED
      const found = new Set<string>()
      let checked = 0
      results.forEach((result, i) => {
        if (!result.data?.complete) return
        checked += 1
        if (failing.isFailing(failing.computeHealth(result.data.deliveries, { now }))) found.add(ids[i]!)
      })
      return { failing: found, checked }
    },
  })
}

import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { FailingIds } from './failing'

const NONE_CHECKED: FailingIds = { failing: new Set(), checked: 0 }

/**
 * Which of these webhooks are failing (a failure in the last 24 hours, or a
 * run of failures), from their deliveries. The reads and the health figures
 * load only once "Failing" is chosen (ids given): the first page does not carry them.
 */
export function useFailingIds(ids: string[]): FailingIds {
  const client = useQueryClient()
  const [now] = useState(() => Date.now())
  const [found, setFound] = useState<{ key: string; ids: FailingIds }>()
  const key = ids.join('\n')
  useEffect(() => {
    if (!key) return
    let stop: (() => void) | undefined
    let live = true
    void import('./failing').then((m) => {
      if (live) stop = m.watchFailingIds(client, key.split('\n'), now, (next) => setFound({ key, ids: next }))
    })
    return () => {
      live = false
      stop?.()
    }
  }, [client, key, now])
  // What was found for other webhooks (an earlier page, say) does not count for these.
  return found?.key === key ? found.ids : NONE_CHECKED
}

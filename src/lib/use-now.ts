import { useEffect, useState } from 'react'

/**
 * A clock that ticks every `intervalMs` on its own, not with each fetch: what
 * it drives ("3 minutes ago", the 7 days a view covers, health figures)
 * re-renders on the tick, and memoised rows stay as they are between ticks.
 */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

// One queue for the console's background reads (health, select all failed,
// search): a bound on requests in flight, a cap on requests started in any
// sliding minute (a share of the API's rate tier), and a pause for everyone
// when the API answers 429, since Qlik blocks the whole tier while a
// Retry-After runs, not just the request that got it.

export type SchedulerOptions = {
  /** Requests in flight at once, for the whole console. */
  maxInFlight: number
  /** Requests started in any 60 seconds. */
  perMinute: number
  /** How long to pause after `error`, when it is a rate limit; undefined for any other failure. */
  retryAfterMs?: (error: unknown) => number | undefined
  /** Times one task is tried again after a rate limit before its error is passed on. */
  maxRateRetries?: number
  now?: () => number
}

export type TaskOptions = {
  /** Aborting it drops the task if it has not started, and is passed to it if it has. */
  signal?: AbortSignal
  /** Higher first; equal priorities keep their order. */
  priority?: number
}

export type SchedulerStats = { inFlight: number; queued: number; startedInLastMinute: number; pausedUntil: number | undefined }

export type Scheduler = {
  run<T>(task: (signal: AbortSignal | undefined) => Promise<T>, options?: TaskOptions): Promise<T>
  stats(): SchedulerStats
}

type Entry = {
  task: (signal: AbortSignal | undefined) => Promise<unknown>
  signal: AbortSignal | undefined
  priority: number
  order: number
  attempts: number
  resolve: (value: unknown) => void
  reject: (reason: unknown) => void
  onAbort: () => void
}

const MINUTE_MS = 60_000

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { maxInFlight, perMinute, retryAfterMs = () => undefined, maxRateRetries = 5, now = () => Date.now() } = options
  if (!(maxInFlight >= 1) || !(perMinute >= 1)) throw new RangeError('A scheduler needs at least one request in flight and one a minute.')
  const queue: Entry[] = []
  const starts: number[] = []
  let inFlight = 0
  let order = 0
  let pausedUntil = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const wakeAt = (time: number) => {
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(
      () => {
        timer = undefined
        pump()
      },
      Math.max(0, time - now()),
    )
  }

  const enqueue = (entry: Entry) => {
    // Sorted by priority, then by arrival: a retried entry keeps its place.
    const index = queue.findIndex(
      (other) => other.priority < entry.priority || (other.priority === entry.priority && other.order > entry.order),
    )
    if (index === -1) queue.push(entry)
    else queue.splice(index, 0, entry)
  }

  function pump() {
    while (inFlight < maxInFlight && queue.length > 0) {
      const time = now()
      if (pausedUntil > time) return wakeAt(pausedUntil)
      while (starts.length > 0 && starts[0]! <= time - MINUTE_MS) starts.shift()
      if (starts.length >= perMinute) return wakeAt(starts[0]! + MINUTE_MS)
      const entry = queue.shift()!
      starts.push(time)
      inFlight += 1
      void start(entry)
    }
  }

  async function start(entry: Entry) {
    try {
      const value = await entry.task(entry.signal)
      entry.signal?.removeEventListener('abort', entry.onAbort)
      entry.resolve(value)
    } catch (error) {
      const wait = entry.signal?.aborted ? undefined : retryAfterMs(error)
      if (wait !== undefined && entry.attempts < maxRateRetries) {
        entry.attempts += 1
        pausedUntil = Math.max(pausedUntil, now() + wait)
        enqueue(entry)
      } else {
        entry.signal?.removeEventListener('abort', entry.onAbort)
        entry.reject(error)
      }
    } finally {
      inFlight -= 1
      pump()
    }
  }

  return {
    run<T>(task: (signal: AbortSignal | undefined) => Promise<T>, taskOptions: TaskOptions = {}): Promise<T> {
      const { signal, priority = 0 } = taskOptions
      return new Promise<T>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason)
        const entry: Entry = {
          task,
          signal,
          priority,
          order: order++,
          attempts: 0,
          resolve: resolve as (value: unknown) => void,
          reject,
          onAbort: () => {
            const index = queue.indexOf(entry)
            // Started tasks see the abort through their signal and settle themselves.
            if (index === -1) return
            queue.splice(index, 1)
            reject(signal?.reason)
          },
        }
        signal?.addEventListener('abort', entry.onAbort, { once: true })
        enqueue(entry)
        pump()
      })
    },
    stats() {
      const time = now()
      return {
        inFlight,
        queued: queue.length,
        startedInLastMinute: starts.filter((start) => start > time - MINUTE_MS).length,
        pausedUntil: pausedUntil > time ? pausedUntil : undefined,
      }
    },
  }
}

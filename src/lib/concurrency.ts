/**
 * Runs tasks at most `max` at a time, in the order they were asked for. A task whose
 * signal aborts while it waits is dropped without running.
 */
export function createLimiter(max: number) {
  let running = 0
  const waiting: (() => void)[] = []
  const next = () => {
    if (running >= max) return
    waiting.shift()?.()
  }
  return function run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', onAbort)
        running += 1
        task()
          .then(resolve, reject)
          .finally(() => {
            running -= 1
            next()
          })
      }
      const onAbort = () => {
        const index = waiting.indexOf(start)
        if (index >= 0) waiting.splice(index, 1)
        reject(signal?.reason)
      }
      if (signal?.aborted) return reject(signal.reason)
      signal?.addEventListener('abort', onAbort, { once: true })
      waiting.push(start)
      next()
    })
  }
}

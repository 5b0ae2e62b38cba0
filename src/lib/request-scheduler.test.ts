import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createScheduler } from './request-scheduler'

class RateLimited extends Error {
  constructor(readonly seconds: number) {
    super('429')
  }
}

/** A task that stays open until the test settles it. */
function deferred<T = string>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-12-01T09:00:00Z'))
})
afterEach(() => {
  vi.useRealTimers()
})

describe('request scheduler', () => {
  it('never runs more tasks at once than allowed', async () => {
    const scheduler = createScheduler({ maxInFlight: 2, perMinute: 1000 })
    const tasks = Array.from({ length: 5 }, () => deferred())
    let running = 0
    let most = 0
    const results = tasks.map((task, i) =>
      scheduler.run(async () => {
        running += 1
        most = Math.max(most, running)
        const value = await task.promise
        running -= 1
        return `${value}${i}`
      }),
    )
    await vi.advanceTimersByTimeAsync(0)
    expect(scheduler.stats()).toMatchObject({ inFlight: 2, queued: 3 })
    for (const task of tasks) {
      task.resolve('done')
      await vi.advanceTimersByTimeAsync(0)
    }
    expect(await Promise.all(results)).toEqual(['done0', 'done1', 'done2', 'done3', 'done4'])
    expect(most).toBe(2)
  })

  it('starts no more than perMinute tasks in any sliding minute', async () => {
    const scheduler = createScheduler({ maxInFlight: 2, perMinute: 3 })
    const startedAt: number[] = []
    const all = Array.from({ length: 7 }, () =>
      scheduler.run(async () => {
        startedAt.push(Date.now())
      }),
    )
    await vi.advanceTimersByTimeAsync(0)
    expect(startedAt).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(59_999)
    expect(startedAt).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(1)
    expect(startedAt).toHaveLength(6)
    await vi.advanceTimersByTimeAsync(60_000)
    await Promise.all(all)
    expect(startedAt).toHaveLength(7)
    for (const start of startedAt) {
      expect(startedAt.filter((other) => other > start - 60_000 && other <= start).length).toBeLessThanOrEqual(3)
    }
  })

  it('pauses every task for Retry-After after a 429 and tries the limited one again', async () => {
    const scheduler = createScheduler({
      maxInFlight: 2,
      perMinute: 1000,
      retryAfterMs: (error) => (error instanceof RateLimited ? error.seconds * 1000 : undefined),
    })
    const startedAt: Record<string, number[]> = { a: [], b: [] }
    let first = true
    const a = scheduler.run(async () => {
      startedAt.a!.push(Date.now())
      if (first) {
        first = false
        throw new RateLimited(5)
      }
      return 'a'
    })
    await vi.advanceTimersByTimeAsync(0)
    const b = scheduler.run(async () => {
      startedAt.b!.push(Date.now())
      return 'b'
    })
    await vi.advanceTimersByTimeAsync(4_999)
    expect(startedAt.b).toEqual([])
    expect(scheduler.stats().pausedUntil).toBe(Date.parse('2026-12-01T09:00:05Z'))
    await vi.advanceTimersByTimeAsync(1)
    expect(await a).toBe('a')
    expect(await b).toBe('b')
    const t0 = Date.parse('2026-12-01T09:00:00Z')
    expect(startedAt.a).toEqual([t0, t0 + 5_000])
    expect(startedAt.b).toEqual([t0 + 5_000])
  })

  it('passes on a rate-limit error after the allowed retries, and any other error at once', async () => {
    const scheduler = createScheduler({
      maxInFlight: 1,
      perMinute: 1000,
      maxRateRetries: 2,
      retryAfterMs: (error) => (error instanceof RateLimited ? 1000 : undefined),
    })
    let calls = 0
    const limited = scheduler.run(async () => {
      calls += 1
      throw new RateLimited(1)
    })
    const failed = scheduler.run(async () => {
      throw new Error('boom')
    })
    const limitedResult = limited.catch((error: unknown) => error)
    const failedResult = failed.catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(5_000)
    expect(await limitedResult).toBeInstanceOf(RateLimited)
    expect(calls).toBe(3)
    expect(((await failedResult) as Error).message).toBe('boom')
  })

  it('drops a queued task whose signal aborts, without starting it', async () => {
    const scheduler = createScheduler({ maxInFlight: 1, perMinute: 1000 })
    const blocker = deferred()
    const running = scheduler.run(() => blocker.promise)
    const controller = new AbortController()
    const task = vi.fn(async () => 'never')
    const dropped = scheduler.run(task, { signal: controller.signal }).catch((error: unknown) => error)
    controller.abort(new Error('nobody needs it'))
    expect(((await dropped) as Error).message).toBe('nobody needs it')
    blocker.resolve('ok')
    expect(await running).toBe('ok')
    await vi.advanceTimersByTimeAsync(0)
    expect(task).not.toHaveBeenCalled()
    expect(scheduler.stats()).toMatchObject({ inFlight: 0, queued: 0 })
  })

  it('runs higher priorities first', async () => {
    const scheduler = createScheduler({ maxInFlight: 1, perMinute: 1000 })
    const blocker = deferred()
    const order: string[] = []
    const first = scheduler.run(() => blocker.promise)
    const low = scheduler.run(async () => void order.push('low'))
    const high = scheduler.run(async () => void order.push('high'), { priority: 1 })
    blocker.resolve('x')
    await Promise.all([first, low, high])
    expect(order).toEqual(['high', 'low'])
  })
})

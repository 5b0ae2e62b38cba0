import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runBulkResend, type BulkResendProgress, type ResendCreated, type ResendTarget } from './bulk-resend'

const T0 = Date.parse('2026-12-01T09:00:00Z')
const targets = (n: number): ResendTarget[] =>
  Array.from({ length: n }, (_, i) => ({ id: `dl-${i + 1}`, eventType: 'com.qlik.v1.app.created', triggeredAt: '2026-11-30T10:00:00Z' }))

/** A receiver that answers each resend after `latencyMs`, with the given statuses in turn. */
function receiver(statuses: ('success' | 'fail')[], latencyMs = 100) {
  const startedAt: number[] = []
  let n = 0
  const resend = vi.fn(async (item: ResendTarget): Promise<ResendCreated> => {
    startedAt.push(Date.now())
    await new Promise((resolve) => setTimeout(resolve, latencyMs))
    const status = statuses[n++ % statuses.length]!
    return {
      id: `new-${item.id}`,
      status,
      statusMessage: status === 'success' ? 'HTTP 200 OK' : 'HTTP 500 Internal Server Error',
      response: { statusCode: status === 'success' ? 200 : 500 },
    }
  })
  return { resend, startedAt }
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(T0)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('bulk resend', () => {
  it('sends one at a time, each the configured interval after the previous answer, and sums up', async () => {
    const { resend, startedAt } = receiver(['success', 'success', 'fail', 'success'])
    let inFlight = 0
    let most = 0
    const run = runBulkResend(targets(5), {
      intervalMs: 1000,
      resend: async (item) => {
        inFlight += 1
        most = Math.max(most, inFlight)
        try {
          return await resend(item)
        } finally {
          inFlight -= 1
        }
      },
    })
    await vi.advanceTimersByTimeAsync(10_000)
    const summary = await run
    expect(most).toBe(1)
    expect(startedAt.map((t) => t - T0)).toEqual([0, 1100, 2200, 3300, 4400])
    expect(summary).toMatchObject({ phase: 'finished', total: 5, done: 5, succeeded: 4, failed: 1 })
    expect(summary.results.map((r) => r.outcome)).toEqual(['succeeded', 'succeeded', 'failed', 'succeeded', 'succeeded'])
  })

  it('waits for a slow resend to finish, then the interval, before the next', async () => {
    const { resend, startedAt } = receiver(['success'], 2500)
    const run = runBulkResend(targets(3), { intervalMs: 1000, resend })
    await vi.advanceTimersByTimeAsync(10_000)
    await run
    expect(startedAt.map((t) => t - T0)).toEqual([0, 3500, 7000])
  })

  it('keeps a slower configured rate', async () => {
    const { resend, startedAt } = receiver(['success'])
    const run = runBulkResend(targets(3), { intervalMs: 4000, resend })
    await vi.advanceTimersByTimeAsync(20_000)
    await run
    expect(startedAt.map((t) => t - T0)).toEqual([0, 4100, 8200])
  })

  it('keeps the interval between the requests themselves when one leaves the browser late', async () => {
    // The first request goes out 200 ms after it was asked for (the page was busy rendering), the others at once.
    const sentAt: number[] = []
    let calls = 0
    const resend = async (item: ResendTarget): Promise<ResendCreated> => {
      if (calls++ === 0) await new Promise((resolve) => setTimeout(resolve, 200))
      sentAt.push(Date.now())
      await new Promise((resolve) => setTimeout(resolve, 50))
      return { id: `new-${item.id}`, status: 'success' }
    }
    const run = runBulkResend(targets(4), { intervalMs: 600, resend })
    await vi.advanceTimersByTimeAsync(10_000)
    await run
    const gaps = sentAt.slice(1).map((t, i) => t - sentAt[i]!)
    expect(gaps).toEqual([650, 650, 650])
  })

  it('stops by itself after 3 failures in a row, says why, and leaves the rest unsent', async () => {
    const { resend } = receiver(['success', 'fail', 'fail', 'fail', 'success'])
    const run = runBulkResend(targets(6), { resend })
    await vi.advanceTimersByTimeAsync(20_000)
    const summary = await run
    expect(resend).toHaveBeenCalledTimes(4)
    expect(summary).toMatchObject({ phase: 'stopped', done: 4, succeeded: 1, failed: 3 })
    expect(summary.reason).toBe(
      'Stopped after 3 failed resends in a row (last: HTTP 500 Internal Server Error). Each failure counts toward disabling the webhook.',
    )
    expect(summary.results.map((r) => r.outcome)).toEqual(['succeeded', 'failed', 'failed', 'failed', 'not-sent', 'not-sent'])
    expect(summary.results[4]).toMatchObject({ outcome: 'not-sent', reason: 'stopped' })
  })

  it('counts only failures in a row: a success in between starts again', async () => {
    const { resend } = receiver(['fail', 'fail', 'success', 'fail', 'fail', 'success'])
    const run = runBulkResend(targets(6), { resend })
    await vi.advanceTimersByTimeAsync(20_000)
    expect(await run).toMatchObject({ phase: 'finished', done: 6, failed: 4 })
  })

  it('stops after the configured number of failures', async () => {
    const { resend } = receiver(['fail'])
    const run = runBulkResend(targets(5), { resend, stopAfterFailures: 1 })
    await vi.advanceTimersByTimeAsync(20_000)
    expect(await run).toMatchObject({ phase: 'stopped', done: 1 })
    expect(resend).toHaveBeenCalledTimes(1)
  })

  it('counts a resend the API refused as a failure, with its message', async () => {
    const resend = vi.fn(async (): Promise<ResendCreated> => {
      throw new Error('Not found: the delivery is older than 7 days')
    })
    const run = runBulkResend(targets(4), { resend })
    await vi.advanceTimersByTimeAsync(20_000)
    const summary = await run
    expect(summary).toMatchObject({ phase: 'stopped', done: 3, failed: 3 })
    expect(summary.results[0]).toMatchObject({ outcome: 'error', message: 'Not found: the delivery is older than 7 days' })
    expect(summary.reason).toMatch(/last: Not found: the delivery is older than 7 days/)
  })

  it('cancels: no resend starts after Cancel, the one under way finishes, the rest are not sent', async () => {
    const { resend, startedAt } = receiver(['success'], 300)
    const controller = new AbortController()
    const updates: BulkResendProgress[] = []
    const run = runBulkResend(targets(5), { resend, signal: controller.signal, onProgress: (p) => updates.push(p) })
    // The second starts at 1,300 (the first answered at 300) and is under way at 1,400.
    await vi.advanceTimersByTimeAsync(1400)
    expect(startedAt).toHaveLength(2)
    controller.abort()
    await vi.advanceTimersByTimeAsync(10_000)
    const summary = await run
    expect(startedAt).toHaveLength(2)
    expect(summary).toMatchObject({ phase: 'cancelled', done: 2, succeeded: 2 })
    expect(summary.results.map((r) => r.outcome)).toEqual(['succeeded', 'succeeded', 'not-sent', 'not-sent', 'not-sent'])
    expect(updates.at(-1)?.phase).toBe('cancelled')
  })

  it('cancels at once while waiting for the next slot', async () => {
    const { resend } = receiver(['success'], 10)
    const controller = new AbortController()
    const run = runBulkResend(targets(3), { resend, signal: controller.signal, intervalMs: 60_000 })
    await vi.advanceTimersByTimeAsync(500)
    controller.abort()
    await vi.advanceTimersByTimeAsync(0)
    expect(await run).toMatchObject({ phase: 'cancelled', done: 1 })
    expect(resend).toHaveBeenCalledTimes(1)
  })

  it('reports progress after each resend', async () => {
    const { resend } = receiver(['success', 'fail'])
    const updates: BulkResendProgress[] = []
    const run = runBulkResend(targets(3), { resend, onProgress: (p) => updates.push(p) })
    await vi.advanceTimersByTimeAsync(10_000)
    await run
    expect(updates.map((u) => [u.phase, u.done, u.succeeded, u.failed])).toEqual([
      ['running', 0, 0, 0],
      ['running', 1, 1, 0],
      ['running', 2, 1, 1],
      ['running', 3, 2, 1],
      ['finished', 3, 2, 1],
    ])
  })

  it('waits out Retry-After on a 429 and sends the same delivery again, without counting a failure', async () => {
    class RateLimited extends Error {}
    const startedAt: number[] = []
    let calls = 0
    const resend = async (item: ResendTarget): Promise<ResendCreated> => {
      startedAt.push(Date.now())
      calls += 1
      if (calls === 2) throw new RateLimited('429')
      return { id: `new-${item.id}`, status: 'success' }
    }
    const run = runBulkResend(targets(3), {
      resend,
      retryAfterMs: (error) => (error instanceof RateLimited ? 5000 : undefined),
    })
    await vi.advanceTimersByTimeAsync(20_000)
    const summary = await run
    expect(startedAt.map((t) => t - T0)).toEqual([0, 1000, 6000, 7000])
    expect(summary).toMatchObject({ phase: 'finished', done: 3, succeeded: 3, failed: 0 })
  })
})

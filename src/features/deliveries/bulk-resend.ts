// Resending many deliveries without tripping Qlik's guardrails: one at a
// time (each resend is a synchronous delivery to the receiver), no faster
// than the write tier allows, and a stop after a few failures in a row,
// since every failed resend counts toward disabling the webhook.

export const DEFAULT_RESEND_INTERVAL_MS = 1000
export const DEFAULT_STOP_AFTER_FAILURES = 3
/** Tries of one resend answered 429 before it is given up. */
const MAX_RATE_RETRIES = 5

export type ResendTarget = { id: string; eventType: string; triggeredAt: string }

/** The new delivery a resend created (the API's 201, whatever its status). */
/** `status` is `success` or `fail` today; a status Qlik adds later counts as not succeeded. */
export type ResendCreated = { id: string; status: string; statusMessage?: string; response?: { statusCode?: number } }

export type ResendItemResult<T extends ResendTarget = ResendTarget> =
  | { item: T; outcome: 'pending' }
  | { item: T; outcome: 'succeeded' | 'failed'; created: ResendCreated }
  /** The API refused or could not be reached: nothing was resent. */
  | { item: T; outcome: 'error'; message: string }
  | { item: T; outcome: 'not-sent'; reason: 'cancelled' | 'stopped' }

export type BulkResendPhase = 'running' | 'finished' | 'cancelled' | 'stopped'

export type BulkResendProgress<T extends ResendTarget = ResendTarget> = {
  phase: BulkResendPhase
  total: number
  /** Resends attempted so far (succeeded + failed). */
  done: number
  succeeded: number
  /** Resends whose delivery failed, and those the API refused. */
  failed: number
  /** Why the run stopped by itself. */
  reason?: string
  results: ResendItemResult<T>[]
}

export type BulkResendOptions<T extends ResendTarget> = {
  resend: (item: T) => Promise<ResendCreated>
  /**
   * The least time from one resend's answer to the start of the next. Counted
   * from the answer, not from the call: a request can leave the browser a
   * while after it was asked for (a render, a token), and the write tier
   * counts requests as they arrive, so only the answer bounds the gap.
   */
  intervalMs?: number
  /** Consecutive failures after which the run stops by itself. */
  stopAfterFailures?: number
  /** Aborting stops the run: a resend under way finishes, no other starts. */
  signal?: AbortSignal
  onProgress?: (progress: BulkResendProgress<T>) => void
  /** The wait an error asks for when it is a rate limit (429 with Retry-After); undefined otherwise. */
  retryAfterMs?: (error: unknown) => number | undefined
  describeError?: (error: unknown) => string
  now?: () => number
}

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })

export function describeCreated(created: ResendCreated): string {
  const code = created.response?.statusCode
  return created.statusMessage ?? (code ? `HTTP ${code}` : created.status)
}

export async function runBulkResend<T extends ResendTarget>(
  items: readonly T[],
  options: BulkResendOptions<T>,
): Promise<BulkResendProgress<T>> {
  const {
    resend,
    intervalMs = DEFAULT_RESEND_INTERVAL_MS,
    stopAfterFailures = DEFAULT_STOP_AFTER_FAILURES,
    signal,
    onProgress,
    retryAfterMs = () => undefined,
    describeError = (error) => (error instanceof Error ? error.message : String(error)),
    now = () => Date.now(),
  } = options
  const progress: BulkResendProgress<T> = {
    phase: 'running',
    total: items.length,
    done: 0,
    succeeded: 0,
    failed: 0,
    results: items.map((item) => ({ item, outcome: 'pending' })),
  }
  const report = () => onProgress?.({ ...progress, results: [...progress.results] })
  const finish = (phase: BulkResendPhase, reason?: 'cancelled' | 'stopped') => {
    progress.phase = phase
    if (reason) {
      progress.results = progress.results.map((result) =>
        result.outcome === 'pending' ? { item: result.item, outcome: 'not-sent', reason } : result,
      )
    }
    report()
    return progress
  }
  report()

  /** When the next resend may start. */
  let notBefore: number | undefined
  let inARow = 0
  let lastFailure = ''
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!
    let result: Exclude<ResendItemResult<T>, { outcome: 'pending' | 'not-sent' }> | undefined
    for (let attempt = 0; !result; attempt++) {
      if (notBefore !== undefined) await wait(notBefore - now(), signal)
      if (signal?.aborted) return finish('cancelled', 'cancelled')
      try {
        const created = await resend(item)
        result = { item, outcome: created.status === 'success' ? 'succeeded' : 'failed', created }
      } catch (error) {
        const pause = retryAfterMs(error)
        if (pause !== undefined && attempt < MAX_RATE_RETRIES) {
          // The tier is blocked for everyone until Retry-After has passed: wait it out and send the same one again.
          notBefore = now() + Math.max(pause, intervalMs)
          continue
        }
        result = { item, outcome: 'error', message: describeError(error) }
      }
      notBefore = now() + intervalMs
    }
    progress.results[index] = result
    progress.done += 1
    if (result.outcome === 'succeeded') {
      progress.succeeded += 1
      inARow = 0
    } else {
      progress.failed += 1
      inARow += 1
      lastFailure = result.outcome === 'error' ? result.message : describeCreated(result.created)
    }
    if (inARow >= stopAfterFailures && index < items.length - 1) {
      progress.reason = `Stopped after ${inARow} failed resends in a row (last: ${lastFailure}). Each failure counts toward disabling the webhook.`
      return finish('stopped', 'stopped')
    }
    if (signal?.aborted && index < items.length - 1) return finish('cancelled', 'cancelled')
    report()
  }
  return finish('finished')
}

import { useSyncExternalStore } from 'react'
import { isApiError, resendWebhookDelivery, type Delivery } from '../../api'
import { runBulkResend, type BulkResendProgress } from './bulk-resend'
import type { DeliverySettings } from './delivery-settings'
import { describeError } from '../../wording/describe-error'

// Bulk resends live here, per webhook, not in the history's component: a run
// goes on when the history is closed or another one is opened, and comes
// back into view with it. Only leaving the page stops it, and the page asks
// first (beforeunload) while one runs.

export type BulkResendRun = {
  webhookId: string
  progress: BulkResendProgress<Delivery>
  cancel: () => void
  startedAt: number
}

const runs = new Map<string, BulkResendRun>()
const listeners = new Set<() => void>()
const notify = () => listeners.forEach((listener) => listener())

export const isRunning = (run: BulkResendRun | undefined): boolean => run?.progress.phase === 'running'

const anyRunning = () => [...runs.values()].some(isRunning)
let listening = false

function warnBeforeUnload(event: BeforeUnloadEvent) {
  if (!anyRunning()) return
  // Browsers show their own wording; both calls are needed across browsers.
  event.preventDefault()
  event.returnValue = ''
}

export type StartOptions = {
  settings: Pick<DeliverySettings, 'resendIntervalSeconds' | 'stopAfterFailures'>
  /** After each resend and at the end, e.g. to refresh what the resends changed. */
  onResent?: (created: Delivery) => void
  onSettled?: (progress: BulkResendProgress<Delivery>) => void
}

/** Starts resending `deliveries` of a webhook, oldest first; a webhook runs one bulk resend at a time. */
export function startBulkResend(webhookId: string, deliveries: readonly Delivery[], options: StartOptions): void {
  if (isRunning(runs.get(webhookId))) return
  const controller = new AbortController()
  // Oldest first: the receiver sees the events in the order they happened.
  const items = [...deliveries].sort((a, b) => a.triggeredAt.localeCompare(b.triggeredAt) || a.id.localeCompare(b.id))
  const update = (progress: BulkResendProgress<Delivery>) => {
    const run = runs.get(webhookId)
    if (run?.cancel !== cancel) return
    runs.set(webhookId, { ...run, progress })
    notify()
  }
  const cancel = () => controller.abort()
  runs.set(webhookId, {
    webhookId,
    cancel,
    startedAt: Date.now(),
    progress: { phase: 'running', total: items.length, done: 0, succeeded: 0, failed: 0, results: [] },
  })
  if (typeof window !== 'undefined' && !listening) {
    window.addEventListener('beforeunload', warnBeforeUnload)
    listening = true
  }
  notify()
  void runBulkResend(items, {
    intervalMs: options.settings.resendIntervalSeconds * 1000,
    stopAfterFailures: options.settings.stopAfterFailures,
    signal: controller.signal,
    resend: async (delivery) => {
      const created = await resendWebhookDelivery(webhookId, delivery.id)
      options.onResent?.(created)
      return created
    },
    retryAfterMs: (error) => (isApiError(error) && error.status === 429 ? (error.retryAfterSeconds ?? 1) * 1000 : undefined),
    describeError,
    onProgress: update,
  }).then((progress) => {
    update(progress)
    options.onSettled?.(progress)
  })
}

export function cancelBulkResend(webhookId: string): void {
  runs.get(webhookId)?.cancel()
}

/** Forgets a finished run (its summary is closed). */
export function dismissBulkResend(webhookId: string): void {
  const run = runs.get(webhookId)
  if (!run || isRunning(run)) return
  runs.delete(webhookId)
  if (typeof window !== 'undefined' && listening && runs.size === 0) {
    window.removeEventListener('beforeunload', warnBeforeUnload)
    listening = false
  }
  notify()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useBulkResend(webhookId: string): BulkResendRun | undefined {
  return useSyncExternalStore(
    subscribe,
    () => runs.get(webhookId),
    () => undefined,
  )
}

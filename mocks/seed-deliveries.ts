import { defaultConfig, type PayloadRecipe, type ReceiverMode, type StoredDelivery, type StoredWebhook } from './db'
import { payloadFormatFor, receiverOutcome, requestHeadersFor, RETENTION_MS } from './deliveries'

// The seeded delivery history of the mock tenant: a plan per seeded webhook,
// played with a seeded PRNG so that the same `now` gives the same deliveries.

export const HOSTILE_TEXT = '<img src=x onerror=alert(1)><script>alert(1)</script>'

/** Seeded deliveries that tests and demos look for. */
export const SEED_DELIVERIES = {
  /** `data.name` holds HOSTILE_TEXT. */
  hostile: { webhookId: 'wh-slack-app-events', deliveryId: 'dl-slack-app-events-0059' },
  /** A body of about 1 MB (reload statements). */
  large: { webhookId: 'wh-reload-monitor', deliveryId: 'dl-reload-monitor-0036' },
  /** A few thousand deliveries over the 7 days. */
  bigHistory: { webhookId: 'wh-automation-catalog', count: 3000 },
  /** The last of ten 308 answers that disabled the webhook. */
  redirect: { webhookId: 'wh-broken-endpoint', deliveryId: 'dl-broken-endpoint-0010' },
} as const

/** mulberry32: a small seeded PRNG, so that the seed is the same every time. */
function prng(seed: string): () => number {
  let a = 2166136261
  for (let i = 0; i < seed.length; i++) a = Math.imul(a ^ seed.charCodeAt(i), 16777619)
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function uuid(random: () => number): string {
  const word = () =>
    Math.floor(random() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0')
  const s = word() + word() + word() + word()
  const variant = ((Number.parseInt(s[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20)}`
}

type Plan = {
  count: number
  /** Part of the 7-day window the deliveries fall in: 0 is 7 days ago, 1 is now. */
  from?: number
  to?: number
  mode: (i: number, n: number, random: () => number) => ReceiverMode
  shape?: (i: number, n: number, random: () => number) => Partial<PayloadRecipe>
}

const at =
  (...indexes: number[]) =>
  (i: number) =>
    indexes.includes(i)

const PLANS: Record<string, Plan> = {
  'wh-slack-app-events': {
    count: 60,
    mode: (_i, _n, r) => {
      const x = r()
      return x < 0.06 ? 'http-500' : x < 0.09 ? 'timeout' : 'ok-200'
    },
    shape: (i, n) => (i === n - 2 ? { data: { name: HOSTILE_TEXT, description: HOSTILE_TEXT } } : {}),
  },
  'wh-reload-monitor': {
    count: 40,
    mode: (i) => (at(18, 19, 20)(i) ? 'http-401' : 'ok-202'),
    shape: (i, n) => ({
      data: { status: 'error', errors: [{ code: 'EDC_ERROR_FIELD_NOT_FOUND', message: 'Field not found: <Region>' }] },
      ...(i === n - 5 ? { bulkBytes: 1024 * 1024 } : {}),
    }),
  },
  'wh-user-provisioning': { count: 30, mode: (i) => (at(7, 22)(i) ? 'http-404' : 'ok-200') },
  'wh-api-key-audit': { count: 25, to: 0.55, mode: (i, n) => (i >= n - 10 ? 'http-500' : 'ok-200') },
  'wh-automation-sales': {
    count: 20,
    mode: (i) => (i === 11 ? 'tls-expired' : 'ok-200'),
    shape: () => ({ topLevelResourceId: '7d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6' }),
  },
  'wh-automation-runs': { count: 15, mode: (i) => (at(4, 12)(i) ? 'timeout' : 'ok-200') },
  'wh-di-alerts': { count: 24, mode: (i) => (at(15, 16, 17)(i) ? 'tls-expired' : 'ok-200') },
  'wh-teams-publish': { count: 12, to: 0.4, mode: (i, n) => (i >= n - 3 ? 'http-410' : 'ok-200') },
  'wh-legacy-export': { count: 30, mode: (i, n) => (i >= n - 4 ? 'tls-revoked' : 'ok-200') },
  'wh-space-reloads': {
    count: 35,
    mode: (i) => (i === 20 ? 'http-500' : 'ok-200'),
    shape: (i) => ({ spaceId: i % 3 === 0 ? '5f0c1d2e3a4b5c6d7e8f9a0c' : '5f0c1d2e3a4b5c6d7e8f9a0b' }),
  },
  'wh-automation-catalog': {
    count: SEED_DELIVERIES.bigHistory.count,
    mode: (_i, _n, r) => {
      const x = r()
      return x < 0.02 ? 'http-500' : x < 0.03 ? 'timeout' : 'ok-200'
    },
  },
  'wh-di-completed': { count: 40, mode: (_i, _n, r) => (r() < 0.08 ? 'http-404' : 'ok-200') },
  'wh-broken-endpoint': { count: 10, from: 0.05, to: 0.3, mode: () => 'redirect-308' },
}

/**
 * The seeded history of `webhooks` over the 7 days before `now`, oldest
 * first. Deterministic: the same `now` gives the same deliveries.
 */
export function buildSeedDeliveries(
  now: number,
  webhooks: StoredWebhook[],
  threshold = defaultConfig().failureThreshold,
  bigHistorySize: number = SEED_DELIVERIES.bigHistory.count,
  legacyPayloads = defaultConfig().legacyPayloads,
): StoredDelivery[] {
  const deliveries: StoredDelivery[] = []
  for (const webhook of webhooks) {
    const planned = PLANS[webhook.id]
    const plan = planned && webhook.id === SEED_DELIVERIES.bigHistory.webhookId ? { ...planned, count: bigHistorySize } : planned
    if (!plan || !webhook.eventTypes?.length) continue
    const random = prng(webhook.id)
    const start = now - RETENTION_MS + (plan.from ?? 0) * RETENTION_MS + 60_000
    const span = ((plan.to ?? 1) - (plan.from ?? 0)) * RETENTION_MS - 120_000
    const url = webhook.url ?? ''
    const headers = requestHeadersFor(webhook)
    const signature = webhook.secret ? 'seed' : undefined
    const prefix = `${webhook.id.replace(/^wh-/, 'dl-')}-`
    let run = 0
    for (let i = 0; i < plan.count; i++) {
      const triggered = Math.floor(start + ((i + 0.1 + 0.8 * random()) * span) / plan.count)
      const event = webhook.eventTypes[Math.floor(random() * webhook.eventTypes.length)]!
      let mode = plan.mode(i, plan.count, random)
      // An enabled webhook has never reached the threshold, or it would be disabled.
      if (mode !== 'ok-200' && mode !== 'ok-202' && webhook.enabled && run + 1 >= threshold) mode = 'ok-200'
      const outcome = receiverOutcome(mode, url)
      run = outcome.status === 'success' ? 0 : run + 1
      const payload: PayloadRecipe = {
        event,
        format: payloadFormatFor(webhook, triggered, legacyPayloads),
        eventId: uuid(random),
        time: new Date(triggered - 150 - Math.floor(random() * 2000)).toISOString(),
      }
      if (plan.shape) Object.assign(payload, plan.shape(i, plan.count, random))
      const delivery: StoredDelivery = {
        id: `${prefix}${String(i + 1).padStart(4, '0')}`,
        webhookId: webhook.id,
        eventType: event,
        status: outcome.status,
        triggeredAt: new Date(triggered).toISOString(),
        statusMessage: outcome.statusMessage,
        request: { url, headers },
        payload,
        seeded: true,
      }
      if (outcome.response) delivery.response = outcome.response
      if (signature) delivery.signature = signature
      deliveries.push(delivery)
    }
  }
  return deliveries
}

/** Each webhook's run of failures at the end of `deliveries` (oldest first). */
export function trailingFailures(deliveries: StoredDelivery[]): Record<string, number> {
  const failures: Record<string, number> = {}
  for (const delivery of deliveries) {
    failures[delivery.webhookId] = delivery.status === 'success' ? 0 : (failures[delivery.webhookId] ?? 0) + 1
  }
  return failures
}

import type { Delivery, Level, Origin, Webhook } from '../src/api/schemas'

/**
 * A webhook as the mock tenant stores it: the response fields plus the
 * write-only values (secret, encrypted header values) that are never
 * returned by any handler.
 */
export type StoredWebhook = Omit<Webhook, 'encryptedHeaders' | 'level' | 'origin'> & {
  id: string
  level?: Level
  origin?: Origin
  secret?: string
  encryptedHeaders?: Record<string, string>
}

export const PERSONAS = ['tenantAdmin', 'manager', 'user', 'none'] as const
export type Persona = (typeof PERSONAS)[number]

/**
 * How a webhook's receiver answers a delivery (webhooks-api.md §8 receiver
 * modes): `slow` answers 200 after SLOW_RECEIVER_MS; `fail-1-in-N` answers
 * 500 to every Nth delivery and 200 to the others.
 */
export type ReceiverMode =
  | 'ok-200'
  | 'ok-202'
  | 'http-401'
  | 'http-404'
  | 'http-410'
  | 'http-500'
  | 'redirect-308'
  | 'timeout'
  | 'tls-expired'
  | 'tls-revoked'
  | 'slow'
  | `fail-1-in-${number}`

export type PayloadFormat = 'legacy' | 'hybrid' | 'cloudevents'

/**
 * What a delivery's body is built from: an event of mocks/fixtures in one
 * format, with its own event id and time. Bodies are built when read, which
 * keeps thousands of seeded deliveries cheap to create and to persist.
 */
export type PayloadRecipe = {
  event: string
  format: PayloadFormat
  eventId: string
  time: string
  /** Replaces these keys of the event's `data`. */
  data?: Record<string, unknown>
  spaceId?: string
  topLevelResourceId?: string
  /** The resource's owner (`ownerid`) and the user who acted (`userid`). */
  ownerId?: string
  userId?: string
  /** `data` is exactly this, rather than the fixture's with keys replaced. */
  replaceData?: true
  /** Appends about this many bytes of reload statements to `data`. */
  bulkBytes?: number
}

/**
 * A delivery as the mock stores it. The API's `request.body` and the
 * `Qlik-Signature` header are derived from `payload` when read.
 */
export type StoredDelivery = Omit<Delivery, 'request'> & {
  request: { url: string; headers: Record<string, string> }
  payload: PayloadRecipe
  /** The `Qlik-Signature` sent, or `seed` when signed with the seeded secret of SEED_SECRETS. */
  signature?: string
  /** Part of the seed: rebuilt from `seededAt` rather than persisted. */
  seeded?: true
  /** Made by "Send test event" (mock only): not part of the API's answer. */
  test?: true
}

/** Requests a minute per user: Tier 1 every GET, Tier 2 every write (create, update, patch, delete, resend). */
export type RateLimits = { tier1: number; tier2: number }
export const DEFAULT_RATE_LIMITS: RateLimits = { tier1: 1000, tier2: 100 }

export type MockConfig = {
  persona: Persona
  /** The caller's user id. */
  userId: string
  tenantId: string
  quotaPerUser: number
  quotaPerTenant: number
  /** Consecutive failed deliveries after which a webhook is disabled. */
  failureThreshold: number
  /** Receiver modes by webhook id or URL host, over the defaults of mocks/deliveries.ts. */
  receivers: Record<string, ReceiverMode>
  /** Live traffic: events raised across the catalogue while the mock runs (off by default). */
  liveTraffic: boolean
  /** Events per minute while live traffic is on, 1 to 600. */
  liveTrafficPerMinute: number
  /**
   * How many deliveries the seed gives the big-history webhook
   * (SEED_DELIVERIES.bigHistory, 3,000 by default): the bench sets 1,000 or
   * 10,000. Changing it puts the mock back to its seed (configureMock).
   */
  seedHistorySize?: number
  /** `false` plays an older tenant or region: `/api/core/webhooks` answers 404 and only v1 is there. */
  coreApi: boolean
  /** What Core's create sets `enableCloudEventDelivery` to, whatever the body says (Qlik decides it from feature flags). */
  cloudEventDeliveryOnCreate: boolean
  /** Requests a minute per user and tier, or `false` for no limit. */
  rateLimits: RateLimits | false
  /**
   * An older tenant's payloads: legacy and hybrid as before Qlik removed the
   * legacy fields on 2026-10-06 (see payloadFormatFor). Off by default: the
   * timeline makes every payload of the last 7 days CloudEvents.
   */
  legacyPayloads: boolean
}

export type MockState = {
  webhooks: StoredWebhook[]
  deliveries: StoredDelivery[]
  config: MockConfig
  /** Consecutive failures per webhook id. */
  failures: Record<string, number>
  sequence: number
  /** The `now` the seeded deliveries were built for. */
  seededAt?: number
}

export const ADMIN_USER_ID = 'vNRGrDZIypJzauw59BbpvkRhqbmI'

export const defaultConfig = (): MockConfig => ({
  persona: 'tenantAdmin',
  userId: ADMIN_USER_ID,
  tenantId: 'oZcMPa_1PwH4FUdrh6839YHHdEJN',
  quotaPerUser: 150,
  quotaPerTenant: 100,
  failureThreshold: 10,
  receivers: {},
  liveTraffic: false,
  liveTrafficPerMinute: 6,
  coreApi: true,
  cloudEventDeliveryOnCreate: true,
  rateLimits: { ...DEFAULT_RATE_LIMITS },
  legacyPayloads: false,
})

/** The mock tenant's whole state; handlers read and write it through `db`. */
export const db: { state: MockState } = {
  state: { webhooks: [], deliveries: [], config: defaultConfig(), failures: {}, sequence: 0 },
}

export function nextId(prefix: string): string {
  db.state.sequence += 1
  return `${prefix}-${db.state.sequence.toString(36).padStart(6, '0')}`
}

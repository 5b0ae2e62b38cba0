import { OMITTED_HEADER_VALUE, type Delivery } from '../src/api/schemas'
import { qlikSignature } from '../src/lib/hmac'
import {
  db,
  defaultConfig,
  nextId,
  type PayloadFormat,
  type PayloadRecipe,
  type ReceiverMode,
  type StoredDelivery,
  type StoredWebhook,
} from './db'
import examples from './fixtures/event-examples.json' with { type: 'json' }

// Deliveries of the mock tenant (webhooks-api.md §8, §9, §11): the receiver
// each webhook talks to, and how a delivery is made and its body and
// signature built. The seeded history is in seed-deliveries.ts.
//
// Body rule: the body sent is JSON.stringify(payload), no spaces, and
// `Qlik-Signature` is the HMAC of exactly that string. The API returns the
// payload as `request.body`, so JSON.stringify(request.body) gives back the
// signed string byte for byte.

export const RETENTION_MS = 7 * 24 * 60 * 60 * 1000
const TIMEOUT_SECONDS = 10

/**
 * Receivers by URL host, so that pointing a webhook elsewhere changes the
 * outcome of its next delivery. `MockConfig.receivers` overrides these by
 * webhook id or host; every other receiver answers 200.
 */
export const DEFAULT_RECEIVERS: Record<string, ReceiverMode> = {
  'staging.acme-corp.example.com': 'redirect-308',
  'siem.acme-corp.example.com': 'http-500',
  // Only fails webhooks that check revocation (checkCertificateRevocation).
  'archive.acme-corp.example.com': 'tls-revoked',
}

export function receiverFor(webhook: StoredWebhook): ReceiverMode {
  const receivers = db.state.config.receivers ?? {}
  let host = ''
  try {
    host = new URL(webhook.url ?? '').hostname
  } catch {
    // an unreadable URL cannot be reached: answered as a timeout below
  }
  if (!host) return 'timeout'
  const mode = receivers[webhook.id] ?? receivers[host] ?? DEFAULT_RECEIVERS[host] ?? 'ok-200'
  return mode === 'tls-revoked' && !webhook.checkCertificateRevocation ? 'ok-200' : mode
}

/** Hybrid payloads (legacy and CloudEvents fields) replaced legacy ones from this day (Qlik's migration notice). */
export const HYBRID_PAYLOADS_FROM = '2025-11-03'
/** Qlik removed the legacy fields on this day (changelog 216): every payload since is CloudEvents. */
export const LEGACY_FIELDS_REMOVED = '2026-10-06'

/**
 * Which envelope a webhook receives for an event at `time`. By Qlik's
 * timeline: CloudEvents when CloudEvents delivery is on; otherwise legacy,
 * hybrid from 2025-11-03, and CloudEvents from 2026-10-06, when the legacy
 * fields were removed. `legacyPayloads` (a mock setting, for demos of older
 * tenants) brings back the formats of before the removal whatever the date:
 * legacy when CloudEvents delivery is off, hybrid for webhooks created
 * before 2026-02-01, CloudEvents 1.0 otherwise.
 */
export function payloadFormatFor(
  webhook: Pick<StoredWebhook, 'enableCloudEventDelivery' | 'createdAt'>,
  time: number | string,
  legacyPayloads = false,
): PayloadFormat {
  if (legacyPayloads) {
    if (webhook.enableCloudEventDelivery === false) return 'legacy'
    const created = webhook.createdAt
    return created && created < '2026-02-01' ? 'hybrid' : 'cloudevents'
  }
  if (webhook.enableCloudEventDelivery !== false) return 'cloudevents'
  const at = new Date(time).toISOString()
  if (at >= LEGACY_FIELDS_REMOVED) return 'cloudevents'
  return at >= HYBRID_PAYLOADS_FROM ? 'hybrid' : 'legacy'
}

/**
 * The CloudEvents `specversion` an event carries, where Qlik's sources give
 * one other than the fixture's: 1.0.2 for app events (changelog 210), API key
 * events (the core/api-keys example) and automation events (Qlik's hybrid
 * example for automation created, and the automation run examples). User
 * events, reloads and data integration tasks keep the 1.0 of their examples.
 */
export function specVersionOf(event: string): string | undefined {
  return /^com\.qlik\.v1\.(app|api-key|automation)\./.test(event) ? '1.0.2' : undefined
}

const HTTP_REASONS: Record<number, string> = {
  200: 'OK',
  202: 'Accepted',
  308: 'Permanent Redirect',
  401: 'Unauthorized',
  404: 'Not Found',
  410: 'Gone',
  500: 'Internal Server Error',
}

/** What a receiver's answer (or its absence) leaves in a delivery record. */
export type DeliveryOutcome = Pick<StoredDelivery, 'status' | 'statusMessage' | 'response'>
type Outcome = DeliveryOutcome

// The response's `date` header is added when the delivery is read (from
// triggeredAt): formatting thousands of dates is most of the seed's cost.
function httpOutcome(statusCode: number, contentType: string, body: string, extra: Record<string, string> = {}): Outcome {
  const reason = HTTP_REASONS[statusCode] ?? ''
  return {
    status: statusCode >= 200 && statusCode < 300 ? 'success' : 'fail',
    statusMessage: `HTTP ${statusCode} ${reason}`,
    response: {
      statusCode,
      headers: { 'content-type': contentType, ...extra },
      body,
    },
  }
}

/** What the receiver in `mode` answers to a POST to `url`. */
export function receiverOutcome(mode: ReceiverMode, url: string): Outcome {
  switch (mode) {
    case 'ok-200':
      return httpOutcome(200, 'application/json', '{"ok":true}')
    case 'ok-202':
      return httpOutcome(202, 'application/json', '{"status":"queued"}')
    case 'http-401':
      return httpOutcome(401, 'application/json', '{"error":"invalid_token","error_description":"The access token expired."}', {
        'www-authenticate': 'Bearer error="invalid_token"',
      })
    case 'http-404':
      return httpOutcome(
        404,
        'text/html; charset=utf-8',
        '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>',
      )
    case 'http-410':
      return httpOutcome(410, 'text/plain; charset=utf-8', 'This endpoint has been retired.')
    case 'http-500':
      return httpOutcome(500, 'application/json', '{"error":"internal_error","message":"upstream queue unavailable"}')
    case 'redirect-308': {
      const target = new URL(url)
      target.pathname = `/v2${target.pathname}`
      const outcome = httpOutcome(308, 'text/plain; charset=utf-8', '', { location: target.toString() })
      return { ...outcome, statusMessage: `HTTP 308 Permanent Redirect to ${target.toString()}: redirects are not followed` }
    }
    case 'timeout':
      return { status: 'fail', statusMessage: `Timeout: no response within ${TIMEOUT_SECONDS} seconds` }
    case 'tls-expired':
      return { status: 'fail', statusMessage: 'TLS handshake failed: x509: certificate has expired or is not yet valid' }
    case 'tls-revoked':
      return { status: 'fail', statusMessage: 'TLS handshake failed: certificate has been revoked' }
    case 'slow':
      return httpOutcome(200, 'application/json', '{"ok":true}')
    default:
      // `fail-1-in-N` is decided per delivery by simulateReceiver; here it stands for its usual answer.
      return httpOutcome(200, 'application/json', '{"ok":true}')
  }
}

/** How long a `slow` receiver takes to answer; tests may shorten it. */
export const SLOW_RECEIVER = { ms: 4000 }

/** `fail-1-in-N`: N, or undefined for any other mode. */
export function failOneIn(mode: ReceiverMode): number | undefined {
  const match = /^fail-1-in-(\d+)$/.exec(mode)
  const n = match ? Number(match[1]) : NaN
  return Number.isInteger(n) && n >= 1 ? n : undefined
}

/** Whether a string names a receiver mode (the configuration takes strings from outside). */
export function isReceiverMode(value: unknown): value is ReceiverMode {
  return typeof value === 'string' && (RECEIVER_MODES.includes(value as ReceiverMode) || failOneIn(value as ReceiverMode) !== undefined)
}

export const RECEIVER_MODES: readonly ReceiverMode[] = [
  'ok-200',
  'ok-202',
  'http-401',
  'http-404',
  'http-410',
  'http-500',
  'redirect-308',
  'timeout',
  'tls-expired',
  'tls-revoked',
  'slow',
]

// Deliveries made per webhook while in `fail-1-in-N`, so that every Nth fails.
const oneInCounts = new Map<string, number>()

/** The simulated receiver of a webhook: its configured mode decides the answer. */
export async function simulateReceiver(webhook: StoredWebhook, url: string): Promise<Outcome> {
  const mode = receiverFor(webhook)
  if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, SLOW_RECEIVER.ms))
  const n = failOneIn(mode)
  if (n !== undefined) {
    const count = (oneInCounts.get(webhook.id) ?? 0) + 1
    oneInCounts.set(webhook.id, count)
    return receiverOutcome(count % n === 0 ? 'http-500' : 'ok-200', url)
  }
  return receiverOutcome(mode, url)
}

/** One delivery on its way out: the exact body and the headers as sent, encrypted values included. */
export type OutgoingDelivery = { webhook: StoredWebhook; url: string; body: string; headers: Record<string, string> }
export type DeliveryTransport = (outgoing: OutgoingDelivery) => Promise<Outcome>

const simulated: DeliveryTransport = ({ webhook, url }) => simulateReceiver(webhook, url)
let transport: DeliveryTransport = simulated

/** Sends every delivery through `next` (the mock server's real POSTs); no argument goes back to the simulated receivers. */
export function setDeliveryTransport(next?: DeliveryTransport): void {
  transport = next ?? simulated
}

/**
 * The headers Qlik sends, except `Qlik-Signature`. Encrypted values appear
 * as `**OMITTED**`, as in the record, unless `sent` asks for the values that
 * go on the wire.
 */
export function requestHeadersFor(webhook: StoredWebhook, sent = false): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'User-Agent': 'Qlik Webhook',
    'Accept-Encoding': 'gzip',
    ...webhook.headers,
    ...Object.fromEntries(
      Object.entries(webhook.encryptedHeaders ?? {}).map(([name, value]) => [name, sent ? value : OMITTED_HEADER_VALUE]),
    ),
  }
}

type Fixture = { [format in PayloadFormat]?: { payload: Record<string, unknown> } }
const fixtures = (examples as { events: Record<string, Fixture> }).events

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** ~`bytes` of reload statements, the same for the same size. */
function bulkStatements(bytes: number): Record<string, unknown>[] {
  const statements: Record<string, unknown>[] = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const n = String(i + 1).padStart(5, '0')
    const statement = {
      line: i + 1,
      statement: `LOAD OrderID, CustomerID, Region, Amount, OrderDate FROM [lib://DataFiles/sales/orders_${n}.qvd] (qvd);`,
      rows: (i * 7919) % 100_000,
      durationMs: (i * 37) % 5_000,
    }
    statements.push(statement)
    size += JSON.stringify(statement).length + 1
  }
  return statements
}

function setIfPresent(target: unknown, key: string, value: unknown) {
  if (isRecord(target) && key in target) target[key] = value
}

/** The payload a recipe stands for, in its format, with its own id and time. */
export function buildPayload(recipe: PayloadRecipe): Record<string, unknown> {
  const fixture = fixtures[recipe.event]?.[recipe.format]?.payload
  const payload: Record<string, unknown> = fixture
    ? structuredClone(fixture)
    : recipe.format === 'legacy'
      ? { cloudEventsVersion: '0.1', eventId: '', eventTime: '', eventType: recipe.event, contentType: 'application/json', data: {} }
      : { specversion: '1.0', id: '', time: '', type: recipe.event, source: 'com.qlik', datacontenttype: 'application/json', data: {} }
  const extensions = payload.extensions
  const specversion = specVersionOf(recipe.event)
  if (specversion) setIfPresent(payload, 'specversion', specversion)
  for (const key of ['id', 'eventId', 'eventID']) setIfPresent(payload, key, recipe.eventId)
  for (const key of ['time', 'eventTime']) setIfPresent(payload, key, recipe.time)
  const tenantId = defaultConfig().tenantId
  setIfPresent(payload, 'tenantid', tenantId)
  setIfPresent(extensions, 'tenantId', tenantId)
  if (recipe.ownerId) {
    setIfPresent(payload, 'ownerid', recipe.ownerId)
    setIfPresent(extensions, 'ownerId', recipe.ownerId)
  }
  if (recipe.userId) {
    setIfPresent(payload, 'userid', recipe.userId)
    setIfPresent(extensions, 'userId', recipe.userId)
  }
  if (recipe.spaceId) {
    setIfPresent(payload, 'spaceid', recipe.spaceId)
    setIfPresent(extensions, 'spaceId', recipe.spaceId)
  }
  if (recipe.topLevelResourceId) {
    setIfPresent(payload, 'toplevelresourceid', recipe.topLevelResourceId)
    setIfPresent(extensions, 'topLevelResourceId', recipe.topLevelResourceId)
  }
  if (recipe.replaceData) payload.data = structuredClone(recipe.data ?? {})
  const data = isRecord(payload.data) ? payload.data : (payload.data = {})
  if (!recipe.replaceData) Object.assign(data, recipe.data)
  if (recipe.bulkBytes) data.statements = bulkStatements(recipe.bulkBytes)
  return payload
}

// Keyed by the record: a new seed (another `now`) makes new records with new event times.
const seedSignatures = new WeakMap<StoredDelivery, string>()
// A record never changes, so neither does its body: built once, not on every page that lists it.
const bodies = new WeakMap<StoredDelivery, Record<string, unknown>>()

/**
 * A stored delivery as the API returns it: the body built from its recipe,
 * and `Qlik-Signature` over JSON.stringify of that body when a secret was set.
 */
export async function toDeliveryResponse(stored: StoredDelivery, seedSecrets: Record<string, string>): Promise<Delivery> {
  const { payload, signature: sent, request, response } = stored
  let body = bodies.get(stored)
  if (!body) bodies.set(stored, (body = buildPayload(payload)))
  let signature = sent
  if (sent === 'seed') {
    const secret = seedSecrets[stored.webhookId]
    signature = seedSignatures.get(stored)
    if (!signature && secret) {
      signature = await qlikSignature(secret, JSON.stringify(body))
      seedSignatures.set(stored, signature)
    }
  }
  const headers = signature ? { ...request.headers, 'Qlik-Signature': signature } : request.headers
  const { id, webhookId, eventType, status, triggeredAt, statusMessage } = stored
  return {
    id,
    webhookId,
    eventType,
    status,
    triggeredAt,
    ...(statusMessage !== undefined ? { statusMessage } : {}),
    request: { url: request.url, headers, body },
    ...(response
      ? { response: { ...response, headers: { ...response.headers, date: new Date(Date.parse(triggeredAt) + 180).toUTCString() } } }
      : {}),
  }
}

/**
 * Whether a delivery is within the 7 days kept, as of `now`. The mock writes every time with
 * toISOString, so this is one string comparison per record: a page of a long history tests thousands.
 */
export function retainedAt(now = Date.now()): (delivery: Pick<StoredDelivery, 'triggeredAt'>) => boolean {
  const cutoff = new Date(now - RETENTION_MS).toISOString()
  return (delivery) => delivery.triggeredAt > cutoff
}

export const isRetained = (delivery: Pick<StoredDelivery, 'triggeredAt'>, now = Date.now()) => retainedAt(now)(delivery)

/**
 * Counts a delivery's outcome towards the webhook's run of failures: a
 * success ends the run; a run reaching the threshold disables the webhook.
 */
export function recordOutcome(webhookId: string, delivery: Pick<StoredDelivery, 'status' | 'statusMessage'>): void {
  const { failures, config } = db.state
  // Looked up again: an edit while the delivery was under way replaces the stored object.
  const webhook = db.state.webhooks.find((w) => w.id === webhookId)
  if (!webhook) return
  if (delivery.status === 'success') {
    failures[webhook.id] = 0
    return
  }
  const run = (failures[webhook.id] ?? 0) + 1
  failures[webhook.id] = run
  if (run >= config.failureThreshold && webhook.enabled) {
    webhook.enabled = false
    webhook.disabledReason = `Disabled after ${run} consecutive failed deliveries (last: ${delivery.statusMessage ?? 'failed'}).`
    webhook.disabledReasonCode = 'DELIVERY_FAILURE_THRESHOLD'
  }
}

/**
 * Sends `payload` to the webhook as it is configured now (URL, headers,
 * encrypted headers, secret, revocation check) through the receiver of
 * setDeliveryTransport, and records the new delivery.
 */
export async function deliver(
  webhook: StoredWebhook,
  eventType: string,
  payload: PayloadRecipe,
  now = Date.now(),
  options: { test?: boolean } = {},
): Promise<StoredDelivery> {
  const url = webhook.url ?? ''
  const body = JSON.stringify(buildPayload(payload))
  const signature = webhook.secret ? await qlikSignature(webhook.secret, body) : undefined
  const headers = requestHeadersFor(webhook)
  const sent = { ...requestHeadersFor(webhook, true), ...(signature ? { 'Qlik-Signature': signature } : {}) }
  const id = nextId('dl')
  const outcome = await transport({ webhook, url, body, headers: sent })
  const delivery: StoredDelivery = {
    id,
    webhookId: webhook.id,
    eventType,
    triggeredAt: new Date(now).toISOString(),
    request: { url, headers },
    payload,
    ...(signature ? { signature } : {}),
    ...(options.test ? { test: true as const } : {}),
    ...outcome,
  }
  // The webhook may have been deleted while its receiver answered.
  if (!db.state.webhooks.some((w) => w.id === webhook.id)) return delivery
  db.state.deliveries.push(delivery)
  recordOutcome(webhook.id, delivery)
  return delivery
}

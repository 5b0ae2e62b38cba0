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

/**
 * Which envelope a webhook receives: legacy when CloudEvents delivery is off;
 * hybrid (both sets of fields) for CloudEvents webhooks created before
 * 2026-02-01, as during Qlik's migration; CloudEvents 1.0 otherwise.
 */
export function payloadFormatFor(webhook: Pick<StoredWebhook, 'enableCloudEventDelivery' | 'createdAt'>): PayloadFormat {
  if (webhook.enableCloudEventDelivery === false) return 'legacy'
  const created = webhook.createdAt
  return created && created < '2026-02-01' ? 'hybrid' : 'cloudevents'
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

type Outcome = Pick<StoredDelivery, 'status' | 'statusMessage' | 'response'>

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
  }
}

/** The headers Qlik sends, except `Qlik-Signature`; encrypted values never appear. */
export function requestHeadersFor(webhook: StoredWebhook): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'User-Agent': 'Qlik Webhook',
    'Accept-Encoding': 'gzip',
    ...webhook.headers,
    ...Object.fromEntries(Object.keys(webhook.encryptedHeaders ?? {}).map((name) => [name, OMITTED_HEADER_VALUE])),
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
  for (const key of ['id', 'eventId', 'eventID']) setIfPresent(payload, key, recipe.eventId)
  for (const key of ['time', 'eventTime']) setIfPresent(payload, key, recipe.time)
  const tenantId = defaultConfig().tenantId
  setIfPresent(payload, 'tenantid', tenantId)
  setIfPresent(extensions, 'tenantId', tenantId)
  if (recipe.spaceId) {
    setIfPresent(payload, 'spaceid', recipe.spaceId)
    setIfPresent(extensions, 'spaceId', recipe.spaceId)
  }
  if (recipe.topLevelResourceId) {
    setIfPresent(payload, 'toplevelresourceid', recipe.topLevelResourceId)
    setIfPresent(extensions, 'topLevelResourceId', recipe.topLevelResourceId)
  }
  const data = isRecord(payload.data) ? payload.data : (payload.data = {})
  Object.assign(data, recipe.data)
  if (recipe.bulkBytes) data.statements = bulkStatements(recipe.bulkBytes)
  return payload
}

// Keyed by the record: a new seed (another `now`) makes new records with new event times.
const seedSignatures = new WeakMap<StoredDelivery, string>()

/**
 * A stored delivery as the API returns it: the body built from its recipe,
 * and `Qlik-Signature` over JSON.stringify of that body when a secret was set.
 */
export async function toDeliveryResponse(stored: StoredDelivery, seedSecrets: Record<string, string>): Promise<Delivery> {
  const { payload, signature: sent, request, response } = stored
  const body = buildPayload(payload)
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

export const isRetained = (delivery: Pick<StoredDelivery, 'triggeredAt'>, now = Date.now()) =>
  Date.parse(delivery.triggeredAt) > now - RETENTION_MS

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
 * secret, revocation check) and records the new delivery.
 */
export async function deliver(
  webhook: StoredWebhook,
  eventType: string,
  payload: PayloadRecipe,
  now = Date.now(),
): Promise<StoredDelivery> {
  const url = webhook.url ?? ''
  const signature = webhook.secret ? await qlikSignature(webhook.secret, JSON.stringify(buildPayload(payload))) : undefined
  const delivery: StoredDelivery = {
    id: nextId('dl'),
    webhookId: webhook.id,
    eventType,
    triggeredAt: new Date(now).toISOString(),
    request: { url, headers: requestHeadersFor(webhook) },
    payload,
    ...(signature ? { signature } : {}),
    ...receiverOutcome(receiverFor(webhook), url),
  }
  db.state.deliveries.push(delivery)
  recordOutcome(webhook.id, delivery)
  return delivery
}

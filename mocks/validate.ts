import {
  PATCH_PATHS,
  eventTypeIssues,
  fieldIssues,
  toErrorItem,
  webhookBaseRules,
  webhookPostRules,
  type FieldIssue,
  type Level,
  type WebhookBase,
} from '../src/api'
import { EVENT_TYPES } from './catalogue'
import type { StoredWebhook } from './db'
import { MAX_BODY_BYTES, badRequest, errorResponse, errorsResponse, forbidden, payloadTooLarge } from './http-utils'

// Request checks of the mock tenant's webhook operations (webhooks-api.md
// §4–§7). Field rules come from src/api/rules.ts, the same ones the form
// uses. Unknown fields are ignored, as zod's object schemas strip them.

type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response }

/** Reads a JSON body; one above MAX_BODY_BYTES is a 413, an empty or malformed one a 400 that says why. */
export async function readJson(request: Request): Promise<Parsed<unknown>> {
  const declared = Number(request.headers.get('content-length'))
  if (declared > MAX_BODY_BYTES) return { ok: false, response: payloadTooLarge(declared) }
  const bytes = await request.arrayBuffer()
  if (bytes.byteLength > MAX_BODY_BYTES) return { ok: false, response: payloadTooLarge(bytes.byteLength) }
  const text = new TextDecoder().decode(bytes)
  if (text.trim() === '') return { ok: false, response: badRequest('The request body is empty; send a JSON document.') }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    // Not the parser's message: it quotes the body, which may hold a secret.
    return { ok: false, response: badRequest('The request body is not valid JSON.') }
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

export const invalid = (issues: FieldIssue[]) => errorsResponse(400, issues.map(toErrorItem))

/** Checks a POST (`post`) or PUT body against every field rule and the event-type catalogue. */
export function checkWebhookBody<K extends 'post' | 'put'>(
  kind: K,
  body: unknown,
): Parsed<K extends 'post' ? ReturnType<typeof webhookPostRules.parse> : WebhookBase> {
  if (!isObject(body)) return { ok: false, response: badRequest('The request body must be a JSON object (a webhook).') }
  const result = (kind === 'post' ? webhookPostRules : webhookBaseRules).safeParse(body)
  if (!result.success) return { ok: false, response: invalid(fieldIssues(result.error)) }
  const issues = eventTypeIssues(result.data.eventTypes, result.data.level ?? 'tenant', EVENT_TYPES)
  if (issues.length) return { ok: false, response: invalid(issues) }
  return { ok: true, value: result.data as never }
}

/** Fields only the server writes; a PUT that carries any of them is a 409. */
export const READ_ONLY_FIELDS = [
  'id',
  'origin',
  'secretKeyAdded',
  'createdAt',
  'updatedAt',
  'createdByUserId',
  'updatedByUserId',
  'disabledReason',
  'disabledReasonCode',
] as const

export function readOnlyConflict(body: unknown): Response | undefined {
  if (!isObject(body)) return undefined
  const present = READ_ONLY_FIELDS.filter((field) => field in body)
  if (!present.length) return undefined
  return errorResponse(
    409,
    'WEBHOOKS-409-READONLY',
    'Read-only field',
    `${present.join(', ')} ${present.length === 1 ? 'is' : 'are'} read-only and cannot be sent in a PUT; leave ${present.length === 1 ? 'it' : 'them'} out.`,
  )
}

export const cloudEventsLocked = () =>
  errorResponse(
    403,
    'WEBHOOKS-403-CLOUDEVENT',
    'CloudEvents delivery cannot be turned off',
    'enableCloudEventDelivery is true for this webhook; once on, it cannot be turned off.',
  )

/** The writable fields of a stored webhook, as a PUT body would carry them. */
export function writableOf(webhook: StoredWebhook): Record<string, unknown> {
  return {
    name: webhook.name,
    url: webhook.url,
    description: webhook.description,
    eventTypes: webhook.eventTypes,
    level: webhook.level,
    ownerId: webhook.ownerId,
    filter: webhook.filter,
    secret: webhook.secret,
    enabled: webhook.enabled,
    headers: webhook.headers,
    encryptedHeaders: webhook.encryptedHeaders,
    enableCloudEventDelivery: webhook.enableCloudEventDelivery,
    checkCertificateRevocation: webhook.checkCertificateRevocation,
  }
}

const FIELD_OF_PATH = Object.fromEntries(PATCH_PATHS.map((path) => [path, path.slice(1)])) as Record<
  (typeof PATCH_PATHS)[number],
  keyof WebhookBase
>

export type PatchResult = {
  /** The webhook's writable fields after every operation, not yet validated. */
  next: Record<string, unknown>
  /** Fields any operation touched. */
  touched: Set<keyof WebhookBase>
}

/**
 * Applies an RFC 6902 document on the v1 paths to a copy of the webhook's
 * writable fields. `add` and `replace` set a whole field (also one that is
 * not set yet) and `remove` clears it; `/headers` and `/encryptedHeaders`
 * act on the whole map. Nothing is stored here: the caller validates the
 * result as a whole and stores it only when every rule holds.
 */
export function applyPatch(webhook: StoredWebhook, body: unknown): Parsed<PatchResult> {
  if (!Array.isArray(body)) {
    return { ok: false, response: badRequest('The request body must be a JSON array of patch operations (RFC 6902).') }
  }
  if (body.length === 0) return { ok: false, response: badRequest('The patch document is empty; send at least one operation.') }
  const next = structuredClone(writableOf(webhook))
  const touched = new Set<keyof WebhookBase>()
  for (const [index, operation] of body.entries()) {
    const where = `Operation ${index + 1}`
    if (!isObject(operation)) return { ok: false, response: badRequest(`${where} must be an object with op, path and value.`) }
    const { op, path } = operation
    if (op !== 'add' && op !== 'remove' && op !== 'replace') {
      return { ok: false, response: badRequest(`${where}: op must be add, remove or replace, got ${JSON.stringify(op)}.`) }
    }
    if (typeof path !== 'string' || !(PATCH_PATHS as readonly string[]).includes(path)) {
      return {
        ok: false,
        response: badRequest(
          `${where}: path ${JSON.stringify(path)} cannot be patched; use one of ${PATCH_PATHS.join(', ')}. ` +
            'Change filter, level, ownerId or checkCertificateRevocation with a PUT.',
        ),
      }
    }
    const field = FIELD_OF_PATH[path as (typeof PATCH_PATHS)[number]]
    touched.add(field)
    if (op === 'remove') {
      delete next[field]
      continue
    }
    if (!('value' in operation)) return { ok: false, response: badRequest(`${where}: ${op} ${path} needs a value.`) }
    next[field] = operation.value
  }
  return { ok: true, value: { next, touched } }
}

/** What a webhook's level allows the caller: undefined when allowed, else the 403. */
export function levelForbidden(level: Level, persona: string, previous?: Level): Response | undefined {
  if (level !== 'tenant' || persona === 'tenantAdmin') return undefined
  if (persona === 'manager' && previous === 'tenant') return undefined
  const detail =
    previous === undefined
      ? 'Only a tenant admin can create tenant-level webhooks; set level to "user".'
      : previous === 'user'
        ? 'Only a tenant admin can move a webhook to tenant level; send level "user" (a PUT without level means tenant).'
        : 'Only a tenant admin or a manager can replace a tenant-level webhook.'
  return forbidden(detail)
}

import {
  eventTypeIssues,
  fieldIssues,
  toErrorItem,
  webhookBaseRules,
  webhookPostRules,
  type FieldIssue,
  type Level,
  type WebhookBase,
} from '../src/api'
import type { ApiRules } from './api-rules'
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

export type PatchResult = {
  /** The webhook's writable fields after every operation, not yet validated. */
  next: Record<string, unknown>
  /** Fields any operation touched. */
  touched: Set<keyof WebhookBase>
  /** Encrypted headers set or removed one by one (Core member paths). */
  touchedEncrypted: Set<string>
}

/** Paths of fields only the server writes: Core answers a PATCH of one with 409. */
const READ_ONLY_PATHS = new Set(READ_ONLY_FIELDS.map((field) => `/${field}`))

/** RFC 6901: `~1` is `/` and `~0` is `~` in a reference token. */
const unescapePointer = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~')

/**
 * Applies an RFC 6902 document to a copy of the webhook's writable fields,
 * on the paths `rules` accepts. `add` and `replace` set a whole field (also
 * one that is not set yet) and `remove` clears it; on Core,
 * `/headers/<name>` and `/encryptedHeaders/<name>` set or remove one
 * member. Nothing is stored here: the caller validates the result as a
 * whole and stores it only when every rule holds.
 */
export function applyPatch(webhook: StoredWebhook, body: unknown, rules: ApiRules): Parsed<PatchResult> {
  if (!Array.isArray(body)) {
    return { ok: false, response: badRequest('The request body must be a JSON array of patch operations (RFC 6902).') }
  }
  if (body.length === 0) return { ok: false, response: badRequest('The patch document is empty; send at least one operation.') }
  const next = structuredClone(writableOf(webhook))
  const touched = new Set<keyof WebhookBase>()
  const touchedEncrypted = new Set<string>()
  for (const [index, operation] of body.entries()) {
    const where = `Operation ${index + 1}`
    const refuse = (detail: string): Parsed<PatchResult> => ({ ok: false, response: badRequest(`${where}: ${detail}`) })
    if (!isObject(operation)) return { ok: false, response: badRequest(`${where} must be an object with op, path and value.`) }
    const { op, path } = operation
    if (op !== 'add' && op !== 'remove' && op !== 'replace') return refuse(`op must be add, remove or replace, got ${JSON.stringify(op)}.`)
    if (typeof path === 'string' && rules.readOnlyPatchConflict && READ_ONLY_PATHS.has(path)) {
      return {
        ok: false,
        response: errorResponse(409, 'WEBHOOKS-409-READONLY', 'Read-only field', `${path.slice(1)} is read-only and cannot be patched.`),
      }
    }
    const member = typeof path === 'string' && rules.memberPaths ? /^\/(headers|encryptedHeaders)\/(.+)$/.exec(path) : null
    if (member) {
      const map = member[1] as 'headers' | 'encryptedHeaders'
      const name = unescapePointer(member[2]!)
      const current = { ...((next[map] as Record<string, string> | undefined) ?? {}) }
      if (op === 'remove') {
        if (!(name in current)) return refuse(`${map} has no member "${name}" to remove.`)
        delete current[name]
      } else {
        if (!('value' in operation)) return refuse(`${op} ${path} needs a value.`)
        if (op === 'replace' && !(name in current)) return refuse(`${map} has no member "${name}" to replace; use add.`)
        current[name] = operation.value as string
      }
      next[map] = current
      if (map === 'encryptedHeaders') touchedEncrypted.add(name)
      else touched.add('headers')
      continue
    }
    if (typeof path !== 'string' || !rules.patchPaths.includes(path)) {
      const hint = rules.memberPaths
        ? ', or /headers/<name> and /encryptedHeaders/<name>.'
        : '. Change filter, level, ownerId or checkCertificateRevocation with a PUT.'
      return refuse(`path ${JSON.stringify(path)} cannot be patched; use one of ${rules.patchPaths.join(', ')}${hint}`)
    }
    const field = path.slice(1) as keyof WebhookBase
    touched.add(field)
    if (op === 'remove') {
      delete next[field]
      continue
    }
    if (!('value' in operation)) return refuse(`${op} ${path} needs a value.`)
    next[field] = operation.value
  }
  return { ok: true, value: { next, touched, touchedEncrypted } }
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

import { http, HttpResponse } from 'msw'
import {
  ORIGINS,
  WEBHOOK_SORT_FIELDS,
  eventTypeIssues,
  fieldIssues,
  webhookBaseRules,
  type Level,
  type Webhook,
  type WebhookBase,
} from '../../src/api'
import { findVisibleWebhook, canSee, withoutPermission } from '../access'
import { API_RULES, type ApiRules } from '../api-rules'
import { EVENT_TYPES } from '../catalogue'
import { db, type StoredWebhook } from '../db'
import { badRequest, errorResponse, forbidden, notFound, paginate, readSort } from '../http-utils'
import { WILDCARD_PATTERN_MAX_LENGTH, wildcardMatch } from '../wildcard'
import { applyPatch, checkWebhookBody, cloudEventsLocked, invalid, levelForbidden, readJson, readOnlyConflict } from '../validate'

// The webhook operations of webhooks-api.md §2–§7 under /api/v1/webhooks,
// and of core-webhooks-api.md under /api/core/webhooks: one store, one set
// of handlers, each prefix's differences read from its ApiRules.

/** What the API returns for a stored webhook: never the secret, only header names. */
export function toResponse(stored: StoredWebhook): Webhook {
  const { secret, encryptedHeaders, ...rest } = stored
  return { ...rest, encryptedHeaders: Object.keys(encryptedHeaders ?? {}), secretKeyAdded: Boolean(secret) }
}

function visibleWebhooks(): StoredWebhook[] {
  return db.state.webhooks.filter(canSee)
}

/** Core's: a case-insensitive substring, `*` an ordinary character. */
const substringMatch = (value: string | undefined, part: string) => (value ?? '').toLowerCase().includes(part.toLowerCase())

function listWebhooks(rules: ApiRules, url: URL): Response {
  const q = url.searchParams
  let items = visibleWebhooks()
  const match = rules.textMatch === 'wildcard' ? wildcardMatch : substringMatch

  for (const key of ['name', 'url'] as const) {
    const pattern = q.get(key)
    if (!pattern) continue
    // The bound keeps v1's wildcard regex cheap; Core's substring needs none.
    if (rules.textMatch === 'wildcard' && pattern.length > WILDCARD_PATTERN_MAX_LENGTH) {
      return badRequest(`${key} must be at most ${WILDCARD_PATTERN_MAX_LENGTH} characters, got ${pattern.length}.`)
    }
    items = items.filter((w) => match(w[key], pattern))
  }

  const enabled = q.get('enabled')
  if (enabled !== null) {
    if (enabled !== 'true' && enabled !== 'false') return badRequest(`enabled must be true or false, got "${enabled}".`)
    items = items.filter((w) => Boolean(w.enabled) === (enabled === 'true'))
  }
  const level = q.get('level')
  if (level !== null) {
    if (level !== 'tenant' && level !== 'user') return badRequest(`level must be tenant or user, got "${level}".`)
    items = items.filter((w) => (w.level ?? 'tenant') === level)
  }
  const eventTypes = q.get('eventTypes')
  if (eventTypes) {
    const wanted = eventTypes
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    const unknown = wanted.find((name) => !EVENT_TYPES.some((t) => t.name === name))
    if (unknown) return badRequest(`Unknown event type "${unknown}".`)
    items = items.filter((w) => wanted.every((t) => w.eventTypes?.includes(t)))
  }
  const origins = q.get('origins')
  if (origins) {
    const wanted = origins.split(',').map((s) => s.trim())
    const unknown = wanted.find((o) => !(ORIGINS as readonly string[]).includes(o))
    if (unknown) return badRequest(`Unknown origin "${unknown}"; use ${ORIGINS.join(', ')}.`)
    items = items.filter((w) => wanted.includes(w.origin ?? 'api'))
  }
  for (const key of ['ownerId', 'createdByUserId', 'updatedByUserId'] as const) {
    const value = q.get(key)
    if (value) items = items.filter((w) => w[key] === value)
  }

  const sort = readSort(url, WEBHOOK_SORT_FIELDS, { field: 'createdAt', desc: true })
  if (sort instanceof Response) return sort
  const { field } = sort
  const direction = sort.desc ? -1 : 1
  items.sort(
    (a, b) => direction * (a[field] ?? '').localeCompare(b[field] ?? '', 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id),
  )

  const page = paginate(items.map(toResponse), url)
  return page instanceof Response ? page : HttpResponse.json(page)
}

const nonEmpty = <T extends string | undefined>(value: T) => (value ? value : undefined)

/**
 * The writable fields of a POST or PUT body, each one not sent at its
 * documented default. `cloudEvents` is decided by the caller: on create v1
 * defaults it to true and Core lets the tenant decide; on PUT an omitted
 * value means false (Qlik [core]), on both prefixes.
 */
function writableWithDefaults(body: WebhookBase, level: Level, ownerId: string, cloudEvents: boolean) {
  return {
    name: body.name,
    url: body.url,
    description: nonEmpty(body.description),
    eventTypes: body.eventTypes ?? [],
    level,
    ownerId,
    filter: nonEmpty(body.filter),
    secret: nonEmpty(body.secret),
    enabled: body.enabled ?? false,
    headers: body.headers ?? {},
    encryptedHeaders: body.encryptedHeaders ?? {},
    enableCloudEventDelivery: cloudEvents,
    checkCertificateRevocation: body.checkCertificateRevocation ?? false,
  }
}

/** Drops never-set fields, so that the API omits them as Qlik does. */
function compact(webhook: StoredWebhook): StoredWebhook {
  return Object.fromEntries(Object.entries(webhook).filter(([, value]) => value !== undefined)) as StoredWebhook
}

async function createWebhook(rules: ApiRules, request: Request): Promise<Response> {
  const denied = withoutPermission()
  if (denied) return denied
  const json = await readJson(request)
  if (!json.ok) return json.response
  const checked = checkWebhookBody('post', json.value)
  if (!checked.ok) return checked.response
  const body = checked.value
  const { persona, userId, quotaPerUser, quotaPerTenant } = db.state.config

  const level = body.level ?? 'tenant'
  const levelDenied = levelForbidden(level, persona)
  if (levelDenied) return levelDenied
  const ownerId = body.ownerId || userId
  if (ownerId !== userId && persona !== 'tenantAdmin') {
    return forbidden('Only a tenant admin can create a webhook owned by another user.')
  }
  if (db.state.webhooks.filter((w) => w.ownerId === ownerId).length >= quotaPerUser) {
    return errorResponse(403, 'WEBHOOKS-403-QUOTA', 'Quota reached', `A user can own at most ${quotaPerUser} webhooks; delete one first.`)
  }
  if (db.state.webhooks.length >= quotaPerTenant) {
    return errorResponse(
      403,
      'WEBHOOKS-403-QUOTA',
      'Quota reached',
      `The tenant can have at most ${quotaPerTenant} webhooks; delete one first.`,
    )
  }

  // Qlik [core]: "the service determines the effective value from tenant feature flags … the supplied value is not authoritative".
  const cloudEvents = rules.tenantDecidesCloudEvents ? db.state.config.cloudEventDeliveryOnCreate : (body.enableCloudEventDelivery ?? true)
  const now = new Date().toISOString()
  const stored = compact({
    id: crypto.randomUUID(),
    ...writableWithDefaults(body, level, ownerId, cloudEvents),
    origin: body.origin ?? 'api',
    createdAt: now,
    updatedAt: now,
    createdByUserId: userId,
    updatedByUserId: userId,
  })
  db.state.webhooks.push(stored)
  return HttpResponse.json(toResponse(stored), { status: 201 })
}

function getWebhook(id: string): Response {
  const denied = withoutPermission()
  if (denied) return denied
  const webhook = findVisibleWebhook(id)
  return webhook ? HttpResponse.json(toResponse(webhook)) : notFound()
}

function store(previous: StoredWebhook, next: StoredWebhook): StoredWebhook {
  const { userId } = db.state.config
  const enabling = next.enabled === true && previous.enabled !== true
  const updated = compact({
    ...next,
    updatedAt: new Date().toISOString(),
    updatedByUserId: userId,
    // Turning a webhook back on is how its owner acknowledges why it was off.
    ...(enabling ? { disabledReason: undefined, disabledReasonCode: undefined } : {}),
  })
  if (enabling) delete db.state.failures[previous.id]
  db.state.webhooks = db.state.webhooks.map((w) => (w.id === previous.id ? updated : w))
  return updated
}

/** What every write to one webhook starts with: permission, lookup, then the JSON body. */
async function writeTarget(id: string, request: Request): Promise<{ existing: StoredWebhook; json: unknown } | Response> {
  const denied = withoutPermission()
  if (denied) return denied
  const existing = findVisibleWebhook(id)
  if (!existing) return notFound()
  const json = await readJson(request)
  return json.ok ? { existing, json: json.value } : json.response
}

async function updateWebhook(id: string, request: Request): Promise<Response> {
  const target = await writeTarget(id, request)
  if (target instanceof Response) return target
  const { existing, json } = target
  const conflict = readOnlyConflict(json)
  if (conflict) return conflict
  const checked = checkWebhookBody('put', json)
  if (!checked.ok) return checked.response
  const body = checked.value
  const { persona, userId } = db.state.config

  // PUT replaces: every writable field not sent goes back to its default.
  const level = body.level ?? 'tenant'
  const levelDenied = levelForbidden(level, persona, existing.level ?? 'tenant')
  if (levelDenied) return levelDenied
  const ownerId = body.ownerId || existing.ownerId || userId
  if (ownerId !== existing.ownerId && persona !== 'tenantAdmin') {
    return forbidden('Only a tenant admin can give a webhook to another owner.')
  }
  // Qlik [core]: once on, CloudEvents delivery stays on; a PUT that drops the field turns it off, so it is refused too.
  if (existing.enableCloudEventDelivery && body.enableCloudEventDelivery !== true) return cloudEventsLocked()

  const updated = store(existing, {
    id: existing.id,
    origin: existing.origin,
    createdAt: existing.createdAt,
    createdByUserId: existing.createdByUserId,
    disabledReason: existing.disabledReason,
    disabledReasonCode: existing.disabledReasonCode,
    // Omitted means false: a webhook with it off stays off.
    ...writableWithDefaults(body, level, ownerId, body.enableCloudEventDelivery ?? false),
  })
  return HttpResponse.json(toResponse(updated))
}

async function patchWebhook(rules: ApiRules, id: string, request: Request): Promise<Response> {
  const target = await writeTarget(id, request)
  if (target instanceof Response) return target
  const { existing, json } = target
  const patched = applyPatch(existing, json, rules)
  if (!patched.ok) return patched.response
  const { next, touched, touchedEncrypted } = patched.value
  const { persona, userId } = db.state.config

  if (existing.enableCloudEventDelivery && next.enableCloudEventDelivery !== true) return cloudEventsLocked()
  const urlChanged = touched.has('url') && next.url !== existing.url
  const stale = touched.has('encryptedHeaders') ? [] : Object.keys(existing.encryptedHeaders ?? {}).filter((n) => !touchedEncrypted.has(n))
  if (urlChanged && stale.length) {
    const how = rules.memberPaths ? `/encryptedHeaders or each /encryptedHeaders/<name>` : '/encryptedHeaders'
    return invalid([
      {
        field: 'encryptedHeaders',
        message: `Encrypted headers must be entered again when the URL changes: replace or remove ${how} in the same patch (${stale.join(', ')}).`,
      },
    ])
  }
  if (touched.has('level')) {
    const levelDenied = levelForbidden((next.level as Level | undefined) ?? 'tenant', persona, existing.level ?? 'tenant')
    if (levelDenied) return levelDenied
  }
  // Qlik [core]: /ownerId "requires permission to transfer ownership"; the status is not given (403 here).
  if (touched.has('ownerId') && (next.ownerId || userId) !== existing.ownerId && persona !== 'tenantAdmin') {
    return forbidden('Only a tenant admin can give a webhook to another owner.')
  }
  // Validated as a whole: a patch that leaves any rule broken changes nothing.
  const result = webhookBaseRules.safeParse({ ...next, enabled: next.enabled ?? false })
  if (!result.success) return invalid(fieldIssues(result.error))
  const body = result.data
  const issues = eventTypeIssues(body.eventTypes, body.level ?? 'tenant', EVENT_TYPES)
  if (issues.length) return invalid(issues)

  store(existing, {
    ...existing,
    name: body.name,
    url: body.url,
    description: nonEmpty(body.description),
    eventTypes: body.eventTypes ?? [],
    secret: nonEmpty(body.secret),
    enabled: body.enabled,
    headers: body.headers ?? {},
    encryptedHeaders: body.encryptedHeaders ?? {},
    enableCloudEventDelivery: body.enableCloudEventDelivery ?? existing.enableCloudEventDelivery,
    // Only Core's extra paths reach these; on v1 they are as stored.
    filter: nonEmpty(body.filter),
    level: body.level ?? 'tenant',
    ownerId: body.ownerId || existing.ownerId,
    checkCertificateRevocation: body.checkCertificateRevocation ?? false,
  })
  return new HttpResponse(null, { status: 204 })
}

function deleteWebhook(id: string): Response {
  const denied = withoutPermission()
  if (denied) return denied
  const existing = findVisibleWebhook(id)
  if (!existing) return notFound()
  db.state.webhooks = db.state.webhooks.filter((w) => w.id !== id)
  db.state.deliveries = db.state.deliveries.filter((d) => d.webhookId !== id)
  delete db.state.failures[id]
  return new HttpResponse(null, { status: 204 })
}

const routes = (rules: ApiRules) => {
  const base = `*${rules.base}`
  const one = `${base}/:id`
  const idOf = (params: Record<string, string | readonly string[] | undefined>) => String(params.id)
  return [
    http.get(`${base}/event-types`, () => withoutPermission() ?? HttpResponse.json({ data: EVENT_TYPES })),
    http.get(base, ({ request }) => withoutPermission() ?? listWebhooks(rules, new URL(request.url))),
    http.post(base, ({ request }) => createWebhook(rules, request)),
    http.get(one, ({ params }) => getWebhook(idOf(params))),
    http.put(one, ({ params, request }) => updateWebhook(idOf(params), request)),
    http.patch(one, ({ params, request }) => patchWebhook(rules, idOf(params), request)),
    http.delete(one, ({ params }) => deleteWebhook(idOf(params))),
  ]
}

export const webhookHandlers = API_RULES.flatMap(routes)

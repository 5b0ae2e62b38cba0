import { http, HttpResponse } from 'msw'
import { WEBHOOK_SORT_FIELDS, type Webhook } from '../../src/api/schemas'
import { db, type StoredWebhook } from '../db'
import { EVENT_TYPES } from '../catalogue'
import { badRequest, paginate } from '../http-utils'

/** What the API returns for a stored webhook: never the secret, only header names. */
export function toResponse(stored: StoredWebhook): Webhook {
  const { secret: _secret, encryptedHeaders, ...rest } = stored
  return { ...rest, encryptedHeaders: Object.keys(encryptedHeaders ?? {}), secretKeyAdded: Boolean(_secret) }
}

function visibleWebhooks(): StoredWebhook[] {
  const { persona, userId } = db.state.config
  if (persona === 'tenantAdmin' || persona === 'manager') return db.state.webhooks
  return db.state.webhooks.filter((w) => w.ownerId === userId)
}

/** Qlik's name/url filter: case-insensitive substring, `*` as a wildcard. */
function wildcardMatch(value: string | undefined, pattern: string): boolean {
  const escaped = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(escaped.join('.*'), 'i').test(value ?? '')
}

function listWebhooks(url: URL): Response {
  const q = url.searchParams
  let items = [...visibleWebhooks()]

  const name = q.get('name')
  if (name) items = items.filter((w) => wildcardMatch(w.name, name))
  const target = q.get('url')
  if (target) items = items.filter((w) => wildcardMatch(w.url, target))

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
    const wanted = eventTypes.split(',').map((s) => s.trim()).filter(Boolean)
    const unknown = wanted.find((name) => !EVENT_TYPES.some((t) => t.name === name))
    if (unknown) return badRequest(`Unknown event type "${unknown}".`)
    items = items.filter((w) => wanted.every((t) => w.eventTypes?.includes(t)))
  }
  const origins = q.get('origins')
  if (origins) {
    const wanted = origins.split(',').map((s) => s.trim())
    const unknown = wanted.find((o) => !['api', 'automations', 'management-console'].includes(o))
    if (unknown) return badRequest(`Unknown origin "${unknown}".`)
    items = items.filter((w) => wanted.includes(w.origin ?? 'api'))
  }
  for (const key of ['ownerId', 'createdByUserId', 'updatedByUserId'] as const) {
    const value = q.get(key)
    if (value) items = items.filter((w) => w[key] === value)
  }

  const sort = q.get('sort') ?? '-createdAt'
  const match = /^([+-]?)(.+)$/.exec(sort)
  const field = match?.[2] as (typeof WEBHOOK_SORT_FIELDS)[number]
  if (!match || !WEBHOOK_SORT_FIELDS.includes(field)) {
    return badRequest(`sort must be one of ${WEBHOOK_SORT_FIELDS.join(', ')}, with an optional + or - prefix; got "${sort}".`)
  }
  const direction = match[1] === '-' ? -1 : 1
  items.sort((a, b) => direction * (a[field] ?? '').localeCompare(b[field] ?? '', 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id))

  const page = paginate(items.map(toResponse), url)
  return page instanceof Response ? page : HttpResponse.json(page)
}

export const webhookHandlers = [
  http.get('*/api/v1/webhooks/event-types', () => HttpResponse.json({ data: EVENT_TYPES })),
  http.get('*/api/v1/webhooks', ({ request }) => listWebhooks(new URL(request.url))),
]

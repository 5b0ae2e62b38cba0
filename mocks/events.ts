import { eventTypeAlias } from '../src/lib/event-renames'
import { matchesFilter } from '../src/lib/validation'
import { EVENT_TYPES } from './catalogue'
import { db, type PayloadRecipe, type StoredDelivery, type StoredWebhook } from './db'
import { buildPayload, deliver, payloadFormatFor } from './deliveries'
import examples from './fixtures/event-examples.json' with { type: 'json' }
import { canAccess, RESOURCES, resourceKindOf, type Resource } from './resources'

// Events of the mock tenant, fanned out as Qlik Cloud does (webhooks-api.md
// §6, §8, §11): one event goes to every webhook that is enabled, subscribes
// to its type, may see it at its level (a user-level webhook only hears of
// resources its owner can access) and whose filter matches the payload it
// would receive. Each gets the payload in its own format, with the same
// event id. An event Qlik renamed (a v1 IAM event and its Core name) is one
// event: it reaches the subscribers of either name, each delivery recorded
// under the name that webhook subscribes to.

export type RaiseEventInput = {
  /** A subscription name of the catalogue. */
  eventType: string
  /** Keys of the event's `data` to replace (or, with replaceData, the whole of it). */
  data?: Record<string, unknown>
  replaceData?: boolean
  /** Only this webhook, whatever its state, level and filter: a test event. */
  webhookId?: string
  /** The resource the event is about; by default the first of its kind (or, for one webhook, one it matches). */
  resourceId?: string
  /** Who acted; by default the resource's owner, else the console's user. */
  userId?: string
  now?: number
}

export type RaisedEvent = { eventId: string; eventType: string; resource?: Resource; deliveries: StoredDelivery[] }

/** A bad input, naming the field it is about. */
export class EventInputError extends Error {
  readonly field: string
  constructor(field: string, message: string) {
    super(`${field}: ${message}`)
    this.field = field
  }
}

type Fixture = { payloadTypeInCloudEvents?: string; cloudevents?: { payload: { data?: Record<string, unknown> } } }
const fixtures = (examples as { events: Record<string, Fixture> }).events

/** The fixture an event type's payloads come from: by subscription name, else by the CloudEvents type (Core names). */
export function fixtureKeyFor(eventType: string): string {
  if (fixtures[eventType]) return eventType
  return Object.keys(fixtures).find((key) => fixtures[key]!.payloadTypeInCloudEvents === eventType) ?? eventType
}

const fixtureData = (key: string): Record<string, unknown> => fixtures[key]?.cloudevents?.payload.data ?? {}

const newId = () => crypto.randomUUID()

/** The parts of `values` whose keys the fixture's data has, so that payloads keep their documented shape. */
function known(key: string, values: Record<string, unknown>): Record<string, unknown> {
  const data = fixtureData(key)
  return Object.fromEntries(Object.entries(values).filter(([name, value]) => name in data && value !== undefined))
}

/** Fresh values of the event's `data` for this resource and actor. */
export function eventData(eventType: string, resource: Resource | undefined, userId: string, now: number): Record<string, unknown> {
  const key = fixtureKeyFor(eventType)
  const time = new Date(now).toISOString()
  const name = key.replace(/^com\.qlik\.(v1|core)\./, '')
  if (!resource) {
    if (name.startsWith('user.')) return known(key, { id: newId().replace(/-/g, '').slice(0, 32), createdAt: time, lastUpdatedAt: time })
    return {}
  }
  const owned = { name: resource.name, spaceId: resource.spaceId, ownerId: resource.ownerId, owner: resource.ownerId }
  switch (resource.kind) {
    case 'app':
      if (name === 'app.published') return known(key, { ...owned, id: newId(), originAppId: resource.id, publishedDate: time })
      if (name === 'app.reload.finished') return known(key, { name: resource.name, reloadId: newId(), endTime: time, status: 'ok' })
      if (name === 'reload.finished') return known(key, { id: newId(), appId: resource.id, userId, status: 'SUCCEEDED', succeeded: true })
      return known(key, { ...owned, id: resource.id })
    case 'automation':
      if (name.startsWith('automation.run.'))
        return known(key, { id: newId(), ownerId: resource.ownerId, spaceId: resource.spaceId, executedById: userId, startTime: time })
      return known(key, { id: resource.id, name: resource.name, ownerId: resource.ownerId, spaceId: resource.spaceId })
    case 'di-task':
      return {}
  }
}

/** The recipe of one event: its id, time, resource and actor, in no format yet. */
function baseRecipe(input: RaiseEventInput, resource: Resource | undefined, now: number): Omit<PayloadRecipe, 'format'> {
  const userId = input.userId ?? resource?.ownerId ?? db.state.config.userId
  const data = { ...eventData(input.eventType, resource, userId, now), ...input.data }
  return {
    event: fixtureKeyFor(input.eventType),
    eventId: newId(),
    time: new Date(now).toISOString(),
    ...(Object.keys(data).length || input.replaceData ? { data } : {}),
    ...(input.replaceData ? { data: input.data ?? {}, replaceData: true as const } : {}),
    ...(resource?.spaceId ? { spaceId: resource.spaceId } : {}),
    ...(resource ? { topLevelResourceId: resource.id, ownerId: resource.ownerId } : {}),
    userId,
  }
}

const recipeFor = (base: Omit<PayloadRecipe, 'format'>, webhook: StoredWebhook): PayloadRecipe => ({
  ...base,
  format: payloadFormatFor(webhook, base.time, db.state.config.legacyPayloads),
})

/** Whether a webhook may hear of an event about `resource` at its level. */
export function maySee(webhook: StoredWebhook, resource: Resource | undefined): boolean {
  if ((webhook.level ?? 'tenant') === 'tenant') return true
  return canAccess(webhook.ownerId, resource)
}

/** The name under which a webhook hears of `eventType`: that name, its other name (v1 or Core), or none. */
export function subscribedName(webhook: StoredWebhook, eventType: string): string | undefined {
  const names = webhook.eventTypes ?? []
  if (names.includes(eventType)) return eventType
  const alias = eventTypeAlias(eventType)
  return alias && names.includes(alias) ? alias : undefined
}

/** The webhooks an event goes to, by the rules of Qlik Cloud. */
export function subscribersOf(
  webhooks: StoredWebhook[],
  eventType: string,
  resource: Resource | undefined,
  base: Omit<PayloadRecipe, 'format'>,
): StoredWebhook[] {
  return webhooks.filter(
    (webhook) =>
      webhook.enabled === true &&
      subscribedName(webhook, eventType) !== undefined &&
      maySee(webhook, resource) &&
      matchesFilter(webhook.filter, buildPayload(recipeFor(base, webhook))),
  )
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Checks an event's input as it comes from outside (HTTP, the console); throws EventInputError. */
export function checkEventInput(input: unknown): RaiseEventInput {
  if (!isRecord(input)) throw new EventInputError('body', 'must be a JSON object { "eventType", "data"?, "webhookId"? }.')
  const { eventType, data, webhookId, resourceId, userId } = input
  if (typeof eventType !== 'string' || eventType === '')
    throw new EventInputError('eventType', 'is required: a subscription name such as com.qlik.v1.app.created.')
  if (!EVENT_TYPES.some((t) => t.name === eventType))
    throw new EventInputError('eventType', `"${eventType}" is not an event type of the catalogue (GET /api/v1/webhooks/event-types).`)
  if (data !== undefined && !isRecord(data))
    throw new EventInputError('data', "must be a JSON object: keys of the event's data to replace.")
  if (input.replaceData !== undefined && typeof input.replaceData !== 'boolean')
    throw new EventInputError('replaceData', 'must be true or false.')
  for (const [field, value] of [
    ['webhookId', webhookId],
    ['resourceId', resourceId],
    ['userId', userId],
  ] as const) {
    if (value !== undefined && (typeof value !== 'string' || value === '')) throw new EventInputError(field, 'must be a non-empty string.')
  }
  if (webhookId !== undefined) {
    const webhook = db.state.webhooks.find((w) => w.id === webhookId)
    if (!webhook) throw new EventInputError('webhookId', `there is no webhook "${webhookId as string}".`)
    if (!(webhook.eventTypes ?? []).includes(eventType))
      throw new EventInputError('eventType', `"${eventType}" is not one of the event types of webhook "${webhook.id}".`)
  }
  const kind = resourceKindOf(eventType)
  if (resourceId !== undefined) {
    const resource = RESOURCES.find((r) => r.id === resourceId)
    if (!resource)
      throw new EventInputError('resourceId', `there is no resource "${resourceId as string}" (see RESOURCES in mocks/resources.ts).`)
    if (resource.kind !== kind)
      throw new EventInputError(
        'resourceId',
        `"${resourceId as string}" is ${resource.kind === 'app' ? 'an app' : `a ${resource.kind}`}; ${eventType} is about ${kind ? `a ${kind}` : 'the tenant, not a resource'}.`,
      )
  }
  return input as RaiseEventInput
}

/** The resource an event is about when none is named: for one webhook, one it hears of. */
function pickResource(input: RaiseEventInput, now: number): Resource | undefined {
  const kind = resourceKindOf(input.eventType)
  if (input.resourceId) return RESOURCES.find((r) => r.id === input.resourceId)
  if (!kind) return undefined
  const candidates = RESOURCES.filter((r) => r.kind === kind)
  const webhook = input.webhookId ? db.state.webhooks.find((w) => w.id === input.webhookId) : undefined
  if (!webhook) return candidates[0]
  const visible = candidates.filter((r) => maySee(webhook, r))
  const matching = visible.find((r) => matchesFilter(webhook.filter, buildPayload(recipeFor(baseRecipe(input, r, now), webhook))))
  return matching ?? visible[0] ?? candidates[0]
}

/**
 * Raises an event: builds it from the fixtures with a fresh id and time and
 * its resource's space and owner, and delivers it to every subscriber (or
 * to `webhookId` alone, as a test), each through its receiver, counting
 * toward the failure threshold and recorded in its history.
 */
export async function raiseEvent(input: RaiseEventInput): Promise<RaisedEvent> {
  const now = input.now ?? Date.now()
  const resource = pickResource(input, now)
  const base = baseRecipe(input, resource, now)
  const targets = input.webhookId
    ? db.state.webhooks.filter((w) => w.id === input.webhookId)
    : subscribersOf(db.state.webhooks, input.eventType, resource, base)
  const deliveries = await Promise.all(
    targets.map((webhook) =>
      deliver(webhook, subscribedName(webhook, input.eventType) ?? input.eventType, recipeFor(base, webhook), now, {
        test: Boolean(input.webhookId),
      }),
    ),
  )
  return { eventId: base.eventId, eventType: input.eventType, ...(resource ? { resource } : {}), deliveries }
}

/** The `data` a test event of this type to this webhook would carry: the Payload the console prefills. */
export function sampleEventData(webhookId: string, eventType: string, now = Date.now()): Record<string, unknown> {
  const input = { eventType, webhookId }
  const resource = pickResource(input, now)
  const base = baseRecipe(input, resource, now)
  const webhook = db.state.webhooks.find((w) => w.id === webhookId)
  const payload = buildPayload(webhook ? recipeFor(base, webhook) : { ...base, format: 'cloudevents' })
  return isRecord(payload.data) ? payload.data : {}
}

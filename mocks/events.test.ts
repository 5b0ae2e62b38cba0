import { afterEach, describe, expect, it } from 'vitest'
import { OMITTED_HEADER_VALUE } from '../src/api/schemas'
import { qlikSignature } from '../src/lib/hmac'
import { db, type StoredWebhook } from './db'
import { buildPayload, setDeliveryTransport, simulateReceiver, type OutgoingDelivery } from './deliveries'
import { checkEventInput, EventInputError, fixtureKeyFor, raiseEvent, sampleEventData } from './events'
import { RESOURCES, SPACES } from './resources'
import { USERS } from './seed'

const APP_CREATED = 'com.qlik.v1.app.created'
const RELOAD = 'com.qlik.v1.app.reload.finished'
const app = (name: string) => RESOURCES.find((r) => r.name === name)!

/** Only the webhooks of a test, so that the seed's own subscribers do not get in the way. */
function only(...webhooks: Partial<StoredWebhook>[]): StoredWebhook[] {
  db.state.webhooks = webhooks.map((w, i) => ({
    id: `wh-test-${i + 1}`,
    name: `Test ${i + 1}`,
    url: `https://receiver-${i + 1}.example.com/hook`,
    enabled: true,
    level: 'tenant',
    eventTypes: [APP_CREATED],
    enableCloudEventDelivery: true,
    createdAt: '2026-11-01T00:00:00.000Z',
    ownerId: USERS.admin,
    ...w,
  }))
  return db.state.webhooks
}

const ids = (event: { deliveries: { webhookId: string }[] }) => event.deliveries.map((d) => d.webhookId).sort()

afterEach(() => setDeliveryTransport())

describe('raiseEvent fan-out', () => {
  it('goes to enabled webhooks that subscribe to the event type, and to no other', async () => {
    only({}, { enabled: false }, { eventTypes: ['com.qlik.v1.app.deleted'] }, { eventTypes: ['com.qlik.v1.app.deleted', APP_CREATED] })
    expect(ids(await raiseEvent({ eventType: APP_CREATED }))).toEqual(['wh-test-1', 'wh-test-4'])
    expect(ids(await raiseEvent({ eventType: 'com.qlik.v1.app.deleted' }))).toEqual(['wh-test-3', 'wh-test-4'])
    expect(db.state.deliveries.filter((d) => d.webhookId === 'wh-test-2')).toHaveLength(0)
  })

  it('tells a user-level webhook only of resources its owner can access; a tenant-level one of all', async () => {
    only({ level: 'user', ownerId: USERS.kenji }, { level: 'user', ownerId: USERS.maria }, { level: 'tenant', ownerId: USERS.kenji })
    // Kenji owns it, in Finance (Maria is not a member).
    expect(ids(await raiseEvent({ eventType: APP_CREATED, resourceId: app('Budget 2027').id }))).toEqual(['wh-test-1', 'wh-test-3'])
    // Finance archive: both are members.
    expect(ids(await raiseEvent({ eventType: APP_CREATED, resourceId: app('Closed quarters').id }))).toEqual([
      'wh-test-1',
      'wh-test-2',
      'wh-test-3',
    ])
    // Maria's app in Operations, where Kenji is not a member.
    expect(ids(await raiseEvent({ eventType: APP_CREATED, resourceId: app('Pipeline health').id }))).toEqual(['wh-test-2', 'wh-test-3'])
    // Kenji's personal space: only he can access it.
    expect(ids(await raiseEvent({ eventType: APP_CREATED, resourceId: app('Kenji scratchpad').id }))).toEqual(['wh-test-1', 'wh-test-3'])
  })

  it('goes only where the filter matches the payload, data.status included', async () => {
    const finance = SPACES.find((s) => s.name === 'Finance')!.id
    only(
      { eventTypes: [RELOAD], filter: 'data.status eq "error"' },
      { eventTypes: [RELOAD], filter: `spaceId eq "${finance}"`, enableCloudEventDelivery: false },
      { eventTypes: [RELOAD], filter: `topLevelResourceId ne "${app('Budget 2027').id}"`, createdAt: '2026-01-01T00:00:00.000Z' },
    )
    const budget = app('Budget 2027').id
    expect(ids(await raiseEvent({ eventType: RELOAD, resourceId: budget, data: { status: 'ok' } }))).toEqual(['wh-test-2'])
    expect(ids(await raiseEvent({ eventType: RELOAD, resourceId: budget, data: { status: 'error' } }))).toEqual(['wh-test-1', 'wh-test-2'])
    expect(ids(await raiseEvent({ eventType: RELOAD, resourceId: app('Ops overview').id, data: { status: 'error' } }))).toEqual([
      'wh-test-1',
      'wh-test-3',
    ])
  })

  it("sends every webhook CloudEvents after 2026-10-06, with the resource's space and owner and one event id", async () => {
    only({ enableCloudEventDelivery: false }, { createdAt: '2026-01-01T00:00:00.000Z' }, { createdAt: '2026-06-01T00:00:00.000Z' })
    const resource = app('Budget 2027')
    const event = await raiseEvent({ eventType: APP_CREATED, resourceId: resource.id, now: Date.parse('2026-11-30T10:00:00.000Z') })
    for (const payload of event.deliveries.map((d) => buildPayload(d.payload))) {
      // App events carry CloudEvents 1.0.2 (changelog 210), the fixture's 1.0 notwithstanding.
      expect(payload).toMatchObject({ specversion: '1.0.2', id: event.eventId, type: 'com.qlik.app.created', ownerid: USERS.kenji })
      expect(payload).toMatchObject({ spaceid: resource.spaceId, toplevelresourceid: resource.id, data: { id: resource.id } })
      expect(payload).not.toHaveProperty('cloudEventsVersion')
      expect(payload).not.toHaveProperty('extensions')
    }
    // A fresh id each time.
    expect((await raiseEvent({ eventType: APP_CREATED })).eventId).not.toBe(event.eventId)
  })

  it('follows the timeline for a webhook without CloudEvents delivery: legacy, hybrid from 2025-11-03, CloudEvents from 2026-10-06', async () => {
    only({ enableCloudEventDelivery: false })
    const formatAt = async (iso: string) =>
      (await raiseEvent({ eventType: APP_CREATED, now: Date.parse(iso) })).deliveries[0]!.payload.format
    expect(await formatAt('2025-11-02T23:59:59.000Z')).toBe('legacy')
    expect(await formatAt('2025-11-03T00:00:00.000Z')).toBe('hybrid')
    expect(await formatAt('2026-10-05T23:59:59.000Z')).toBe('hybrid')
    expect(await formatAt('2026-10-06T00:00:00.000Z')).toBe('cloudevents')
  })

  it('with legacyPayloads, as an older tenant, sends each webhook its own format: legacy, hybrid or CloudEvents', async () => {
    db.state.config.legacyPayloads = true
    only({ enableCloudEventDelivery: false }, { createdAt: '2026-01-01T00:00:00.000Z' }, { createdAt: '2026-06-01T00:00:00.000Z' })
    const resource = app('Budget 2027')
    const event = await raiseEvent({ eventType: APP_CREATED, resourceId: resource.id, now: Date.parse('2026-11-30T10:00:00.000Z') })
    const [legacy, hybrid, cloudevents] = event.deliveries.map((d) => buildPayload(d.payload))
    expect(legacy).toMatchObject({
      cloudEventsVersion: '0.1',
      eventId: event.eventId,
      eventTime: '2026-11-30T10:00:00.000Z',
      extensions: { spaceId: resource.spaceId, ownerId: USERS.kenji, topLevelResourceId: resource.id },
      data: { id: resource.id, name: 'Budget 2027' },
    })
    expect(legacy).not.toHaveProperty('specversion')
    expect(hybrid).toMatchObject({ cloudEventsVersion: '0.1', specversion: '1.0.2', id: event.eventId, spaceid: resource.spaceId })
    expect(cloudevents).toMatchObject({ specversion: '1.0.2', id: event.eventId, type: 'com.qlik.app.created', ownerid: USERS.kenji })
    expect(cloudevents).not.toHaveProperty('cloudEventsVersion')
  })

  it('gives user events the 1.0 of their examples, API key and automation events 1.0.2', async () => {
    only(
      { eventTypes: ['com.qlik.core.user.created'] },
      { eventTypes: ['com.qlik.core.api-key.validation.failed'] },
      { eventTypes: ['com.qlik.v1.automation.created'] },
      { eventTypes: ['com.qlik.v1.di-projects.di-tasks.failed'] },
    )
    const specversion = async (eventType: string) =>
      buildPayload((await raiseEvent({ eventType })).deliveries[0]!.payload).specversion as string
    expect(await specversion('com.qlik.core.user.created')).toBe('1.0')
    expect(await specversion('com.qlik.core.api-key.validation.failed')).toBe('1.0.2')
    expect(await specversion('com.qlik.v1.automation.created')).toBe('1.0.2')
    expect(await specversion('com.qlik.v1.di-projects.di-tasks.failed')).toBe('1.0')
  })

  it('delivers a renamed event to the subscribers of either name, each under the name it subscribes to', async () => {
    only(
      { eventTypes: ['com.qlik.v1.user.created'] },
      { eventTypes: ['com.qlik.core.user.created'] },
      { eventTypes: ['com.qlik.core.user.deleted'] },
    )
    for (const raised of ['com.qlik.v1.user.created', 'com.qlik.core.user.created']) {
      const event = await raiseEvent({ eventType: raised })
      expect(event.deliveries.map((d) => [d.webhookId, d.eventType]).sort()).toEqual([
        ['wh-test-1', 'com.qlik.v1.user.created'],
        ['wh-test-2', 'com.qlik.core.user.created'],
      ])
      // One event, one id; its CloudEvents type is the Core name whichever name it was raised by.
      for (const delivery of event.deliveries) {
        expect(buildPayload(delivery.payload)).toMatchObject({ id: event.eventId, type: 'com.qlik.core.user.created' })
      }
    }
  })

  it('signs the exact body with the current secret and sends encrypted values, which the record shows as **OMITTED**', async () => {
    const secret = 'a-secret-of-at-least-32-characters-long!'
    only({ secret, headers: { 'X-Team': 'data' }, encryptedHeaders: { Authorization: 'Bearer real-value' } })
    const sent: OutgoingDelivery[] = []
    setDeliveryTransport(async (outgoing) => {
      sent.push(outgoing)
      return simulateReceiver(outgoing.webhook, outgoing.url)
    })
    const [delivery] = (await raiseEvent({ eventType: APP_CREATED })).deliveries
    expect(sent).toHaveLength(1)
    expect(sent[0]!.url).toBe('https://receiver-1.example.com/hook')
    expect(sent[0]!.body).toBe(JSON.stringify(buildPayload(delivery!.payload)))
    expect(sent[0]!.headers).toMatchObject({
      'Content-Type': 'application/json',
      'User-Agent': 'Qlik Webhook',
      'X-Team': 'data',
      Authorization: 'Bearer real-value',
      'Qlik-Signature': await qlikSignature(secret, sent[0]!.body),
    })
    expect(delivery!.request.headers.Authorization).toBe(OMITTED_HEADER_VALUE)
    expect(JSON.stringify(delivery)).not.toContain('real-value')
    expect(delivery!.status).toBe('success')
  })

  it("answers through the webhook's receiver and disables it at the failure threshold", async () => {
    only({}, { id: 'wh-flaky' })
    db.state.config.failureThreshold = 3
    db.state.config.receivers = { 'wh-test-1': 'http-500', 'wh-flaky': 'fail-1-in-2' }
    for (let i = 0; i < 2; i++) await raiseEvent({ eventType: APP_CREATED })
    expect(db.state.webhooks[0]!.enabled).toBe(true)
    const third = await raiseEvent({ eventType: APP_CREATED })
    expect(third.deliveries.find((d) => d.webhookId === 'wh-test-1')).toMatchObject({
      status: 'fail',
      statusMessage: 'HTTP 500 Internal Server Error',
    })
    expect(db.state.webhooks[0]).toMatchObject({ enabled: false, disabledReasonCode: 'DELIVERY_FAILURE_THRESHOLD' })
    // Disabled: the next event passes it by.
    expect(ids(await raiseEvent({ eventType: APP_CREATED }))).toEqual(['wh-flaky'])
    const flaky = db.state.deliveries.filter((d) => d.webhookId === 'wh-flaky').map((d) => d.status)
    expect(flaky).toEqual(['success', 'fail', 'success', 'fail'])
  })

  it('sends a test event to one webhook whatever its filter and state, marked as a test', async () => {
    only({ eventTypes: [RELOAD], filter: 'data.status eq "error"', enabled: false }, { eventTypes: [RELOAD] })
    const event = await raiseEvent({ eventType: RELOAD, webhookId: 'wh-test-1', data: { status: 'ok' } })
    expect(ids(event)).toEqual(['wh-test-1'])
    expect(event.deliveries[0]).toMatchObject({ test: true, eventType: RELOAD })
    // The whole data, as edited in the console, when replaceData is set.
    const replaced = await raiseEvent({ eventType: RELOAD, webhookId: 'wh-test-2', data: { status: 'error' }, replaceData: true })
    expect(buildPayload(replaced.deliveries[0]!.payload).data).toEqual({ status: 'error' })
    expect(sampleEventData('wh-test-2', RELOAD)).toMatchObject({ status: 'ok', name: expect.any(String) })
  })

  it('builds Core names from their fixtures', () => {
    expect(fixtureKeyFor('com.qlik.core.user.created')).toBe('com.qlik.v1.user.created')
    expect(fixtureKeyFor('com.qlik.core.api-key.validation.failed')).toBe('com.qlik.v1.api-key.validation.failed')
    expect(fixtureKeyFor(APP_CREATED)).toBe(APP_CREATED)
  })
})

describe('checkEventInput', () => {
  const field = (input: unknown) => {
    try {
      checkEventInput(input)
      return 'valid'
    } catch (error) {
      return error instanceof EventInputError ? error.field : `unexpected ${String(error)}`
    }
  }

  it('names the field that is wrong', () => {
    expect(field(null)).toBe('body')
    expect(field([])).toBe('body')
    expect(field({})).toBe('eventType')
    expect(field({ eventType: 'com.qlik.v1.nothing' })).toBe('eventType')
    expect(field({ eventType: APP_CREATED, data: 'x' })).toBe('data')
    expect(field({ eventType: APP_CREATED, webhookId: 5 })).toBe('webhookId')
    expect(field({ eventType: APP_CREATED, webhookId: 'wh-nope' })).toBe('webhookId')
    expect(field({ eventType: RELOAD, webhookId: 'wh-slack-app-events' })).toBe('eventType')
    expect(field({ eventType: APP_CREATED, resourceId: 'nope' })).toBe('resourceId')
    expect(field({ eventType: APP_CREATED, resourceId: RESOURCES.find((r) => r.kind === 'automation')!.id })).toBe('resourceId')
    expect(field({ eventType: APP_CREATED, webhookId: 'wh-slack-app-events', data: { name: 'x' } })).toBe('valid')
  })
})

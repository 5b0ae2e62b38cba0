import { describe, expect, it } from 'vitest'
import { configure } from './config'
import { db, type StoredWebhook } from './db'
import { deliver } from './deliveries'
import { deserializeState, serializeState } from './persistence'
import { resetDb, SEED_SECRETS, SEED_WEBHOOKS } from './seed'

const now = Date.parse('2026-11-25T12:00:00.000Z')
const seededEncryptedValues = SEED_WEBHOOKS.flatMap((w) => Object.values(w.encryptedHeaders ?? {}))

describe('the persisted mock state', () => {
  it('holds no secret and no encrypted header value, seeded or typed', () => {
    resetDb(now)
    const typed: StoredWebhook = {
      ...structuredClone(SEED_WEBHOOKS[0]!),
      id: 'wh-typed',
      secret: 'typed-secret-typed-secret-typed-secret-42',
      encryptedHeaders: { 'X-Typed': 'typed-encrypted-value' },
    }
    db.state.webhooks.push(typed)
    const text = serializeState(db.state)
    for (const secret of [...Object.values(SEED_SECRETS), ...seededEncryptedValues, typed.secret!, 'typed-encrypted-value']) {
      expect(text).not.toContain(secret)
    }
    // Small: the seeded deliveries are rebuilt, not written.
    expect(text.length).toBeLessThan(20_000)
  })

  it('comes back as it was: seeded secrets and encrypted values re-derived, deliveries rebuilt and added to', async () => {
    resetDb(now)
    const slack = db.state.webhooks.find((w) => w.id === 'wh-slack-app-events')!
    slack.name = 'Renamed before the reload'
    const resent = await deliver(slack, 'com.qlik.v1.app.created', db.state.deliveries.find((d) => d.webhookId === slack.id)!.payload, now)
    db.state.config.failureThreshold = 4
    const before = structuredClone(db.state)

    const restored = deserializeState(serializeState(db.state))!
    expect(restored.webhooks).toEqual(before.webhooks)
    expect(restored.config).toEqual(before.config)
    expect(restored.failures).toEqual(before.failures)
    expect(restored.sequence).toBe(before.sequence)
    expect(restored.deliveries.map((d) => d.id).sort()).toEqual(before.deliveries.map((d) => d.id).sort())
    expect(restored.deliveries.find((d) => d.id === resent.id)).toEqual(resent)
  })

  it('keeps the rate limits as set, off or with other figures', () => {
    resetDb(now)
    configure({ rateLimits: false })
    expect(deserializeState(serializeState(db.state))!.config.rateLimits).toBe(false)
    configure({ rateLimits: { tier1: 5, tier2: 2 } })
    expect(deserializeState(serializeState(db.state))!.config.rateLimits).toEqual({ tier1: 5, tier2: 2 })
  })

  it('keeps legacyPayloads: the seeded history comes back in the older formats, a delivery made since in its own', async () => {
    resetDb(now)
    const formats = (deliveries: typeof db.state.deliveries, webhookId: string) =>
      new Set(deliveries.filter((d) => d.webhookId === webhookId).map((d) => d.payload.format))
    expect(formats(db.state.deliveries, 'wh-legacy-export')).toEqual(new Set(['cloudevents']))
    const legacy = db.state.webhooks.find((w) => w.id === 'wh-legacy-export')!
    const sent = await deliver(legacy, 'com.qlik.v1.app.exported', db.state.deliveries.find((d) => d.webhookId === legacy.id)!.payload, now)
    configure({ legacyPayloads: true })
    const seededIds = db.state.deliveries
      .filter((d) => d.seeded)
      .map((d) => d.id)
      .sort()
    expect(formats(db.state.deliveries, 'wh-legacy-export')).toEqual(new Set(['legacy', 'cloudevents']))
    expect(formats(db.state.deliveries, 'wh-user-provisioning')).toEqual(new Set(['hybrid']))

    const restored = deserializeState(serializeState(db.state))!
    expect(restored.config.legacyPayloads).toBe(true)
    expect(
      restored.deliveries
        .filter((d) => d.seeded)
        .map((d) => d.id)
        .sort(),
    ).toEqual(seededIds)
    expect(
      formats(
        restored.deliveries.filter((d) => d.seeded),
        'wh-legacy-export',
      ),
    ).toEqual(new Set(['legacy']))
    expect(formats(restored.deliveries, 'wh-user-provisioning')).toEqual(new Set(['hybrid']))
    // Sent as CloudEvents before the setting changed, and so it stays.
    expect(restored.deliveries.find((d) => d.id === sent.id)?.payload.format).toBe('cloudevents')
  })

  it('forgets a typed secret and typed encrypted values on reload, and says so through secretKeyAdded', () => {
    resetDb(now)
    const reload = db.state.webhooks.find((w) => w.id === 'wh-reload-monitor')!
    reload.secret = 'a-secret-typed-in-this-session-only-000001'
    reload.encryptedHeaders = { Authorization: 'Bearer typed' }
    const restored = deserializeState(serializeState(db.state))!
    const back = restored.webhooks.find((w) => w.id === 'wh-reload-monitor')!
    expect(back.secret).toBeUndefined()
    expect(back.secretKeyAdded).toBe(false)
    expect(back.encryptedHeaders).toEqual({ Authorization: '' })
  })

  it('drops the seeded deliveries of a webhook deleted before the reload', () => {
    resetDb(now)
    db.state.webhooks = db.state.webhooks.filter((w) => w.id !== 'wh-automation-catalog')
    db.state.deliveries = db.state.deliveries.filter((d) => d.webhookId !== 'wh-automation-catalog')
    const restored = deserializeState(serializeState(db.state))!
    expect(restored.deliveries.some((d) => d.webhookId === 'wh-automation-catalog')).toBe(false)
    expect(restored.deliveries).toHaveLength(db.state.deliveries.length)
  })

  it('ignores what it cannot read: nothing, broken JSON, another version', () => {
    expect(deserializeState(null)).toBeUndefined()
    expect(deserializeState('{not json')).toBeUndefined()
    expect(deserializeState(JSON.stringify({ version: 0, webhooks: [], deliveries: [] }))).toBeUndefined()
  })
})

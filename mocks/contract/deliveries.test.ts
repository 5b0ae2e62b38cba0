import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { ApiError, configureApi, deleteWebhook, getApiConfig, getWebhookDeliveries, getWebhooks } from '../../src/api'
import { configure } from '../config'
import { db } from '../db'
import { buildSeedDeliveries, SEED_DELIVERIES } from '../seed-deliveries'
import { failNext } from '../faults'
import { resetDb, SEED_WEBHOOKS, seedDeliveries } from '../seed'
import { deliveryContract } from './deliveries.contract'

// The contract in process, against the MSW node server of src/testing/setup.ts
// (which resets the tenant to the seed before each test).
for (const api of ['core', 'v1'] as const) {
  deliveryContract(
    'delivery operations against the in-process mock tenant',
    {
      reset: (options) => resetDb(options?.seededAt),
      configure: (patch) => {
        configure(patch)
      },
    },
    api,
  )
}

describe('the seeded delivery history', () => {
  const now = Date.parse('2026-11-25T12:00:00.000Z')

  it('is the same for the same time, and uses no unseeded randomness', () => {
    const random = vi.spyOn(Math, 'random')
    expect(seedDeliveries(now)).toEqual(seedDeliveries(now))
    expect(random).not.toHaveBeenCalled()
  })

  it('stays within the 7 days before the seed time, for most webhooks, with thousands for one', () => {
    const deliveries = seedDeliveries(now)
    for (const d of deliveries) {
      expect(Date.parse(d.triggeredAt)).toBeGreaterThan(now - 7 * 24 * 3600_000)
      expect(Date.parse(d.triggeredAt)).toBeLessThan(now)
    }
    const webhooks = new Set(deliveries.map((d) => d.webhookId))
    expect(webhooks.size).toBeGreaterThan(SEED_WEBHOOKS.length / 2)
    expect(deliveries.filter((d) => d.webhookId === SEED_DELIVERIES.bigHistory.webhookId)).toHaveLength(SEED_DELIVERIES.bigHistory.count)
  })

  it('agrees with the seeded webhooks: a webhook disabled by failures ends with a run of them, an enabled one never reached it', () => {
    resetDb(now)
    const { failures, config } = db.state
    for (const webhook of SEED_WEBHOOKS) {
      const run = failures[webhook.id] ?? 0
      if (webhook.disabledReasonCode === 'DELIVERY_FAILURE_THRESHOLD') expect(run).toBe(config.failureThreshold)
      if (webhook.enabled) expect(run).toBeLessThan(config.failureThreshold)
    }
  })

  it('leaves no disabled-by-failure webhook without the failures behind it when built for other webhooks', () => {
    const enabledBroken = SEED_WEBHOOKS.map((w) => (w.id === 'wh-broken-endpoint' ? { ...w, enabled: true } : w))
    const built = buildSeedDeliveries(now, enabledBroken, 10).filter((d) => d.webhookId === 'wh-broken-endpoint')
    // An enabled webhook's seeded history never reaches the threshold: the last of ten is a success.
    expect(built.at(-1)!.status).toBe('success')
  })
})

describe('deleting a webhook', () => {
  it('removes its deliveries from the store', async () => {
    const id = SEED_DELIVERIES.bigHistory.webhookId
    expect(db.state.deliveries.some((d) => d.webhookId === id)).toBe(true)
    await deleteWebhook(id)
    expect(db.state.deliveries.some((d) => d.webhookId === id)).toBe(false)
  })
})

describe('fault injection', () => {
  it('fails the next matching requests with an ErrorResponse, then lets them through', async () => {
    failNext({ method: 'get', path: '/deliveries' }, 500, 2)
    for (let i = 0; i < 2; i++) {
      const error = await getWebhookDeliveries('wh-slack-app-events').catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ApiError)
      expect(error).toMatchObject({ status: 500, errors: [{ code: 'WEBHOOKS-500', title: 'Internal server error' }] })
    }
    // Another path is untouched, and the fault is used up.
    expect((await getWebhooks()).data.length).toBeGreaterThan(0)
    expect((await getWebhookDeliveries('wh-slack-app-events')).data.length).toBeGreaterThan(0)
  })

  it('sends Retry-After with an injected 429, which the client waits for on a GET', async () => {
    const { maxRetryWaitMs } = getApiConfig()
    // Shortens the client's wait; the Retry-After it reads is still the mock's.
    configureApi({ maxRetryWaitMs: 5 })
    onTestFinished(() => configureApi({ maxRetryWaitMs }))
    failNext({ method: 'GET', path: '/api/core/webhooks' }, 429)
    expect((await getWebhooks()).data.length).toBeGreaterThan(0)
    failNext({ method: 'GET', path: '/api/core/webhooks' }, 429, 3)
    await expect(getWebhooks()).rejects.toMatchObject({ status: 429, retryAfterSeconds: 1, errors: [{ code: 'HTTP-429' }] })
  })

  it('drops faults still waiting when the tenant is reset', async () => {
    failNext({ method: 'GET', path: '/api/core/webhooks' }, 500, 5)
    resetDb()
    expect((await getWebhooks()).data.length).toBeGreaterThan(0)
  })

  it('refuses a status that is not an error', () => {
    expect(() => failNext({ method: 'GET', path: '/' }, 200)).toThrow(RangeError)
    expect(() => failNext({ method: 'GET', path: '/' }, 500, 0)).toThrow(RangeError)
  })
})

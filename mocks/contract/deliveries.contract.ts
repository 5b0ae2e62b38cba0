import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  ApiError,
  WEBHOOKS_BASE,
  configureApi,
  deleteWebhook,
  getWebhook,
  getWebhookDeliveries,
  getWebhookDeliveriesPage,
  getWebhookDelivery,
  patchWebhook,
  OMITTED_HEADER_VALUE,
  resendWebhookDelivery,
  type Delivery,
  type GetWebhookDeliveriesParams,
  type WebhooksApi,
} from '../../src/api'
import { detectPayloadFormat } from '../../src/lib/cloudevents'
import { headerValue, qlikSignature } from '../../src/lib/hmac'
import type { MockConfig } from '../db'
import { RETENTION_MS } from '../deliveries'
import { HOSTILE_TEXT, SEED_DELIVERIES } from '../seed-deliveries'
import { SEED_SECRETS, SEED_WEBHOOKS, USERS } from '../seed'

// The contract of the delivery operations (webhooks-api.md §3, §4.3, §8, §9),
// written against the typed client only so that it runs in process and over
// real HTTP alike. `reset` may take the time the seed is built for, which is
// how the 7-day retention is tested without waiting a week.

export type DeliveryContractEnv = {
  reset(options?: { seededAt?: number }): Promise<void> | void
  configure(patch: Partial<MockConfig>): Promise<void> | void
}

const DAY = 24 * 60 * 60 * 1000
const SLACK = 'wh-slack-app-events'
const BIG = SEED_DELIVERIES.bigHistory

async function apiError(promise: Promise<unknown>, status: number, code: string): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  const apiError = error as ApiError
  expect({ status: apiError.status, code: apiError.errors[0]?.code }).toEqual({ status, code })
  expect(apiError.traceId).toMatch(/^[0-9a-f]{32}$/)
  return apiError
}

/** Every delivery the list gives, walking `links.next`. */
async function allDeliveries(webhookId: string, params: GetWebhookDeliveriesParams = {}): Promise<Delivery[]> {
  let page = await getWebhookDeliveries(webhookId, { limit: 100, ...params })
  const items = [...page.data]
  while (page.links.next) {
    page = await getWebhookDeliveriesPage(page.links.next.href)
    items.push(...page.data)
  }
  return items
}

const signatureOf = (delivery: Delivery) => headerValue(delivery.request?.headers, 'Qlik-Signature')
const bodyText = (delivery: Delivery) => JSON.stringify(delivery.request?.body)

export function deliveryContract(name: string, env: DeliveryContractEnv, api: WebhooksApi): void {
  const BASE = WEBHOOKS_BASE[api]
  describe(`${name} (${BASE})`, () => {
    beforeAll(() => configureApi({ webhooksApi: api }))
    afterAll(() => configureApi({ webhooksApi: 'auto' }))
    beforeEach(() => env.reset())

    it('counts a resend in Tier 2: 429 with Retry-After past the limit, while reads go on', async () => {
      await env.configure({ rateLimits: { tier1: 1000, tier2: 1 } })
      const [first] = (await getWebhookDeliveries(SLACK, { limit: 1 })).data
      await resendWebhookDelivery(SLACK, first!.id)
      const refused = await apiError(resendWebhookDelivery(SLACK, first!.id), 429, 'HTTP-429')
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1)
      await expect(getWebhookDelivery(SLACK, first!.id)).resolves.toMatchObject({ id: first!.id })
    })

    describe('list', () => {
      it('answers newest first, 20 to a page, with absolute links', async () => {
        const page = await getWebhookDeliveries(SLACK)
        expect(page.data).toHaveLength(20)
        const times = page.data.map((d) => d.triggeredAt)
        expect(times).toEqual([...times].sort().reverse())
        expect(page.data.every((d) => d.webhookId === SLACK)).toBe(true)
        expect(new URL(page.links.self?.href ?? '').pathname).toBe(`${BASE}/${SLACK}/deliveries`)
        expect(page.links.next?.href).toMatch(new RegExp(`^https?://[^/]+${BASE}/wh-slack-app-events/deliveries\\?.*next=`))
        expect(page.links.prev).toBeUndefined()
      })

      it('sorts by triggeredAt ascending with +, and by status (fail first) in both directions', async () => {
        const oldest = await getWebhookDeliveries(SLACK, { sort: '+triggeredAt', limit: 100 })
        const times = oldest.data.map((d) => d.triggeredAt)
        expect(times).toEqual([...times].sort())
        const byStatus = await getWebhookDeliveries(SLACK, { sort: 'status', limit: 100 })
        const statuses = byStatus.data.map((d) => d.status)
        expect(statuses[0]).toBe('fail')
        expect(statuses).toEqual([...statuses].sort())
        const reversed = await getWebhookDeliveries(SLACK, { sort: '-status', limit: 100 })
        expect(reversed.data[0]!.status).toBe('success')
        expect(reversed.data.at(-1)!.status).toBe('fail')
      })

      it('filters by status and by one event type', async () => {
        const failed = await allDeliveries(SLACK, { status: 'fail' })
        expect(failed.length).toBeGreaterThan(0)
        expect(failed.every((d) => d.status === 'fail')).toBe(true)
        const succeeded = await allDeliveries(SLACK, { status: 'success' })
        expect(succeeded.every((d) => d.status === 'success')).toBe(true)
        const all = await allDeliveries(SLACK)
        expect(failed.length + succeeded.length).toBe(all.length)

        const published = await allDeliveries(SLACK, { eventType: 'com.qlik.v1.app.published' })
        expect(published.length).toBeGreaterThan(0)
        expect(published.length).toBeLessThan(all.length)
        expect(published.every((d) => d.eventType === 'com.qlik.v1.app.published')).toBe(true)
        const none = await getWebhookDeliveries(SLACK, { eventType: 'com.qlik.v1.user.created' })
        expect(none.data).toEqual([])
      })

      it('rejects an unknown status, event type or sort, and a limit outside 1 to 100, with 400', async () => {
        const bad = [
          { status: 'failed' },
          { eventType: 'com.qlik.v1.app.nope' },
          { sort: 'eventType' },
          { sort: '~triggeredAt' },
          { limit: 0 },
          { limit: 101 },
        ] as unknown as GetWebhookDeliveriesParams[]
        for (const params of bad) await apiError(getWebhookDeliveries(SLACK, params), 400, 'WEBHOOKS-400-VALIDATION')
        expect((await getWebhookDeliveries(SLACK, { limit: 1 })).data).toHaveLength(1)
        expect((await getWebhookDeliveries(SLACK, { limit: 100 })).data.length).toBeGreaterThan(20)
      })

      it('pages a history of thousands along next, and back along prev', async () => {
        const all = await allDeliveries(BIG.webhookId)
        expect(all).toHaveLength(BIG.count)
        expect(new Set(all.map((d) => d.id)).size).toBe(BIG.count)

        const first = await getWebhookDeliveries(BIG.webhookId, { limit: 50 })
        const second = await getWebhookDeliveriesPage(first.links.next!.href)
        expect(second.data[0]!.triggeredAt <= first.data.at(-1)!.triggeredAt).toBe(true)
        const back = await getWebhookDeliveriesPage(second.links.prev!.href)
        expect(back.data.map((d) => d.id)).toEqual(first.data.map((d) => d.id))
      }, 30_000)

      it('answers 404 for an unknown webhook and an empty list for one that never fired', async () => {
        await apiError(getWebhookDeliveries('wh-does-not-exist'), 404, 'WEBHOOKS-404')
        expect((await getWebhookDeliveries('wh-exports-kenji')).data).toEqual([])
      })
    })

    describe('retention', () => {
      it('never returns, shows or resends a delivery older than 7 days', async () => {
        const seededAt = Date.now() - 3 * DAY
        await env.reset({ seededAt })
        const kept = await allDeliveries(SLACK, { sort: '+triggeredAt' })
        expect(kept.length).toBeGreaterThan(0)
        expect(Date.parse(kept[0]!.triggeredAt)).toBeGreaterThan(Date.now() - RETENTION_MS)

        // The seed spreads 60 deliveries evenly over the 7 days before seededAt: the older ones have expired.
        expect(kept.length).toBeLessThan(60)
        const expired = `dl-slack-app-events-0001`
        await apiError(getWebhookDelivery(SLACK, expired), 404, 'WEBHOOKS-404')
        await apiError(resendWebhookDelivery(SLACK, expired), 404, 'WEBHOOKS-404')
      })
    })

    describe('one delivery', () => {
      it('answers the delivery as the list does', async () => {
        const [listed] = (await getWebhookDeliveries(SLACK, { limit: 1 })).data
        expect(await getWebhookDelivery(SLACK, listed!.id)).toEqual(listed)
      })

      it('answers 404 for an unknown delivery, a delivery of another webhook, or an unknown webhook', async () => {
        const [other] = (await getWebhookDeliveries('wh-reload-monitor', { limit: 1 })).data
        await apiError(getWebhookDelivery(SLACK, 'dl-nope'), 404, 'WEBHOOKS-404')
        await apiError(getWebhookDelivery(SLACK, other!.id), 404, 'WEBHOOKS-404')
        await apiError(getWebhookDelivery('wh-nope', other!.id), 404, 'WEBHOOKS-404')
      })

      it('carries the request Qlik sends: content type, user agent, custom headers, encrypted values omitted', async () => {
        const slack = await getWebhookDelivery(SLACK, SEED_DELIVERIES.hostile.deliveryId)
        expect(slack.request?.url).toBe(SEED_WEBHOOKS.find((w) => w.id === SLACK)!.url)
        expect(slack.request?.headers).toMatchObject({
          'Content-Type': 'application/json',
          'User-Agent': 'Qlik Webhook',
          'X-Team': 'analytics',
        })

        const [provisioning] = (await getWebhookDeliveries('wh-user-provisioning', { limit: 1 })).data
        expect(provisioning!.request?.headers).toMatchObject({ 'X-Source': 'qlik-cloud', 'X-Api-Key': OMITTED_HEADER_VALUE })
        const [monitor] = (await getWebhookDeliveries('wh-reload-monitor', { limit: 1 })).data
        expect(monitor!.request?.headers?.Authorization).toBe(OMITTED_HEADER_VALUE)
        const everything = JSON.stringify([provisioning, monitor])
        for (const seeded of SEED_WEBHOOKS) {
          for (const value of Object.values(seeded.encryptedHeaders ?? {})) expect(everything).not.toContain(value)
        }
      })

      it('is signed: Qlik-Signature is the HMAC-SHA256 of JSON.stringify(request.body) with the webhook secret', async () => {
        for (const webhookId of Object.keys(SEED_SECRETS)) {
          const { data } = await getWebhookDeliveries(webhookId, { limit: 5 })
          expect(data.length).toBeGreaterThan(0)
          for (const delivery of data) {
            expect(signatureOf(delivery)).toMatch(/^[0-9a-f]{64}$/)
            expect(signatureOf(delivery)).toBe(await qlikSignature(SEED_SECRETS[webhookId]!, bodyText(delivery)))
            expect(signatureOf(delivery)).not.toBe(await qlikSignature(`${SEED_SECRETS[webhookId]!}x`, bodyText(delivery)))
          }
        }
        // A webhook without a secret sends no signature.
        const [unsigned] = (await getWebhookDeliveries('wh-automation-sales', { limit: 1 })).data
        expect(signatureOf(unsigned!)).toBeUndefined()
      })

      it('has a seeded history of CloudEvents only: Qlik removed the legacy fields on 2026-10-06', async () => {
        for (const webhook of SEED_WEBHOOKS.filter((w) => w.id !== BIG.webhookId)) {
          for (const delivery of await allDeliveries(webhook.id)) {
            expect(detectPayloadFormat(delivery.request?.body), delivery.id).toBe('cloudevents')
            const { specversion, type } = delivery.request?.body as { specversion: string; type: string }
            expect(specversion, delivery.id).toBe(/^com\.qlik\.v1\.(app|api-key|automation)\./.test(delivery.eventType) ? '1.0.2' : '1.0')
            expect(type, delivery.id).toMatch(/^com\.qlik\./)
          }
        }
        // The subscription name stays v1; the payload carries Qlik's Core name.
        const [user] = (await getWebhookDeliveries('wh-user-provisioning', { limit: 1 })).data
        expect(user!.eventType).toMatch(/^com\.qlik\.v1\.user\./)
        expect((user!.request?.body as { type: string }).type).toMatch(/^com\.qlik\.core\.user\./)
      })

      it('with legacyPayloads plays an older tenant: legacy, hybrid or CloudEvents by webhook, signed, the same deliveries', async () => {
        const before = (await allDeliveries('wh-user-provisioning')).map((d) => d.id)
        await env.configure({ legacyPayloads: true })
        const first = async (id: string) => (await getWebhookDeliveries(id, { limit: 1 })).data[0]!
        const formatOf = async (id: string) => detectPayloadFormat((await first(id)).request?.body)
        expect(await formatOf('wh-legacy-export')).toBe('legacy')
        expect(await formatOf('wh-user-provisioning')).toBe('hybrid')
        expect(await formatOf(SLACK)).toBe('cloudevents')
        expect((await allDeliveries('wh-user-provisioning')).map((d) => d.id)).toEqual(before)
        const hybrid = await first('wh-user-provisioning')
        expect(signatureOf(hybrid)).toBe(await qlikSignature(SEED_SECRETS['wh-user-provisioning']!, bodyText(hybrid)))
        await env.configure({ legacyPayloads: false })
        expect(await formatOf('wh-legacy-export')).toBe('cloudevents')
        const current = await first('wh-user-provisioning')
        expect(signatureOf(current)).toBe(await qlikSignature(SEED_SECRETS['wh-user-provisioning']!, bodyText(current)))
        expect(signatureOf(current)).not.toBe(signatureOf(hybrid))
      })

      it('gives every delivery its own event id and an event time just before it was triggered', async () => {
        const { data } = await getWebhookDeliveries(SLACK, { limit: 30 })
        const ids = data.map((d) => (d.request?.body as { id: string }).id)
        expect(new Set(ids).size).toBe(ids.length)
        for (const delivery of data) {
          const time = Date.parse((delivery.request?.body as { time: string }).time)
          expect(time).toBeLessThan(Date.parse(delivery.triggeredAt))
          expect(time).toBeGreaterThan(Date.parse(delivery.triggeredAt) - 5_000)
        }
      })

      it('records failures as Qlik does: HTTP status and body, timeouts and TLS errors without a response, redirects not followed', async () => {
        const redirect = await getWebhookDelivery(SEED_DELIVERIES.redirect.webhookId, SEED_DELIVERIES.redirect.deliveryId)
        expect(redirect).toMatchObject({ status: 'fail', response: { statusCode: 308 } })
        expect(redirect.response?.headers?.location).toMatch(/^https:\/\/staging\.acme-corp\.example\.com\//)
        expect(redirect.statusMessage).toMatch(/redirects are not followed/)

        const runs = await allDeliveries('wh-automation-runs', { status: 'fail' })
        expect(runs.map((d) => d.statusMessage)).toContain('Timeout: no response within 10 seconds')
        expect(runs.every((d) => d.response === undefined)).toBe(true)
        const tls = await allDeliveries('wh-di-alerts', { status: 'fail' })
        expect(tls.map((d) => d.statusMessage)).toContain('TLS handshake failed: x509: certificate has expired or is not yet valid')
        const revoked = await allDeliveries('wh-legacy-export', { status: 'fail' })
        expect(revoked.map((d) => d.statusMessage)).toContain('TLS handshake failed: certificate has been revoked')

        const codes = new Set<number | undefined>()
        for (const id of ['wh-reload-monitor', 'wh-user-provisioning', 'wh-teams-publish', SLACK, 'wh-api-key-audit']) {
          for (const d of await allDeliveries(id)) codes.add(d.response?.statusCode)
        }
        expect([...codes].sort()).toEqual(expect.arrayContaining([200, 202, 401, 404, 410, 500]))
      })

      it('keeps a hostile payload as plain data, byte for byte', async () => {
        const hostile = await getWebhookDelivery(SLACK, SEED_DELIVERIES.hostile.deliveryId)
        expect((hostile.request?.body as { data: { name: string } }).data.name).toBe(HOSTILE_TEXT)
        expect(signatureOf(hostile)).toBe(await qlikSignature(SEED_SECRETS[SLACK]!, bodyText(hostile)))
      })

      it('has one body of about 1 MB, still signed over its exact text', async () => {
        const { webhookId, deliveryId } = SEED_DELIVERIES.large
        const large = await getWebhookDelivery(webhookId, deliveryId)
        const text = bodyText(large)
        expect(text.length).toBeGreaterThan(1_000_000)
        expect(text.length).toBeLessThan(1_200_000)
        expect(signatureOf(large)).toBe(await qlikSignature(SEED_SECRETS[webhookId]!, text))
      })
    })

    describe('resend', () => {
      it('makes a new delivery of the original payload with the webhook as it is now, listed first', async () => {
        const original = await getWebhookDelivery(SLACK, SEED_DELIVERIES.hostile.deliveryId)
        const secret = 'a-new-secret-of-at-least-32-characters-0001'
        await patchWebhook(SLACK, [
          { op: 'replace', path: '/url', value: 'https://hooks.slack.example.com/services/moved' },
          { op: 'replace', path: '/headers', value: { 'X-Team': 'platform' } },
          { op: 'replace', path: '/secret', value: secret },
        ])
        const before = Date.now()
        const resent = await resendWebhookDelivery(SLACK, original.id)
        expect(resent.id).not.toBe(original.id)
        expect(Date.parse(resent.triggeredAt)).toBeGreaterThanOrEqual(before - 1000)
        expect(resent).toMatchObject({ webhookId: SLACK, eventType: original.eventType, status: 'success', response: { statusCode: 200 } })
        expect(resent.request?.body).toEqual(original.request?.body)
        expect(resent.request?.url).toBe('https://hooks.slack.example.com/services/moved')
        expect(resent.request?.headers?.['X-Team']).toBe('platform')
        expect(signatureOf(resent)).toBe(await qlikSignature(secret, bodyText(resent)))

        const [newest] = (await getWebhookDeliveries(SLACK, { limit: 1 })).data
        expect(newest).toEqual(resent)
        expect(await getWebhookDelivery(SLACK, resent.id)).toEqual(resent)
      })

      it('answers 201 with a failed delivery when the receiver fails', async () => {
        const { webhookId, deliveryId } = SEED_DELIVERIES.redirect
        const resent = await resendWebhookDelivery(webhookId, deliveryId)
        expect(resent).toMatchObject({ status: 'fail', response: { statusCode: 308 } })
      })

      it('answers 404 for an unknown delivery or webhook', async () => {
        await apiError(resendWebhookDelivery(SLACK, 'dl-nope'), 404, 'WEBHOOKS-404')
        await apiError(resendWebhookDelivery('wh-nope', SEED_DELIVERIES.hostile.deliveryId), 404, 'WEBHOOKS-404')
      })
    })

    describe('auto-disable', () => {
      it('disables a webhook after 10 consecutive failures by default, with a reason and a code', async () => {
        await env.configure({ receivers: { [SLACK]: 'http-500' } })
        const id = SEED_DELIVERIES.hostile.deliveryId
        for (let i = 0; i < 9; i++) expect((await resendWebhookDelivery(SLACK, id)).status).toBe('fail')
        expect((await getWebhook(SLACK)).enabled).toBe(true)
        await resendWebhookDelivery(SLACK, id)
        const disabled = await getWebhook(SLACK)
        expect(disabled).toMatchObject({ enabled: false, disabledReasonCode: 'DELIVERY_FAILURE_THRESHOLD' })
        expect(disabled.disabledReason).toMatch(/10 consecutive failed deliveries.*HTTP 500/)
      })

      it('counts only consecutive failures: a success starts the count again; the threshold is configurable', async () => {
        const id = SEED_DELIVERIES.hostile.deliveryId
        await env.configure({ failureThreshold: 3, receivers: { [SLACK]: 'timeout' } })
        await resendWebhookDelivery(SLACK, id)
        await resendWebhookDelivery(SLACK, id)
        await env.configure({ receivers: {} })
        expect((await resendWebhookDelivery(SLACK, id)).status).toBe('success')
        await env.configure({ receivers: { [SLACK]: 'timeout' } })
        await resendWebhookDelivery(SLACK, id)
        await resendWebhookDelivery(SLACK, id)
        expect((await getWebhook(SLACK)).enabled).toBe(true)
        await resendWebhookDelivery(SLACK, id)
        expect(await getWebhook(SLACK)).toMatchObject({ enabled: false, disabledReasonCode: 'DELIVERY_FAILURE_THRESHOLD' })
      })

      it('follows the receiver of the current URL: fixing the URL of the broken endpoint makes its resend succeed', async () => {
        const { webhookId, deliveryId } = SEED_DELIVERIES.redirect
        expect((await resendWebhookDelivery(webhookId, deliveryId)).status).toBe('fail')
        await patchWebhook(webhookId, [{ op: 'replace', path: '/url', value: 'https://staging-v2.acme-corp.example.com/qlik' }])
        expect((await resendWebhookDelivery(webhookId, deliveryId)).status).toBe('success')
      })
    })

    describe('permissions', () => {
      it('lets a user see and resend only the deliveries of their own webhooks', async () => {
        await env.configure({ persona: 'user', userId: USERS.kenji })
        const [own] = (await getWebhookDeliveries('wh-legacy-export', { limit: 1 })).data
        expect(own!.webhookId).toBe('wh-legacy-export')
        expect((await resendWebhookDelivery('wh-legacy-export', own!.id)).webhookId).toBe('wh-legacy-export')
        await apiError(getWebhookDeliveries(SLACK), 404, 'WEBHOOKS-404')
        await apiError(getWebhookDelivery(SLACK, SEED_DELIVERIES.hostile.deliveryId), 404, 'WEBHOOKS-404')
        await apiError(resendWebhookDelivery(SLACK, SEED_DELIVERIES.hostile.deliveryId), 404, 'WEBHOOKS-404')
      })

      it("lets a manager see every webhook's deliveries, and refuses a caller without permission with 403", async () => {
        await env.configure({ persona: 'manager', userId: USERS.maria })
        expect((await getWebhookDeliveries(SLACK, { limit: 1 })).data).toHaveLength(1)
        await env.configure({ persona: 'none' })
        await apiError(getWebhookDeliveries(SLACK), 403, 'WEBHOOKS-403-FORBIDDEN')
        await apiError(getWebhookDelivery(SLACK, SEED_DELIVERIES.hostile.deliveryId), 403, 'WEBHOOKS-403-FORBIDDEN')
        await apiError(resendWebhookDelivery(SLACK, SEED_DELIVERIES.hostile.deliveryId), 403, 'WEBHOOKS-403-FORBIDDEN')
      })
    })

    it("deletes a webhook's deliveries with the webhook", async () => {
      const { deliveryId } = SEED_DELIVERIES.hostile
      await deleteWebhook(SLACK)
      await apiError(getWebhookDeliveries(SLACK), 404, 'WEBHOOKS-404')
      await apiError(getWebhookDelivery(SLACK, deliveryId), 404, 'WEBHOOKS-404')
    })
  })
}

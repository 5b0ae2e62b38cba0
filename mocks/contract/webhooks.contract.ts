import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  ApiError,
  WEBHOOKS_BASE,
  configureApi,
  createWebhook,
  deleteWebhook,
  errorField,
  getApiConfig,
  getWebhook,
  getWebhookEventTypes,
  getWebhooks,
  getWebhooksPage,
  patchWebhook,
  updateWebhook,
  type GetWebhooksParams,
  type Webhook,
  type WebhookBase,
  type WebhookPatch,
  type WebhookPost,
  type WebhooksApi,
} from '../../src/api'
import { CORE_API_REFERENCE } from '../api-rules'
import type { MockConfig } from '../db'
import { SEED_WEBHOOKS, USERS } from '../seed'

// The contract of the webhook operations (webhooks-api.md §2–§7), written
// against the typed client only, so that the same suite runs in process and
// over real HTTP: the environment supplies reset and configure.

export type ContractEnv = {
  reset(): Promise<void> | void
  configure(patch: Partial<MockConfig>): Promise<void> | void
}

const VALID: WebhookPost = { name: 'Contract hook', url: 'https://hooks.example.com/contract' }
// A PUT replaces everything, and dropping CloudEvents delivery once on is refused: PUTs carry it.
const PUT_VALID: WebhookBase = { ...VALID, enableCloudEventDelivery: true }
const RELOAD = 'com.qlik.v1.app.reload.finished'

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`)
  expect(error.traceId).toMatch(/^[0-9a-f]{32}$/)
  return error
}

async function expectError(promise: Promise<unknown>, status: number, code: string, field?: string): Promise<ApiError> {
  const error = await failure(promise)
  expect({ status: error.status, code: error.errors[0]?.code }).toEqual({ status, code })
  if (field !== undefined) expect(error.errors.map((item) => errorField(item)?.field)).toContain(field)
  return error
}

const invalid = (promise: Promise<unknown>, field?: string) => expectError(promise, 400, 'WEBHOOKS-400-VALIDATION', field)

/** Every visible webhook, in the order of `sort`, walking the cursor links. */
async function allPages(params: GetWebhooksParams): Promise<Webhook[]> {
  const items: Webhook[] = []
  let page = await getWebhooks(params)
  items.push(...page.data)
  while (page.links.next) {
    page = await getWebhooksPage(page.links.next.href)
    items.push(...page.data)
  }
  return items
}

/** A request the typed client cannot make (a malformed body), sent with its configuration. */
async function rawRequest(method: string, path: string, body?: string): Promise<Response> {
  const config = getApiConfig()
  return config.fetch(new URL(path, config.baseUrl()), {
    method,
    ...(body === undefined ? {} : { body }),
    headers: { ...(await config.headers()), 'Content-Type': 'application/json', Accept: 'application/json' },
  })
}

const seeded = (id: string) => {
  const webhook = SEED_WEBHOOKS.find((w) => w.id === id)
  if (!webhook) throw new Error(`no seeded webhook ${id}`)
  return webhook
}

/** The contract of one prefix, `api`: through the typed client with its base path fixed to that prefix. */
export function webhookContract(describeName: string, env: ContractEnv, api: WebhooksApi): void {
  const BASE = WEBHOOKS_BASE[api]
  const other = WEBHOOKS_BASE[api === 'core' ? 'v1' : 'core']
  const onCore = api === 'core'
  describe(`${describeName} (${BASE})`, () => {
    beforeAll(() => configureApi({ webhooksApi: api }))
    afterAll(() => configureApi({ webhooksApi: 'auto' }))
    beforeEach(async () => {
      await env.reset()
    })

    describe('GET /event-types', () => {
      it('lists the 20 event types of v1 and the 3 Core names that replace deprecated ones, with name, title, description, category and levels', async () => {
        const { data } = await getWebhookEventTypes()
        expect(data).toHaveLength(23)
        const replaced: Record<string, string> = {
          'com.qlik.v1.user.created': 'com.qlik.core.user.created',
          'com.qlik.v1.user.deleted': 'com.qlik.core.user.deleted',
          'com.qlik.v1.api-key.validation.failed': 'com.qlik.core.api-key.validation.failed',
        }
        for (const type of data) {
          const successor = replaced[type.name ?? '']
          expect(type).toEqual({
            name: expect.stringMatching(/^com\.qlik\.(v1|core)\./),
            title: expect.any(String),
            description: expect.any(String),
            category: expect.any(String),
            levels: expect.arrayContaining(['tenant']),
            ...(successor ? { deprecated: true, replacedBy: successor } : {}),
          })
        }
        // Each Core name stands beside the v1 name it replaces, at the same levels, in the same category.
        const names = data.map((t) => t.name)
        for (const [old, successor] of Object.entries(replaced)) {
          expect(names.indexOf(successor)).toBe(names.indexOf(old) - 1)
          const [before, after] = [data.find((t) => t.name === old)!, data.find((t) => t.name === successor)!]
          expect(after).not.toHaveProperty('deprecated')
          expect({ category: after.category, levels: after.levels }).toEqual({ category: before.category, levels: before.levels })
        }
        expect(data.filter((t) => t.name?.startsWith('com.qlik.core.')).map((t) => t.name)).toEqual([
          'com.qlik.core.api-key.validation.failed',
          'com.qlik.core.user.created',
          'com.qlik.core.user.deleted',
        ])
        expect(data.find((t) => t.name === 'com.qlik.v1.app.deleted')?.levels).toEqual(['tenant'])
        expect(data.find((t) => t.name === RELOAD)?.levels).toEqual(['user', 'tenant'])
      })

      it('takes a Core event type in a webhook, at the levels the catalogue gives it', async () => {
        const created = await createWebhook({
          name: 'Core users',
          url: 'https://hr.example.com/core-users',
          eventTypes: ['com.qlik.core.user.created', 'com.qlik.core.user.deleted'],
        })
        expect(created.eventTypes).toEqual(['com.qlik.core.user.created', 'com.qlik.core.user.deleted'])
        const refused = await createWebhook({
          name: 'Core users at user level',
          url: 'https://hr.example.com/core-users',
          level: 'user',
          eventTypes: ['com.qlik.core.user.created'],
        }).catch((e: unknown) => e)
        expect(refused).toMatchObject({ status: 400 })
      })
    })

    describe('GET / (list)', () => {
      it('returns every visible webhook, newest first, without secrets and with encrypted header names only', async () => {
        const list = await getWebhooks({ limit: 100 })
        expect(list.data.map((w) => w.id)).toEqual(
          [...SEED_WEBHOOKS].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '')).map((w) => w.id),
        )
        const monitor = list.data.find((w) => w.id === 'wh-reload-monitor')!
        expect(monitor).not.toHaveProperty('secret')
        expect(monitor.secretKeyAdded).toBe(true)
        expect(monitor.encryptedHeaders).toEqual(['Authorization'])
        expect(JSON.stringify(list)).not.toContain('seed-encrypted-token-1')
      })

      it.each([
        ['name', (w: Webhook) => w.name ?? ''],
        ['url', (w: Webhook) => w.url ?? ''],
        ['createdAt', (w: Webhook) => w.createdAt ?? ''],
        ['updatedAt', (w: Webhook) => w.updatedAt ?? ''],
      ] as const)('sorts by %s both ways', async (field, key) => {
        const compare = (a: Webhook, b: Webhook) => key(a).localeCompare(key(b), 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id)
        const up = (await getWebhooks({ sort: `+${field}`, limit: 100 })).data
        const bare = (await getWebhooks({ sort: field, limit: 100 })).data
        const down = (await getWebhooks({ sort: `-${field}`, limit: 100 })).data
        expect(up.map((w) => w.id)).toEqual([...up].sort(compare).map((w) => w.id))
        expect(bare.map((w) => w.id)).toEqual(up.map((w) => w.id))
        expect(down.map((w) => key(w))).toEqual(up.map((w) => key(w)).reverse())
      })

      it('rejects an unknown sort field', async () => {
        const error = await invalid(getWebhooks({ sort: 'enabled' as GetWebhooksParams['sort'] }))
        expect(error.errors[0]?.detail).toContain('sort must be one of name, url, createdAt, updatedAt')
      })

      it('takes limit 1 to 100 and rejects 0, 101 and fractions', async () => {
        expect((await getWebhooks({ limit: 1 })).data).toHaveLength(1)
        expect((await getWebhooks({ limit: 100 })).data).toHaveLength(SEED_WEBHOOKS.length)
        expect((await getWebhooks()).data).toHaveLength(Math.min(20, SEED_WEBHOOKS.length))
        for (const limit of [0, 101, 2.5, -1]) await invalid(getWebhooks({ limit }))
      })

      it('pages with absolute next and prev links, forward and back', async () => {
        const everything = (await getWebhooks({ limit: 100, sort: 'name' })).data.map((w) => w.id)
        const first = await getWebhooks({ limit: 5, sort: 'name' })
        expect(first.links.prev).toBeUndefined()
        expect(first.links.self?.href).toMatch(new RegExp(`^https?://[^/]+${BASE}\\?`))
        expect(first.links.next?.href).toMatch(new RegExp(`^https?://[^/]+${BASE}\\?.*next=`))
        const second = await getWebhooksPage(first.links.next!.href)
        expect(second.data.map((w) => w.id)).toEqual(everything.slice(5, 10))
        const back = await getWebhooksPage(second.links.prev!.href)
        expect(back.data.map((w) => w.id)).toEqual(everything.slice(0, 5))
        expect(back.links.prev).toBeUndefined()
        const walked = await allPages({ limit: 5, sort: 'name' })
        expect(walked.map((w) => w.id)).toEqual(everything)
        const cursor = new URL(first.links.next!.href).searchParams.get('next')!
        expect((await getWebhooks({ limit: 5, sort: 'name', next: cursor })).data.map((w) => w.id)).toEqual(everything.slice(5, 10))
      })

      it('omits next on the last page and rejects a cursor it did not issue', async () => {
        const last = await getWebhooks({ limit: SEED_WEBHOOKS.length })
        expect(last.links.next).toBeUndefined()
        await invalid(getWebhooks({ next: 'not-a-cursor' }))
        await invalid(getWebhooks({ prev: '%%%' }))
      })

      it(`filters name and url by case-insensitive substring, ${onCore ? 'with * as an ordinary character (no glob)' : 'with * as a wildcard'}`, async () => {
        const names = (await getWebhooks({ name: 'SLACK', limit: 100 })).data.map((w) => w.id)
        expect(names).toEqual(['wh-slack-app-events'])
        const wild = (await getWebhooks({ name: 'automation*sync', limit: 100 })).data.map((w) => w.id)
        expect(wild).toEqual(onCore ? [] : ['wh-automation-catalog'])
        const part = (await getWebhooks({ name: 'MONITOR (err', limit: 100 })).data.map((w) => w.id)
        expect(part).toEqual(['wh-reload-monitor'])
        const urls = (await getWebhooks({ url: 'ACME-CORP.example.com/qlik', limit: 100 })).data
        expect(urls.length).toBeGreaterThan(1)
        expect(urls.every((w) => w.url?.toLowerCase().includes('acme-corp.example.com/qlik'))).toBe(true)
        expect((await getWebhooks({ name: 'no such webhook' })).data).toEqual([])
      })

      it('filters by enabled and level', async () => {
        const enabled = (await getWebhooks({ enabled: true, limit: 100 })).data
        const disabled = (await getWebhooks({ enabled: false, limit: 100 })).data
        expect(enabled.every((w) => w.enabled)).toBe(true)
        expect(disabled.every((w) => !w.enabled)).toBe(true)
        expect(enabled.length + disabled.length).toBe(SEED_WEBHOOKS.length)
        const user = (await getWebhooks({ level: 'user', limit: 100 })).data
        expect(user.map((w) => w.id).sort()).toEqual(
          SEED_WEBHOOKS.filter((w) => w.level === 'user')
            .map((w) => w.id)
            .sort(),
        )
      })

      it('filters eventTypes with AND and origins with OR, and rejects unknown values', async () => {
        const both = (await getWebhooks({ eventTypes: ['com.qlik.v1.app.created', 'com.qlik.v1.app.deleted'], limit: 100 })).data
        expect(both.map((w) => w.id)).toEqual(['wh-broken-endpoint'])
        const one = (await getWebhooks({ eventTypes: ['com.qlik.v1.app.created'], limit: 100 })).data
        expect(one.map((w) => w.id).sort()).toEqual(['wh-broken-endpoint', 'wh-slack-app-events'])
        const origins = (await getWebhooks({ origins: ['automations', 'management-console'], limit: 100 })).data
        expect(origins.map((w) => w.id).sort()).toEqual(
          SEED_WEBHOOKS.filter((w) => w.origin === 'automations' || w.origin === 'management-console')
            .map((w) => w.id)
            .sort(),
        )
        await invalid(getWebhooks({ eventTypes: ['com.qlik.v1.nope'] }))
        await invalid(getWebhooks({ origins: ['elsewhere' as 'api'] }))
      })

      it('filters by owner, creator and updater ids exactly', async () => {
        const owned = (await getWebhooks({ ownerId: USERS.maria, limit: 100 })).data
        expect(owned.map((w) => w.id).sort()).toEqual(
          SEED_WEBHOOKS.filter((w) => w.ownerId === USERS.maria)
            .map((w) => w.id)
            .sort(),
        )
        const created = (await getWebhooks({ createdByUserId: USERS.kenji, limit: 100 })).data
        expect(created.every((w) => w.createdByUserId === USERS.kenji) && created.length > 0).toBe(true)
        const updated = (await getWebhooks({ updatedByUserId: USERS.maria, limit: 100 })).data
        expect(updated.map((w) => w.id)).toContain('wh-di-completed')
        expect(updated.every((w) => w.updatedByUserId === USERS.maria)).toBe(true)
      })
    })

    describe('POST / (create)', () => {
      it('answers 201 with the documented defaults and the caller as owner and creator', async () => {
        const before = Date.now()
        const created = await createWebhook(VALID)
        expect(created).toMatchObject({
          name: VALID.name,
          url: VALID.url,
          enabled: false,
          level: 'tenant',
          enableCloudEventDelivery: true,
          checkCertificateRevocation: false,
          origin: 'api',
          ownerId: USERS.admin,
          createdByUserId: USERS.admin,
          updatedByUserId: USERS.admin,
          secretKeyAdded: false,
          encryptedHeaders: [],
          eventTypes: [],
        })
        expect(created.id).toBeTruthy()
        expect(Date.parse(created.createdAt!)).toBeGreaterThanOrEqual(before - 1000)
        expect(created.updatedAt).toBe(created.createdAt)
        expect(created).not.toHaveProperty('disabledReason')
        expect(await getWebhook(created.id)).toEqual(created)
        expect((await getWebhooks({ limit: 100 })).data[0]?.id).toBe(created.id)
      })

      it('stores the secret and encrypted values but returns only secretKeyAdded and the header names', async () => {
        const created = await createWebhook({
          ...VALID,
          secret: 's'.repeat(40),
          headers: { 'X-Team': 'analytics' },
          encryptedHeaders: { Authorization: 'Bearer very-secret' },
          origin: 'automations',
          enabled: true,
          eventTypes: [RELOAD],
          filter: 'data.status eq "error"',
          description: 'All fields',
          checkCertificateRevocation: true,
          enableCloudEventDelivery: false,
        })
        expect(created).toMatchObject({
          // Core: the tenant decides, and the mock's tenant turns it on.
          enableCloudEventDelivery: !onCore ? false : true,
          secretKeyAdded: true,
          encryptedHeaders: ['Authorization'],
          headers: { 'X-Team': 'analytics' },
          origin: 'automations',
          enabled: true,
          filter: 'data.status eq "error"',
          checkCertificateRevocation: true,
        })
        const text = JSON.stringify([created, await getWebhook(created.id), await getWebhooks({ limit: 100 })])
        expect(text).not.toContain('Bearer very-secret')
        expect(text).not.toContain('s'.repeat(40))
      })

      it('ignores fields it does not know', async () => {
        const created = await createWebhook({ ...VALID, colour: 'red' } as WebhookPost)
        expect(created).not.toHaveProperty('colour')
      })

      it('rejects a malformed or empty JSON body with a clear 400', async () => {
        const bad = await rawRequest('POST', BASE, '{"name": "x",')
        expect(bad.status).toBe(400)
        const body = (await bad.json()) as { errors: { code: string; detail: string }[]; traceId: string }
        expect(body.errors[0]).toMatchObject({ code: 'WEBHOOKS-400-VALIDATION', detail: expect.stringContaining('not valid JSON') })
        expect(body.traceId).toMatch(/^[0-9a-f]{32}$/)
        const empty = await rawRequest('POST', BASE, '')
        expect(empty.status).toBe(400)
        const array = await rawRequest('POST', BASE, '[]')
        expect(((await array.json()) as { errors: { detail: string }[] }).errors[0]?.detail).toContain('must be a JSON object')
      })

      it('does not quote a malformed body back: it may hold a secret', async () => {
        const bad = await rawRequest('POST', BASE, '{"secret":half-typed-secret-value-0123456789abcdef}')
        expect(bad.status).toBe(400)
        expect(await bad.text()).not.toContain('half-typed')
      })

      it.each<[string, Partial<WebhookPost>]>([
        ['name of 512 characters', { name: 'n'.repeat(512) }],
        ['description of 1024 characters', { description: 'd'.repeat(1024) }],
        ['URL of 2048 characters', { url: `https://hooks.example.com/${'p'.repeat(2048 - 26)}` }],
        ['URL with a port and an IDN host', { url: 'https://bücher.example:8443/hook' }],
        ['secret of 32 characters', { secret: 'x'.repeat(32) }],
        ['secret of 64 characters', { secret: 'x'.repeat(64) }],
        ['headers of exactly 2048 bytes', { headers: { X: 'v'.repeat(2047) } }],
        ['encrypted headers of exactly 2048 bytes', { encryptedHeaders: { X: 'v'.repeat(2047) } }],
        ['distinct plain and encrypted headers', { headers: { 'X-A': '1' }, encryptedHeaders: { 'X-B': '2' } }],
        ['event types allowed at user level', { level: 'user', eventTypes: ['com.qlik.v1.app.created'] }],
        ['tenant-only event types at tenant level', { eventTypes: ['com.qlik.v1.user.created', 'com.qlik.v1.app.deleted'] }],
        ['a filter on spaces', { filter: 'spaceId eq "a" or spaceId eq "b" and id ne "c"' }],
        ['data.status with only App reload finished', { eventTypes: [RELOAD], filter: 'data.status eq "ok"' }],
      ])('accepts %s', async (_label, patch) => {
        await expect(createWebhook({ ...VALID, ...patch })).resolves.toMatchObject({ id: expect.any(String) })
      })

      it.each<[string, Partial<WebhookPost>, string]>([
        ['an empty name', { name: '' }, 'name'],
        ['a name of 513 characters', { name: 'n'.repeat(513) }, 'name'],
        ['a description of 1025 characters', { description: 'd'.repeat(1025) }, 'description'],
        ['an http URL', { url: 'http://hooks.example.com' }, 'url'],
        ['a URL of 2049 characters', { url: `https://hooks.example.com/${'p'.repeat(2049 - 26)}` }, 'url'],
        ['an IPv4 URL', { url: 'https://192.168.1.10/hook' }, 'url'],
        ['a decimal IPv4 URL', { url: 'https://3232235786/hook' }, 'url'],
        ['a hex IPv4 URL', { url: 'https://0xC0A8010A/hook' }, 'url'],
        ['a short IPv4 URL', { url: 'https://127.1/hook' }, 'url'],
        ['an IPv6 URL', { url: 'https://[::1]/hook' }, 'url'],
        ['localhost', { url: 'https://localhost/hook' }, 'url'],
        ['a single-label host', { url: 'https://intranet/hook' }, 'url'],
        ['credentials in the URL', { url: 'https://u:p@hooks.example.com' }, 'url'],
        ['a secret of 31 characters', { secret: 'x'.repeat(31) }, 'secret'],
        ['a secret of 65 characters', { secret: 'x'.repeat(65) }, 'secret'],
        ['an invalid header name', { headers: { 'X Team': 'a' } }, 'headers'],
        ['a header value with a line break', { headers: { 'X-Team': 'a\r\nInjected: 1' } }, 'headers'],
        ['a header name in both sets, other case', { headers: { 'X-Key': 'a' }, encryptedHeaders: { 'x-key': 'b' } }, 'encryptedHeaders'],
        ['headers of 2049 bytes', { headers: { X: 'v'.repeat(2048) } }, 'headers'],
        ['encrypted headers of 2049 bytes', { encryptedHeaders: { X: 'v'.repeat(2048) } }, 'encryptedHeaders'],
        ['an unknown event type', { eventTypes: ['com.qlik.v1.app.renamed'] }, 'eventTypes'],
        ['a tenant-only event type at user level', { level: 'user', eventTypes: ['com.qlik.v1.user.created'] }, 'eventTypes'],
        ['a filter on an unknown attribute', { filter: 'name eq "x"' }, 'filter'],
        ['a filter with parentheses', { filter: '(id eq "x")' }, 'filter'],
        ['a filter with an unquoted value', { filter: 'id eq x' }, 'filter'],
        [
          'data.status with other event types',
          { eventTypes: [RELOAD, 'com.qlik.v1.app.created'], filter: 'data.status eq "ok"' },
          'filter',
        ],
        ['data.status with a value other than ok or error', { eventTypes: [RELOAD], filter: 'data.status eq "done"' }, 'filter'],
        ['a level that does not exist', { level: 'space' as 'user' }, 'level'],
        ['a non-boolean enabled', { enabled: 'yes' as unknown as boolean }, 'enabled'],
      ])('rejects %s with 400 on the field', async (_label, patch, field) => {
        const error = await invalid(createWebhook({ ...VALID, ...patch }), field)
        expect(errorField(error.errors[0]!)?.message).toBeTruthy()
        expect((await getWebhooks({ limit: 100 })).data).toHaveLength(SEED_WEBHOOKS.length)
      })

      it('reports every broken rule of a body at once', async () => {
        const error = await invalid(createWebhook({ name: '', url: 'http://x', secret: 'short' }))
        expect(error.errors.map((item) => errorField(item)?.field).sort()).toEqual(['name', 'secret', 'url'])
      })

      it('lets a manager create user-level webhooks but not tenant-level ones', async () => {
        await env.configure({ persona: 'manager' })
        const error = await expectError(createWebhook(VALID), 403, 'WEBHOOKS-403-FORBIDDEN')
        expect(error.errors[0]?.detail).toContain('tenant admin')
        await expect(createWebhook({ ...VALID, level: 'user' })).resolves.toMatchObject({ level: 'user', ownerId: USERS.admin })
      })

      it('lets a user create only their own user-level webhooks', async () => {
        await env.configure({ persona: 'user', userId: USERS.maria })
        await expectError(createWebhook(VALID), 403, 'WEBHOOKS-403-FORBIDDEN')
        await expectError(createWebhook({ ...VALID, level: 'user', ownerId: USERS.kenji }), 403, 'WEBHOOKS-403-FORBIDDEN')
        const mine = await createWebhook({ ...VALID, level: 'user' })
        expect(mine).toMatchObject({ ownerId: USERS.maria, createdByUserId: USERS.maria, level: 'user' })
      })

      it('lets a tenant admin create a webhook for another owner', async () => {
        const created = await createWebhook({ ...VALID, level: 'user', ownerId: USERS.kenji })
        expect(created).toMatchObject({ ownerId: USERS.kenji, createdByUserId: USERS.admin })
      })

      it('enforces the tenant quota with 403', async () => {
        await env.configure({ quotaPerTenant: SEED_WEBHOOKS.length + 1 })
        await createWebhook(VALID)
        const error = await expectError(createWebhook(VALID), 403, 'WEBHOOKS-403-QUOTA')
        expect(error.errors[0]?.detail).toContain(`at most ${SEED_WEBHOOKS.length + 1}`)
      })

      it('enforces the per-user quota with 403, counting only that owner', async () => {
        const owned = SEED_WEBHOOKS.filter((w) => w.ownerId === USERS.admin).length
        await env.configure({ quotaPerUser: owned + 1 })
        await createWebhook(VALID)
        await expectError(createWebhook(VALID), 403, 'WEBHOOKS-403-QUOTA')
        await expect(createWebhook({ ...VALID, level: 'user', ownerId: USERS.kenji })).resolves.toBeTruthy()
      })
    })

    describe('GET /{id}', () => {
      it('returns a seeded webhook as listed', async () => {
        const listed = (await getWebhooks({ limit: 100 })).data.find((w) => w.id === 'wh-user-provisioning')
        const one = await getWebhook('wh-user-provisioning')
        expect(one).toEqual(listed)
        expect(one).toMatchObject({ encryptedHeaders: ['X-Api-Key'], secretKeyAdded: true, headers: { 'X-Source': 'qlik-cloud' } })
      })

      it('answers 404 for an unknown id', async () => {
        const error = await expectError(getWebhook('wh-does-not-exist'), 404, 'WEBHOOKS-404')
        expect(error.operation).toBe('getWebhook')
      })

      it("answers 404 for another user's webhook, and shows a user their own", async () => {
        await env.configure({ persona: 'user', userId: USERS.maria })
        await expectError(getWebhook('wh-slack-app-events'), 404, 'WEBHOOKS-404')
        await expect(getWebhook('wh-teams-publish')).resolves.toMatchObject({ ownerId: USERS.maria })
        const visible = (await getWebhooks({ limit: 100 })).data
        expect(visible.length).toBeGreaterThan(0)
        expect(visible.every((w) => w.ownerId === USERS.maria)).toBe(true)
      })

      it('forbids every operation to a caller without webhook permissions', async () => {
        await env.configure({ persona: 'none' })
        await expectError(getWebhooks(), 403, 'WEBHOOKS-403-FORBIDDEN')
        await expectError(getWebhookEventTypes(), 403, 'WEBHOOKS-403-FORBIDDEN')
        await expectError(getWebhook('wh-slack-app-events'), 403, 'WEBHOOKS-403-FORBIDDEN')
        await expectError(createWebhook({ ...VALID, level: 'user' }), 403, 'WEBHOOKS-403-FORBIDDEN')
        await expectError(updateWebhook('wh-slack-app-events', PUT_VALID), 403, 'WEBHOOKS-403-FORBIDDEN')
        await expectError(
          patchWebhook('wh-slack-app-events', [{ op: 'replace', path: '/name', value: 'x' }]),
          403,
          'WEBHOOKS-403-FORBIDDEN',
        )
        await expectError(deleteWebhook('wh-slack-app-events'), 403, 'WEBHOOKS-403-FORBIDDEN')
      })
    })

    describe('PUT /{id} (full replacement)', () => {
      it('resets every writable field it does not carry and keeps the read-only ones', async () => {
        const before = await getWebhook('wh-slack-app-events')
        const updated = await updateWebhook('wh-slack-app-events', {
          name: 'Renamed',
          url: 'https://new.example.com/hook',
          enableCloudEventDelivery: true,
        })
        expect(updated).toMatchObject({
          id: 'wh-slack-app-events',
          name: 'Renamed',
          url: 'https://new.example.com/hook',
          eventTypes: [],
          headers: {},
          encryptedHeaders: [],
          enabled: false,
          level: 'tenant',
          secretKeyAdded: false,
          enableCloudEventDelivery: true,
          checkCertificateRevocation: false,
          origin: before.origin,
          createdAt: before.createdAt,
          createdByUserId: before.createdByUserId,
          ownerId: before.ownerId,
          updatedByUserId: USERS.admin,
        })
        expect(updated).not.toHaveProperty('description')
        expect(updated).not.toHaveProperty('filter')
        expect(updated.updatedAt! > before.updatedAt!).toBe(true)
        expect(await getWebhook('wh-slack-app-events')).toEqual(updated)
      })

      it('sets every field it carries, the secret and encrypted values write-only', async () => {
        const body: WebhookBase = {
          name: 'Full',
          url: 'https://full.example.com/h',
          description: 'd',
          eventTypes: [RELOAD],
          filter: 'data.status eq "ok"',
          level: 'user',
          secret: 'k'.repeat(48),
          enabled: true,
          headers: { 'X-A': '1' },
          encryptedHeaders: { 'X-B': 'hidden-value' },
          enableCloudEventDelivery: true,
          checkCertificateRevocation: true,
        }
        const updated = await updateWebhook('wh-reload-monitor', body)
        const { secret: _secret, encryptedHeaders: _encrypted, ...visible } = body
        expect(updated).toMatchObject({ ...visible, secretKeyAdded: true, encryptedHeaders: ['X-B'] })
        expect(JSON.stringify(updated)).not.toContain('hidden-value')
      })

      it('keeps the disabled reason while the webhook stays off and clears it when enabled', async () => {
        const off = await updateWebhook('wh-api-key-audit', { ...PUT_VALID, eventTypes: ['com.qlik.v1.api-key.validation.failed'] })
        expect(off).toMatchObject({ enabled: false, disabledReasonCode: 'DELIVERY_FAILURE_THRESHOLD' })
        const on = await updateWebhook('wh-api-key-audit', { ...PUT_VALID, enabled: true })
        expect(on.enabled).toBe(true)
        expect(on).not.toHaveProperty('disabledReason')
        expect(on).not.toHaveProperty('disabledReasonCode')
      })

      it.each(['id', 'createdAt', 'origin', 'secretKeyAdded', 'updatedByUserId'])(
        'answers 409 when the body carries the read-only %s',
        async (field) => {
          const body = { ...VALID, [field]: field === 'secretKeyAdded' ? true : 'x' } as WebhookBase
          const error = await expectError(updateWebhook('wh-slack-app-events', body), 409, 'WEBHOOKS-409-READONLY')
          expect(error.errors[0]?.detail).toContain(field)
          expect((await getWebhook('wh-slack-app-events')).name).toBe(seeded('wh-slack-app-events').name)
        },
      )

      it('refuses to turn CloudEvents delivery off once on, and lets a legacy webhook turn it on', async () => {
        await expectError(
          updateWebhook('wh-slack-app-events', { ...PUT_VALID, enableCloudEventDelivery: false }),
          403,
          'WEBHOOKS-403-CLOUDEVENT',
        )
        // Leaving it out of a PUT would turn it off too.
        await expectError(updateWebhook('wh-slack-app-events', VALID), 403, 'WEBHOOKS-403-CLOUDEVENT')
        const legacy = await updateWebhook('wh-legacy-export', { ...PUT_VALID, enableCloudEventDelivery: false })
        expect(legacy.enableCloudEventDelivery).toBe(false)
        // Omitted means false, so a webhook with it off stays off.
        expect((await updateWebhook('wh-legacy-export', VALID)).enableCloudEventDelivery).toBe(false)
        expect((await getWebhook('wh-legacy-export')).enableCloudEventDelivery).toBe(false)
        const upgraded = await updateWebhook('wh-legacy-export', { ...PUT_VALID, enableCloudEventDelivery: true })
        expect(upgraded.enableCloudEventDelivery).toBe(true)
        await expectError(
          updateWebhook('wh-legacy-export', { ...PUT_VALID, enableCloudEventDelivery: false }),
          403,
          'WEBHOOKS-403-CLOUDEVENT',
        )
      })

      it('validates the body like a create and changes nothing when it fails', async () => {
        await invalid(updateWebhook('wh-slack-app-events', { ...PUT_VALID, url: 'https://localhost' }), 'url')
        await invalid(
          updateWebhook('wh-slack-app-events', { ...PUT_VALID, level: 'user', eventTypes: ['com.qlik.v1.app.deleted'] }),
          'eventTypes',
        )
        expect(await getWebhook('wh-slack-app-events')).toMatchObject({ url: seeded('wh-slack-app-events').url })
      })

      it('answers 404 for an unknown or invisible webhook', async () => {
        await expectError(updateWebhook('wh-nope', PUT_VALID), 404, 'WEBHOOKS-404')
        await env.configure({ persona: 'user', userId: USERS.kenji })
        await expectError(updateWebhook('wh-teams-publish', { ...PUT_VALID, level: 'user' }), 404, 'WEBHOOKS-404')
        await expect(updateWebhook('wh-exports-kenji', { ...PUT_VALID, level: 'user' })).resolves.toMatchObject({ ownerId: USERS.kenji })
      })

      it('keeps a manager from moving a webhook to tenant level, but lets them edit a tenant-level one', async () => {
        await env.configure({ persona: 'manager' })
        const error = await expectError(updateWebhook('wh-teams-publish', PUT_VALID), 403, 'WEBHOOKS-403-FORBIDDEN')
        expect(error.errors[0]?.detail).toContain('a PUT without level means tenant')
        await expect(updateWebhook('wh-teams-publish', { ...PUT_VALID, level: 'user' })).resolves.toMatchObject({ level: 'user' })
        await expect(updateWebhook('wh-slack-app-events', PUT_VALID)).resolves.toMatchObject({ level: 'tenant' })
      })

      it('keeps a user from replacing a tenant-level webhook they own', async () => {
        await env.configure({ persona: 'user', userId: USERS.maria })
        const error = await expectError(updateWebhook('wh-di-completed', PUT_VALID), 403, 'WEBHOOKS-403-FORBIDDEN')
        expect(error.errors[0]?.detail).toContain('tenant admin or a manager')
      })

      it('lets only a tenant admin give a webhook to another owner', async () => {
        await expect(updateWebhook('wh-teams-publish', { ...PUT_VALID, level: 'user', ownerId: USERS.kenji })).resolves.toMatchObject({
          ownerId: USERS.kenji,
        })
        await env.configure({ persona: 'manager' })
        await expectError(
          updateWebhook('wh-exports-kenji', { ...PUT_VALID, level: 'user', ownerId: USERS.maria }),
          403,
          'WEBHOOKS-403-FORBIDDEN',
        )
      })
    })

    describe('PATCH /{id} (RFC 6902)', () => {
      const patch = (id: string, ops: WebhookPatch[]) => patchWebhook(id, ops)

      it('applies replace, add and remove on the allowed paths and answers 204 with no body', async () => {
        const result = await patch('wh-slack-app-events', [
          { op: 'replace', path: '/name', value: 'Patched' },
          { op: 'add', path: '/description', value: 'New text' },
          { op: 'replace', path: '/eventTypes', value: ['com.qlik.v1.app.exported'] },
          { op: 'replace', path: '/headers', value: { 'X-New': '1' } },
          { op: 'replace', path: '/enabled', value: false },
        ])
        expect(result).toBeUndefined()
        const after = await getWebhook('wh-slack-app-events')
        expect(after).toMatchObject({
          name: 'Patched',
          description: 'New text',
          eventTypes: ['com.qlik.v1.app.exported'],
          headers: { 'X-New': '1' },
          enabled: false,
          url: seeded('wh-slack-app-events').url,
          updatedByUserId: USERS.admin,
        })
        expect(after.updatedAt! > seeded('wh-slack-app-events').updatedAt!).toBe(true)
        await patch('wh-slack-app-events', [{ op: 'remove', path: '/description' }])
        expect(await getWebhook('wh-slack-app-events')).not.toHaveProperty('description')
      })

      it('is atomic: one bad operation leaves the webhook as it was', async () => {
        await invalid(
          patch('wh-slack-app-events', [
            { op: 'replace', path: '/name', value: 'Should not stick' },
            { op: 'replace', path: '/url', value: 'http://plain.example.com' },
          ]),
          'url',
        )
        expect((await getWebhook('wh-slack-app-events')).name).toBe(seeded('wh-slack-app-events').name)
      })

      it.each(
        onCore
          ? ['/secretKeyAdded/x', '/nothing', '/url/extra', '/headersX/a']
          : ['/filter', '/level', '/ownerId', '/checkCertificateRevocation', '/id', '/encryptedHeaders/Authorization'],
      )('rejects the path %s with 400', async (path) => {
        const error = await invalid(patch('wh-slack-app-events', [{ op: 'replace', path, value: 'x' } as unknown as WebhookPatch]))
        expect(error.errors[0]?.detail).toContain('cannot be patched')
      })

      if (onCore) {
        it.each(['/id', '/createdAt', '/createdByUserId', '/origin', '/updatedAt', '/secretKeyAdded'])(
          'answers 409 for the read-only path %s and changes nothing',
          async (path) => {
            const error = await expectError(
              patch('wh-slack-app-events', [
                { op: 'replace', path: '/name', value: 'Not kept' },
                { op: 'replace', path, value: 'x' } as unknown as WebhookPatch,
              ]),
              409,
              'WEBHOOKS-409-READONLY',
            )
            expect(error.errors[0]?.detail).toContain(path.slice(1))
            expect((await getWebhook('wh-slack-app-events')).name).toBe(seeded('wh-slack-app-events').name)
          },
        )

        it('patches /filter, /level and /checkCertificateRevocation without a PUT, keeping the secret and encrypted headers', async () => {
          const before = await getWebhook('wh-reload-monitor')
          await patch('wh-reload-monitor', [
            { op: 'replace', path: '/filter', value: 'data.status eq "ok"' },
            { op: 'replace', path: '/level', value: 'user' },
            { op: 'replace', path: '/checkCertificateRevocation', value: true },
          ])
          const after = await getWebhook('wh-reload-monitor')
          expect(after).toMatchObject({ filter: 'data.status eq "ok"', level: 'user', checkCertificateRevocation: true })
          expect(after.secretKeyAdded).toBe(before.secretKeyAdded)
          expect(after.encryptedHeaders).toEqual(before.encryptedHeaders)
          await patch('wh-reload-monitor', [{ op: 'remove', path: '/filter' }])
          expect(await getWebhook('wh-reload-monitor')).not.toHaveProperty('filter')
          // The result is validated as a whole: data.status needs App reload finished as the only event.
          await invalid(patch('wh-slack-app-events', [{ op: 'add', path: '/filter', value: 'data.status eq "ok"' }]), 'filter')
        })

        it('lets only a tenant admin patch /ownerId or move a webhook to tenant level', async () => {
          await patch('wh-slack-app-events', [{ op: 'replace', path: '/ownerId', value: USERS.kenji }])
          expect((await getWebhook('wh-slack-app-events')).ownerId).toBe(USERS.kenji)
          await env.configure({ persona: 'manager' })
          await expectError(
            patch('wh-slack-app-events', [{ op: 'replace', path: '/ownerId', value: USERS.maria }]),
            403,
            'WEBHOOKS-403-FORBIDDEN',
          )
          const userLevel = seeded('wh-exports-kenji')
          expect(userLevel.level).toBe('user')
          await expectError(patch(userLevel.id, [{ op: 'replace', path: '/level', value: 'tenant' }]), 403, 'WEBHOOKS-403-FORBIDDEN')
        })

        it('adds, replaces and removes single members of /headers and /encryptedHeaders', async () => {
          const created = await createWebhook({
            ...VALID,
            headers: { 'X-A': '1', 'X-B': '2' },
            encryptedHeaders: { Authorization: 'Bearer a', 'X-Key': 'k' },
          })
          await patch(created.id, [
            { op: 'add', path: '/headers/X-C', value: '3' },
            { op: 'remove', path: '/headers/X-A' },
            { op: 'replace', path: '/encryptedHeaders/X-Key', value: 'k2' },
            { op: 'remove', path: '/encryptedHeaders/Authorization' },
          ])
          const after = await getWebhook(created.id)
          expect(after.headers).toEqual({ 'X-B': '2', 'X-C': '3' })
          expect(after.encryptedHeaders).toEqual(['X-Key'])
          await invalid(patch(created.id, [{ op: 'remove', path: '/headers/X-Nope' }]))
          // A new URL needs every encrypted header again, here one by one.
          await invalid(patch(created.id, [{ op: 'replace', path: '/url', value: 'https://other.example.com/x' }]), 'encryptedHeaders')
          await patch(created.id, [
            { op: 'replace', path: '/url', value: 'https://other.example.com/x' },
            { op: 'replace', path: '/encryptedHeaders/X-Key', value: 'k3' },
          ])
          expect((await getWebhook(created.id)).url).toBe('https://other.example.com/x')
        })
      }

      it('rejects unknown ops, missing values, an empty document and a non-array body', async () => {
        await invalid(patch('wh-slack-app-events', [{ op: 'move', path: '/name', value: 'x' } as unknown as WebhookPatch]))
        await invalid(patch('wh-slack-app-events', [{ op: 'replace', path: '/name' }]))
        await invalid(patch('wh-slack-app-events', []))
        await invalid(patchWebhook('wh-slack-app-events', { op: 'replace', path: '/name', value: 'x' } as unknown as WebhookPatch[]))
      })

      it('validates the result as a whole: required fields, types and cross-field rules', async () => {
        await invalid(patch('wh-slack-app-events', [{ op: 'remove', path: '/name' }]), 'name')
        await invalid(patch('wh-slack-app-events', [{ op: 'replace', path: '/enabled', value: 'yes' }]), 'enabled')
        await invalid(patch('wh-slack-app-events', [{ op: 'replace', path: '/name', value: 'n'.repeat(513) }]), 'name')
        await invalid(patch('wh-slack-app-events', [{ op: 'replace', path: '/eventTypes', value: ['com.qlik.v1.nope'] }]), 'eventTypes')
        // The seeded monitor filters on data.status, which needs App reload finished alone.
        await invalid(
          patch('wh-reload-monitor', [{ op: 'add', path: '/eventTypes', value: [RELOAD, 'com.qlik.v1.app.created'] }]),
          'filter',
        )
        // A user-level webhook cannot take a tenant-only event type.
        await invalid(patch('wh-teams-publish', [{ op: 'replace', path: '/eventTypes', value: ['com.qlik.v1.app.deleted'] }]), 'eventTypes')
        await invalid(patch('wh-reload-monitor', [{ op: 'replace', path: '/headers', value: { authorization: 'x' } }]), 'encryptedHeaders')
        await invalid(patch('wh-slack-app-events', [{ op: 'replace', path: '/description', value: 'd'.repeat(1025) }]), 'description')
        await expect(
          patch('wh-slack-app-events', [{ op: 'replace', path: '/description', value: 'd'.repeat(1024) }]),
        ).resolves.toBeUndefined()
      })

      it('sets and removes the secret, reported only through secretKeyAdded', async () => {
        await invalid(patch('wh-slack-app-events', [{ op: 'replace', path: '/secret', value: 'short' }]), 'secret')
        await patch('wh-slack-app-events', [{ op: 'remove', path: '/secret' }])
        expect((await getWebhook('wh-slack-app-events')).secretKeyAdded).toBe(false)
        await patch('wh-slack-app-events', [{ op: 'add', path: '/secret', value: 'z'.repeat(32) }])
        const after = await getWebhook('wh-slack-app-events')
        expect(after.secretKeyAdded).toBe(true)
        expect(JSON.stringify(after)).not.toContain('z'.repeat(32))
      })

      it('requires every encrypted header to be entered again when the URL changes', async () => {
        const error = await invalid(
          patch('wh-user-provisioning', [{ op: 'replace', path: '/url', value: 'https://moved.example.com/hook' }]),
          'encryptedHeaders',
        )
        expect(errorField(error.errors[0]!)?.message).toContain('X-Api-Key')
        expect((await getWebhook('wh-user-provisioning')).url).toBe(seeded('wh-user-provisioning').url)
        await patch('wh-user-provisioning', [
          { op: 'replace', path: '/url', value: 'https://moved.example.com/hook' },
          { op: 'replace', path: '/encryptedHeaders', value: { 'X-Api-Key': 'new-value' } },
        ])
        expect(await getWebhook('wh-user-provisioning')).toMatchObject({
          url: 'https://moved.example.com/hook',
          encryptedHeaders: ['X-Api-Key'],
        })
        await patch('wh-user-provisioning', [
          { op: 'replace', path: '/url', value: 'https://moved-again.example.com/hook' },
          { op: 'remove', path: '/encryptedHeaders' },
        ])
        expect(await getWebhook('wh-user-provisioning')).toMatchObject({ encryptedHeaders: [] })
        // Without encrypted headers, a URL change needs nothing else.
        await patch('wh-slack-app-events', [{ op: 'replace', path: '/url', value: 'https://moved.example.com/slack' }])
        expect((await getWebhook('wh-slack-app-events')).url).toBe('https://moved.example.com/slack')
      })

      it('clears disabledReason and its code when the webhook is enabled again', async () => {
        expect(await getWebhook('wh-api-key-audit')).toMatchObject({ enabled: false, disabledReasonCode: 'DELIVERY_FAILURE_THRESHOLD' })
        await patch('wh-api-key-audit', [{ op: 'replace', path: '/enabled', value: true }])
        const after = await getWebhook('wh-api-key-audit')
        expect(after.enabled).toBe(true)
        expect(after).not.toHaveProperty('disabledReason')
        expect(after).not.toHaveProperty('disabledReasonCode')
      })

      it('refuses to turn CloudEvents delivery off, and lets a legacy webhook turn it on for good', async () => {
        await expectError(
          patch('wh-slack-app-events', [{ op: 'replace', path: '/enableCloudEventDelivery', value: false }]),
          403,
          'WEBHOOKS-403-CLOUDEVENT',
        )
        await expectError(
          patch('wh-slack-app-events', [{ op: 'remove', path: '/enableCloudEventDelivery' }]),
          403,
          'WEBHOOKS-403-CLOUDEVENT',
        )
        await patch('wh-legacy-export', [{ op: 'replace', path: '/enableCloudEventDelivery', value: true }])
        expect((await getWebhook('wh-legacy-export')).enableCloudEventDelivery).toBe(true)
        await expectError(
          patch('wh-legacy-export', [{ op: 'replace', path: '/enableCloudEventDelivery', value: false }]),
          403,
          'WEBHOOKS-403-CLOUDEVENT',
        )
      })

      it("answers 404 for an unknown webhook and for another user's", async () => {
        await expectError(patch('wh-nope', [{ op: 'replace', path: '/name', value: 'x' }]), 404, 'WEBHOOKS-404')
        await env.configure({ persona: 'user', userId: USERS.maria })
        await expectError(patch('wh-slack-app-events', [{ op: 'replace', path: '/name', value: 'x' }]), 404, 'WEBHOOKS-404')
        await expect(patch('wh-teams-publish', [{ op: 'replace', path: '/name', value: 'Mine' }])).resolves.toBeUndefined()
      })
    })

    describe('DELETE /{id}', () => {
      it('answers 204 and the webhook is gone', async () => {
        await expect(deleteWebhook('wh-slack-app-events')).resolves.toBeUndefined()
        await expectError(getWebhook('wh-slack-app-events'), 404, 'WEBHOOKS-404')
        expect((await getWebhooks({ limit: 100 })).data.map((w) => w.id)).not.toContain('wh-slack-app-events')
        await expectError(deleteWebhook('wh-slack-app-events'), 404, 'WEBHOOKS-404')
      })

      it("answers 404 for another user's webhook and leaves it in place", async () => {
        await env.configure({ persona: 'user', userId: USERS.kenji })
        await expectError(deleteWebhook('wh-teams-publish'), 404, 'WEBHOOKS-404')
        await env.configure({ persona: 'tenantAdmin', userId: USERS.admin })
        await expect(getWebhook('wh-teams-publish')).resolves.toMatchObject({ id: 'wh-teams-publish' })
      })
    })

    describe('both prefixes', () => {
      it(`serves the same store as ${other}`, async () => {
        const created = await createWebhook(VALID)
        const response = await rawRequest('GET', `${other}/${created.id}`)
        expect(response.status).toBe(200)
        expect(await response.json()).toEqual(created)
      })

      it(
        onCore ? 'sends no deprecation headers' : 'marks every answer deprecated: Deprecation, Sunset 2027-11-01, Link to Core',
        async () => {
          for (const response of [
            await rawRequest('GET', BASE),
            await rawRequest('GET', `${BASE}/wh-nope`),
            await rawRequest('POST', BASE, '{'),
          ]) {
            if (onCore) {
              expect([response.headers.get('Deprecation'), response.headers.get('Sunset'), response.headers.get('Link')]).toEqual([
                null,
                null,
                null,
              ])
            } else {
              expect(response.headers.get('Deprecation')).toMatch(/^@\d+$/)
              expect(new Date(response.headers.get('Sunset') ?? '').toISOString()).toBe('2027-11-01T00:00:00.000Z')
              expect(response.headers.get('Link')).toContain(`<${CORE_API_REFERENCE}>`)
            }
          }
        },
      )

      if (onCore) {
        it('lets the tenant decide enableCloudEventDelivery on create', async () => {
          expect((await createWebhook({ ...VALID, enableCloudEventDelivery: false })).enableCloudEventDelivery).toBe(true)
          await env.configure({ cloudEventDeliveryOnCreate: false })
          expect((await createWebhook({ ...VALID, enableCloudEventDelivery: true })).enableCloudEventDelivery).toBe(false)
        })

        it('answers 404 everywhere when the tenant has no Core API (coreApi: false), while v1 still answers', async () => {
          await env.configure({ coreApi: false })
          expect((await rawRequest('GET', BASE)).status).toBe(404)
          expect((await rawRequest('GET', `${BASE}/wh-slack-app-events`)).status).toBe(404)
          expect((await rawRequest('GET', `${other}/wh-slack-app-events`)).status).toBe(200)
        })
      } else {
        it('keeps the supplied enableCloudEventDelivery on create, true when left out', async () => {
          expect((await createWebhook({ ...VALID, enableCloudEventDelivery: false })).enableCloudEventDelivery).toBe(false)
          expect((await createWebhook(VALID)).enableCloudEventDelivery).toBe(true)
        })
      }
    })

    describe('rate limits', () => {
      it("answers 429 with Retry-After and Qlik's body past Tier 2, while Tier 1 goes on", async () => {
        await env.configure({ rateLimits: { tier1: 1000, tier2: 2 } })
        await createWebhook(VALID)
        await createWebhook(VALID)
        const error = await failure(createWebhook(VALID))
        expect(error.status).toBe(429)
        expect(error.errors).toEqual([
          {
            code: 'HTTP-429',
            title: 'API rate limit reached.',
            detail: expect.stringMatching(/^You need to wait \d+ seconds until limit is lifted\.$/),
          },
        ])
        expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1)
        expect(error.retryAfterSeconds).toBeLessThanOrEqual(60)
        // Every write waits, a delete or a patch as much as a create; reads are another tier.
        await expectError(deleteWebhook('wh-exports-kenji'), 429, 'HTTP-429')
        await expect(getWebhook('wh-exports-kenji')).resolves.toMatchObject({ id: 'wh-exports-kenji' })
      })

      it('counts every GET in Tier 1, and writes go on when reads are spent', async () => {
        await env.configure({ rateLimits: { tier1: 2, tier2: 100 } })
        await getWebhook('wh-slack-app-events')
        await getWebhooks()
        const response = await rawRequest('GET', `${BASE}/event-types`)
        expect(response.status).toBe(429)
        expect(Number(response.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
        await expect(createWebhook(VALID)).resolves.toMatchObject({ name: VALID.name })
      })

      it('can be switched off', async () => {
        await env.configure({ rateLimits: false })
        for (let i = 0; i < 5; i++) {
          await expect(patchWebhook('wh-slack-app-events', [{ op: 'replace', path: '/name', value: `n${i}` }])).resolves.toBeUndefined()
        }
        await env.configure({ rateLimits: { tier1: 1000, tier2: 1 } })
        // Calls made while it was off were not counted: one more is allowed, then the tier is spent.
        await patchWebhook('wh-slack-app-events', [{ op: 'replace', path: '/name', value: 'again' }])
        expect((await getWebhook('wh-slack-app-events')).name).toBe('again')
        await expectError(patchWebhook('wh-slack-app-events', [{ op: 'replace', path: '/name', value: 'no' }]), 429, 'HTTP-429')
      })
    })
  })
}

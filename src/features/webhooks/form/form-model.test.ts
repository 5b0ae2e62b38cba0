import { describe, expect, it } from 'vitest'
import type { EventType, Webhook } from '../../../api'
import {
  emptyFormValues,
  formValuesOf,
  makeFormSchema,
  planSave,
  reentryReason,
  toCreateBody,
  toPatchOperations,
  type WebhookFormValues,
} from './form-model'

const catalogue: EventType[] = [
  { name: 'com.qlik.v1.app.created', title: 'App created', category: 'Analytics apps', levels: ['user', 'tenant'] },
  { name: 'com.qlik.v1.app.deleted', title: 'App deleted', category: 'Analytics apps', levels: ['tenant'] },
  { name: 'com.qlik.v1.app.reload.finished', title: 'App reload finished', category: 'Analytics apps', levels: ['user', 'tenant'] },
]

const saved: Webhook = {
  id: 'wh-1',
  name: 'Reloads',
  url: 'https://hooks.example.com/qlik',
  description: 'Alerts',
  eventTypes: ['com.qlik.v1.app.reload.finished'],
  level: 'tenant',
  ownerId: 'owner-1',
  filter: 'data.status eq "error"',
  enabled: true,
  headers: { 'X-Team': 'bi' },
  encryptedHeaders: ['Authorization'],
  enableCloudEventDelivery: true,
  checkCertificateRevocation: false,
  secretKeyAdded: true,
  origin: 'api',
}

const valid = (patch: Partial<WebhookFormValues> = {}): WebhookFormValues => ({
  ...emptyFormValues(),
  name: 'New hook',
  url: 'https://hooks.example.com/in',
  eventTypes: ['com.qlik.v1.app.created'],
  ...patch,
})

function issues(values: WebhookFormValues, context: Parameters<typeof makeFormSchema>[0] = { eventTypes: catalogue, api: 'v1' }) {
  const result = makeFormSchema(context).safeParse(values)
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]))
}

describe('form values', () => {
  it('start a new webhook enabled, at tenant level, with CloudEvents on', () => {
    const values = emptyFormValues()
    expect(values).toMatchObject({ enabled: true, level: 'tenant', enableCloudEventDelivery: true, secretMode: 'none' })
  })

  it('show a saved webhook without its secret or encrypted values', () => {
    const values = formValuesOf(saved)
    expect(values.secretMode).toBe('kept')
    expect(values.secret).toBe('')
    expect(values.headers).toEqual([
      { name: 'X-Team', value: 'bi', encrypted: false, stored: false },
      { name: 'Authorization', value: '', encrypted: true, stored: true },
    ])
  })
})

describe('form schema', () => {
  it('accepts a complete, valid webhook', () => {
    expect(issues(valid({ secret: 'x'.repeat(32), filter: 'spaceId eq "s1"' }))).toEqual({})
  })

  it.each([
    ['http://hooks.example.com', /HTTPS/],
    ['https://192.168.1.10', /IP address/],
    ['https://[::1]', /IPv6/],
    ['https://localhost', /localhost|fully qualified/],
    ['https://user:pw@host.example.com', /user name or password/],
  ])('refuses the URL %s with the rule it breaks', (url, message) => {
    expect(issues(valid({ url })).url).toMatch(message)
  })

  it.each([31, 65])('refuses a %i-character secret and says how long it is', (length) => {
    expect(issues(valid({ secret: 'a'.repeat(length) })).secret).toMatch(new RegExp(`32 to 64 .*${length}`))
  })

  it('asks for the new secret when replacing', () => {
    expect(issues(valid({ secretMode: 'replace' })).secret).toMatch(/Enter the new secret/)
  })

  it('finds duplicate header names across plain and encrypted rows, ignoring case', () => {
    const found = issues(
      valid({
        headers: [
          { name: 'X-Key', value: 'a', encrypted: false, stored: false },
          { name: 'x-key', value: 'b', encrypted: true, stored: false },
        ],
      }),
    )
    expect(found['headers.0.name']).toMatch(/more than once/)
    expect(found['headers.1.name']).toMatch(/more than once/)
  })

  it('refuses a line break in a header value', () => {
    const found = issues(valid({ headers: [{ name: 'X-A', value: 'one\ntwo', encrypted: false, stored: false }] }))
    expect(found['headers.0.value']).toMatch(/line break/)
  })

  it('needs a value for a new encrypted header', () => {
    expect(issues(valid({ headers: [{ name: 'X-A', value: '', encrypted: true, stored: false }] }))['headers.0.value']).toMatch(
      /Enter a value/,
    )
  })

  it('refuses an event type that the level does not offer', () => {
    expect(issues(valid({ level: 'user', eventTypes: ['com.qlik.v1.app.deleted'] })).eventTypes).toMatch(
      /App deleted.*not available for user-level/,
    )
  })

  it('needs at least one event', () => {
    expect(issues(valid({ eventTypes: [] })).eventTypes).toMatch(/at least one event/)
  })

  it.each([
    ['spaceId = "a"', /eq or ne/],
    ["spaceId eq 'a'", /double quotes/],
    ['(spaceId eq "a")', /Parentheses/],
    ['owner eq "a"', /Unknown attribute/],
    ['data.status eq "error"', /only event type/],
  ])('refuses the filter %s', (filter, message) => {
    expect(issues(valid({ filter })).filter).toMatch(message)
  })

  it('allows data.status when App reload finished is the only event', () => {
    expect(issues(valid({ eventTypes: ['com.qlik.v1.app.reload.finished'], filter: 'data.status eq "ok"' }))).toEqual({})
  })

  it('refuses tenant level once the tenant has refused it for this caller', () => {
    expect(issues(valid(), { eventTypes: catalogue, tenantLevelDenied: 'Needs Tenant Admin.', api: 'v1' }).level).toBe(
      'Needs Tenant Admin.',
    )
  })

  it('asks for every saved encrypted value again when the URL changes', () => {
    const values = { ...formValuesOf(saved), url: 'https://new.example.com/qlik' }
    expect(reentryReason(values, saved, 'v1')).toMatch(/URL changed/)
    expect(issues(values, { original: saved, eventTypes: catalogue, api: 'v1' })['headers.1.value']).toMatch(
      /Enter the value of "Authorization" again/,
    )
  })

  it('asks for the secret and encrypted values again when the change needs a PUT', () => {
    const values = { ...formValuesOf(saved), checkCertificateRevocation: true }
    const found = issues(values, { original: saved, eventTypes: catalogue, api: 'v1' })
    expect(found.secret).toMatch(/replaces the whole webhook/)
    expect(found['headers.1.value']).toMatch(/Authorization/)
  })

  it('leaves saved values alone when nothing needs them', () => {
    expect(issues({ ...formValuesOf(saved), name: 'Renamed' }, { original: saved, eventTypes: catalogue, api: 'v1' })).toEqual({})
  })
})

describe('create body', () => {
  it('sends every field, enabled explicitly, headers split into plain and encrypted', () => {
    const body = toCreateBody(
      valid({
        description: '  ',
        secret: 's'.repeat(40),
        filter: ' spaceId eq "s1" ',
        headers: [
          { name: 'X-Team', value: 'bi', encrypted: false, stored: false },
          { name: 'Authorization', value: 'Bearer t', encrypted: true, stored: false },
        ],
      }),
    )
    expect(body).toEqual({
      name: 'New hook',
      url: 'https://hooks.example.com/in',
      eventTypes: ['com.qlik.v1.app.created'],
      level: 'tenant',
      filter: 'spaceId eq "s1"',
      secret: 's'.repeat(40),
      enabled: true,
      headers: { 'X-Team': 'bi' },
      encryptedHeaders: { Authorization: 'Bearer t' },
      enableCloudEventDelivery: true,
      checkCertificateRevocation: false,
    })
  })
})

describe('save plan', () => {
  const start = () => formValuesOf(saved)

  it('is nothing when nothing changed', () => {
    expect(planSave(start(), saved, 'v1')).toEqual({ kind: 'none' })
  })

  it('patches only the changed fields and never mentions an untouched secret or encrypted header', () => {
    const ops = toPatchOperations({ ...start(), name: 'Renamed', enabled: false, description: '' }, saved)
    expect(ops).toEqual([
      { op: 'replace', path: '/name', value: 'Renamed' },
      { op: 'remove', path: '/description' },
      { op: 'replace', path: '/enabled', value: false },
    ])
  })

  it('replaces the event types and plain headers as wholes', () => {
    const values = start()
    values.eventTypes = ['com.qlik.v1.app.created']
    values.headers = [{ name: 'X-Team', value: 'ops', encrypted: false, stored: false }, values.headers[1]!]
    const plan = planSave(values, saved, 'v1')
    expect(plan).toEqual({
      kind: 'patch',
      operations: [
        { op: 'replace', path: '/eventTypes', value: ['com.qlik.v1.app.created'] },
        { op: 'replace', path: '/headers', value: { 'X-Team': 'ops' } },
      ],
    })
  })

  it('sends the URL with the re-entered encrypted headers in one patch', () => {
    const values = start()
    values.url = 'https://new.example.com/qlik'
    values.headers[1]!.value = 'Bearer new'
    expect(toPatchOperations(values, saved)).toEqual([
      { op: 'replace', path: '/url', value: 'https://new.example.com/qlik' },
      { op: 'replace', path: '/encryptedHeaders', value: { Authorization: 'Bearer new' } },
    ])
  })

  it('removes the encrypted set when its last header is deleted', () => {
    const values = start()
    values.headers = values.headers.slice(0, 1)
    expect(toPatchOperations(values, saved)).toEqual([{ op: 'remove', path: '/encryptedHeaders' }])
  })

  it('replaces or removes the secret only when asked', () => {
    expect(toPatchOperations({ ...start(), secretMode: 'replace', secret: 'n'.repeat(32) }, saved)).toEqual([
      { op: 'replace', path: '/secret', value: 'n'.repeat(32) },
    ])
    expect(toPatchOperations({ ...start(), secretMode: 'remove' }, saved)).toEqual([{ op: 'remove', path: '/secret' }])
    const withoutSecret = { ...saved, secretKeyAdded: false }
    expect(toPatchOperations({ ...formValuesOf(withoutSecret), secret: 'n'.repeat(32) }, withoutSecret)).toEqual([
      { op: 'add', path: '/secret', value: 'n'.repeat(32) },
    ])
  })

  it('turns CloudEvents on, and never sends it off', () => {
    const legacy = { ...saved, enableCloudEventDelivery: false }
    expect(toPatchOperations({ ...formValuesOf(legacy), enableCloudEventDelivery: true }, legacy)).toEqual([
      { op: 'replace', path: '/enableCloudEventDelivery', value: true },
    ])
  })

  it('uses a PUT of everything when filter, level or certificate revocation change', () => {
    const values = { ...start(), filter: '', secretMode: 'replace' as const, secret: 'r'.repeat(40) }
    values.headers[1]!.value = 'Bearer again'
    expect(planSave(values, saved, 'v1')).toEqual({
      kind: 'replace',
      body: {
        name: 'Reloads',
        url: 'https://hooks.example.com/qlik',
        description: 'Alerts',
        eventTypes: ['com.qlik.v1.app.reload.finished'],
        level: 'tenant',
        secret: 'r'.repeat(40),
        enabled: true,
        headers: { 'X-Team': 'bi' },
        encryptedHeaders: { Authorization: 'Bearer again' },
        enableCloudEventDelivery: true,
        checkCertificateRevocation: false,
      },
    })
  })

  it('on Core, patches filter, level and certificate revocation like any other field, asking for no secret again', () => {
    const values = { ...start(), filter: '', level: 'user' as const, checkCertificateRevocation: true }
    expect(planSave(values, saved, 'core')).toEqual({
      kind: 'patch',
      operations: [
        { op: 'remove', path: '/filter' },
        { op: 'replace', path: '/level', value: 'user' },
        { op: 'replace', path: '/checkCertificateRevocation', value: true },
      ],
    })
    expect(issues(values, { original: saved, eventTypes: catalogue, api: 'core' })).toEqual({})
    expect(planSave({ ...start(), filter: 'data.status eq "ok"' }, saved, 'core')).toEqual({
      kind: 'patch',
      operations: [{ op: 'replace', path: '/filter', value: 'data.status eq "ok"' }],
    })
  })

  it('keeps the owner of a user-level webhook in a PUT', () => {
    const userLevel = { ...saved, level: 'user' as const, encryptedHeaders: [], secretKeyAdded: false }
    const plan = planSave({ ...formValuesOf(userLevel), checkCertificateRevocation: true }, userLevel, 'v1')
    expect(plan.kind === 'replace' && plan.body).toMatchObject({ level: 'user', ownerId: 'owner-1', checkCertificateRevocation: true })
  })
})

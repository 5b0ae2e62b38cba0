import { describe, expect, it } from 'vitest'
import { errorField, eventTypeIssues, fieldIssues, toErrorItem, webhookBaseRules, webhookPostRules } from './rules'
import type { EventType } from './schemas'

const valid = { name: 'Hook', url: 'https://hooks.example.com/q' }
const issuesOf = (body: unknown) => {
  const result = webhookPostRules.safeParse(body)
  return result.success ? [] : fieldIssues(result.error)
}

describe('webhookPostRules and webhookBaseRules', () => {
  it('accept a minimal and a full valid webhook', () => {
    expect(issuesOf(valid)).toEqual([])
    expect(
      issuesOf({
        ...valid,
        description: 'd'.repeat(1024),
        name: 'n'.repeat(512),
        secret: 's'.repeat(64),
        eventTypes: ['com.qlik.v1.app.reload.finished'],
        filter: 'data.status eq "error"',
        headers: { 'X-Team': 'a' },
        encryptedHeaders: { Authorization: 'Bearer x' },
        origin: 'api',
      }),
    ).toEqual([])
    expect(webhookBaseRules.safeParse({ ...valid, secret: 's'.repeat(32) }).success).toBe(true)
  })

  it.each([
    [{ ...valid, name: '' }, 'name', 'Enter a name.'],
    [{ ...valid, name: 'n'.repeat(513) }, 'name', 'The name must be at most 512 characters (code points); it has 513.'],
    [{ ...valid, url: 'http://hooks.example.com' }, 'url', 'The URL must use HTTPS (https://), not http:.'],
    [
      { ...valid, description: 'd'.repeat(1025) },
      'description',
      'The description must be at most 1024 characters (code points); it has 1025.',
    ],
    [{ ...valid, secret: 's'.repeat(31) }, 'secret', 'The secret must be 32 to 64 characters (code points) long; it has 31.'],
    [{ ...valid, secret: 's'.repeat(65) }, 'secret', 'The secret must be 32 to 64 characters (code points) long; it has 65.'],
    [{ ...valid, eventTypes: ['a', 'a'] }, 'eventTypes', 'The event type "a" is listed more than once.'],
    [{ ...valid, headers: { 'Bad Name': 'x' } }, 'headers', expect.stringContaining('contains a space')],
    [
      { ...valid, headers: { A: 'x' }, encryptedHeaders: { a: 'y' } },
      'encryptedHeaders',
      expect.stringContaining('both a plain and an encrypted'),
    ],
    [{ ...valid, encryptedHeaders: { A: 'x'.repeat(2048) } }, 'encryptedHeaders', expect.stringContaining('2049 bytes')],
    [{ ...valid, filter: 'name eq "x"' }, 'filter', expect.stringContaining('Unknown attribute "name"')],
    [
      { ...valid, filter: 'data.status eq "ok"', eventTypes: ['com.qlik.v1.app.created'] },
      'filter',
      expect.stringContaining('data.status can be used only'),
    ],
  ])('reject %j on its field', (body, field, message) => {
    expect(issuesOf(body)).toEqual([{ field, message }])
  })

  it('treat an empty secret as no secret', () => {
    expect(issuesOf({ ...valid, secret: '' })).toEqual([])
  })

  it('report wrong types and missing required fields by field', () => {
    const issues = issuesOf({ url: 5, enabled: 'yes', headers: { A: 1 } })
    expect(issues.map((i) => i.field).sort()).toEqual(['enabled', 'headers', 'name', 'url'])
    expect(issues.find((i) => i.field === 'headers')?.message).toMatch(/\(at A\)$/)
  })
})

describe('eventTypeIssues', () => {
  const catalogue: EventType[] = [
    { name: 'a.both', title: 'Both', levels: ['user', 'tenant'] },
    { name: 'a.tenant', title: 'Tenant only', levels: ['tenant'] },
  ]
  it('accepts known types allowed at the level', () => {
    expect(eventTypeIssues(['a.both', 'a.tenant'], 'tenant', catalogue)).toEqual([])
    expect(eventTypeIssues(['a.both'], 'user', catalogue)).toEqual([])
    expect(eventTypeIssues(undefined, 'user', catalogue)).toEqual([])
  })
  it('rejects unknown types and types not allowed at the level', () => {
    expect(eventTypeIssues(['nope'], 'tenant', catalogue)).toEqual([
      { field: 'eventTypes', message: '"nope" is not an event type of this tenant.' },
    ])
    expect(eventTypeIssues(['a.tenant'], 'user', catalogue)).toEqual([
      {
        field: 'eventTypes',
        message: '"Tenant only" (a.tenant) is not available for user-level webhooks; it is available at tenant level.',
      },
    ])
  })
})

describe('errorField', () => {
  it('reads back the field of an item written by toErrorItem', () => {
    const item = toErrorItem({ field: 'url', message: 'The URL must use HTTPS: really.' })
    expect(item).toEqual({ code: 'WEBHOOKS-400-VALIDATION', title: 'Invalid request', detail: 'url: The URL must use HTTPS: really.' })
    expect(errorField(item)).toEqual({ field: 'url', message: 'The URL must use HTTPS: really.' })
  })
  it('returns undefined for items without a field', () => {
    expect(errorField({ code: 'X', title: 'Y' })).toBeUndefined()
    expect(errorField({ code: 'X', title: 'Y', detail: 'Webhook not found.' })).toBeUndefined()
  })
})

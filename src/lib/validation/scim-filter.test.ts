import { describe, expect, it } from 'vitest'
import {
  DATA_STATUS_EVENT_TYPE,
  filterAttributeValue,
  filterForAnyOf,
  formatFilter,
  matchesFilter,
  parseFilter,
  validateFilter,
} from './scim-filter'
import events from '../../../mocks/fixtures/event-examples.json'

const errorOf = (input: string) => {
  const result = parseFilter(input)
  if (result.ok) throw new Error(`expected ${input} to be rejected`)
  return result.error
}

describe('parseFilter', () => {
  it('treats blank text as no filter', () => {
    expect(parseFilter('')).toEqual({ ok: true, filter: { anyOf: [] } })
    expect(parseFilter('   ')).toEqual({ ok: true, filter: { anyOf: [] } })
  })

  it('parses one comparison', () => {
    expect(parseFilter('spaceId eq "abc"')).toEqual({
      ok: true,
      filter: { anyOf: [[{ attribute: 'spaceId', operator: 'eq', value: 'abc', position: 0 }]] },
    })
  })

  it('binds and tighter than or', () => {
    const result = parseFilter('id eq "1" or spaceId eq "s" and topLevelResourceId ne "t" or id eq "2"')
    expect(result.ok && result.filter.anyOf.map((all) => all.map((c) => `${c.attribute}:${c.value}`))).toEqual([
      ['id:1'],
      ['spaceId:s', 'topLevelResourceId:t'],
      ['id:2'],
    ])
  })

  it.each([
    'id eq "x"',
    'ID EQ "x"',
    'spaceid Ne "x"',
    'topLevelResourceId eq "7d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6"',
    'data.status eq "ok"',
    'data.status ne "error"',
    'spaceId eq "a" AND id eq "b" OR id eq "c"',
    '  spaceId   eq   "a"  ',
    'id eq ""',
    'id eq "with \\"quotes\\" and \\\\ and \\u00e9"',
    'id eq "and or eq"',
  ])('accepts %s', (input) => {
    expect(parseFilter(input).ok).toBe(true)
  })

  it('decodes JSON escapes in values and canonicalises attribute and operator case', () => {
    const result = parseFilter('SPACEID NE "a\\"b\\u00e9"')
    expect(result.ok && result.filter.anyOf[0]?.[0]).toEqual({ attribute: 'spaceId', operator: 'ne', value: 'a"bé', position: 0 })
  })

  it.each([
    ['name eq "x"', 0, 'Unknown attribute "name"; use id, spaceId, topLevelResourceId or data.status (at character 1)'],
    ['spaceId co "x"', 8, 'The operator "co" is not supported; use eq or ne (at character 9)'],
    ['spaceId pr', 8, 'The operator "pr" is not supported; use eq or ne (at character 9)'],
    ['spaceId gt "x"', 8, 'The operator "gt" is not supported'],
    ['spaceId = "x"', 8, 'Expected eq or ne after "spaceId", found ='],
    ['spaceId', 7, 'Expected eq or ne after "spaceId" (at character 8)'],
    ['spaceId eq', 10, 'Expected a double-quoted value after "eq" (at character 11)'],
    ['spaceId eq abc', 11, 'Expected a double-quoted value after "eq", found abc; write "abc"'],
    ["spaceId eq 'abc'", 11, 'Values take double quotes ("…"), not single quotes'],
    ['spaceId eq "abc', 11, 'The value starting here is missing its closing double quote (at character 12)'],
    ['spaceId eq "a\\qb"', 13, '"\\q" is not a valid escape'],
    ['spaceId eq "\\u12"', 12, 'must be followed by four hexadecimal digits'],
    ['spaceId eq "a\nb"', 13, 'must not contain a line break'],
    ['spaceId eq "a" and', 18, 'Expected a comparison such as spaceId eq "…" after "and" (at character 19)'],
    ['spaceId eq "a" or', 17, 'after "or"'],
    ['spaceId eq "a" xor id eq "b"', 15, 'Expected "and" or "or" after a comparison, found xor'],
    ['spaceId eq "a" id eq "b"', 15, 'Expected "and" or "or"'],
    ['(spaceId eq "a")', 0, 'Parentheses are not supported'],
    ['spaceId eq "a" and (id eq "b" or id eq "c")', 19, 'Parentheses are not supported'],
    ['not spaceId eq "a"', 0, '"not" is not supported; use ne'],
    ['spaceId eq"a"', 10, 'Expected a space before the value'],
    ['spaceId eq "a"and id eq "b"', 14, 'Expected a space before "and"'],
    ['data.status eq "finished"', 15, 'data.status takes "ok" or "error", not "finished"'],
    ['data.status eq "OK"', 15, 'data.status takes "ok" or "error"'],
    ['data.name eq "x"', 0, 'Unknown attribute "data.name"'],
    ['eq "x"', 0, 'Unknown attribute "eq"'],
    ['"x" eq id', 0, 'Expected an attribute (id, spaceId, topLevelResourceId or data.status), found "x"'],
  ])('rejects %j at its position with a clear message', (input, position, message) => {
    const error = errorOf(input)
    expect(error.position).toBe(position)
    expect(error.message).toContain(message)
  })
})

describe('validateFilter', () => {
  it('allows data.status only when the event types are exactly App reload finished', () => {
    expect(validateFilter('data.status eq "error"', { eventTypes: [DATA_STATUS_EVENT_TYPE] })).toBeNull()
    const message = /data.status can be used only when "App reload finished"/
    expect(validateFilter('data.status eq "error"', { eventTypes: [] })?.message).toMatch(message)
    expect(validateFilter('data.status eq "error"', {})?.message).toMatch(message)
    expect(validateFilter('data.status eq "ok"', { eventTypes: ['com.qlik.v1.reload.finished'] })?.message).toMatch(message)
    expect(validateFilter('id eq "a" or data.status eq "ok"', { eventTypes: [DATA_STATUS_EVENT_TYPE, 'com.qlik.v1.app.created'] })).toEqual(
      { message: expect.stringMatching(message) as unknown as string, position: 13 },
    )
  })

  it('passes grammar errors through and accepts other attributes with any event types', () => {
    expect(validateFilter('spaceId eq "a"', { eventTypes: ['com.qlik.v1.app.created'] })).toBeNull()
    expect(validateFilter('', { eventTypes: [] })).toBeNull()
    expect(validateFilter('spaceId', { eventTypes: [] })?.position).toBe(7)
  })
})

describe('formatFilter and filterForAnyOf', () => {
  it('round-trips a parsed filter', () => {
    const text = 'spaceId eq "a\\"b" and id ne "c" or topLevelResourceId eq "d"'
    const parsed = parseFilter(text)
    expect(parsed.ok && formatFilter(parsed.filter)).toBe(text)
  })

  it('builds "any of these" filters that parse back to the same values', () => {
    const text = filterForAnyOf('spaceId', ['s1', 's"2'])
    expect(text).toBe('spaceId eq "s1" or spaceId eq "s\\"2"')
    const parsed = parseFilter(text)
    expect(parsed.ok && parsed.filter.anyOf.map((all) => all[0]?.value)).toEqual(['s1', 's"2'])
    expect(filterForAnyOf('id', [])).toBe('')
  })
})

type Variant = { payload: Record<string, unknown> }
const example = events.events['com.qlik.v1.app.created'] as unknown as Record<'cloudevents' | 'legacy' | 'hybrid', Variant>
const reload = events.events[DATA_STATUS_EVENT_TYPE] as unknown as Record<'cloudevents' | 'legacy' | 'hybrid', Variant>

describe('matchesFilter', () => {
  it.each(['cloudevents', 'legacy', 'hybrid'] as const)('reads spaceId, topLevelResourceId and id from the %s format', (format) => {
    const payload = example[format].payload
    expect(filterAttributeValue(payload, 'spaceId')).toBe('space-xyz')
    expect(filterAttributeValue(payload, 'topLevelResourceId')).toBe('res-789')
    expect(filterAttributeValue(payload, 'id')).toBe('res-789')
    expect(matchesFilter('spaceId eq "space-xyz"', payload)).toBe(true)
    expect(matchesFilter('spaceId eq "other"', payload)).toBe(false)
    expect(matchesFilter('spaceId ne "other"', payload)).toBe(true)
    expect(matchesFilter('topLevelResourceId eq "res-789" and id eq "res-789"', payload)).toBe(true)
    expect(matchesFilter('topLevelResourceId eq "res-789" and id eq "nope"', payload)).toBe(false)
    expect(matchesFilter('id eq "nope" or spaceId eq "space-xyz"', payload)).toBe(true)
  })

  it.each(['cloudevents', 'legacy', 'hybrid'] as const)('reads data.status from the %s app reload payload', (format) => {
    const payload = reload[format].payload
    const status = filterAttributeValue(payload, 'data.status')
    expect(['ok', 'error']).toContain(status)
    expect(matchesFilter(`data.status eq ${JSON.stringify(status)}`, payload)).toBe(true)
    expect(matchesFilter(`data.status ne ${JSON.stringify(status)}`, payload)).toBe(false)
  })

  it('matches everything without a filter, nothing with a broken one, and ne on a missing attribute', () => {
    expect(matchesFilter(undefined, {})).toBe(true)
    expect(matchesFilter('', { any: 1 })).toBe(true)
    expect(matchesFilter('spaceId eq', { spaceid: 'x' })).toBe(false)
    expect(matchesFilter('spaceId ne "x"', { data: {} })).toBe(true)
    expect(matchesFilter('spaceId eq "x"', null)).toBe(false)
    expect(matchesFilter('id eq "1"', { data: { id: 1 } })).toBe(false)
  })

  it('compares values exactly, case included', () => {
    expect(matchesFilter('spaceId eq "SPACE-XYZ"', example.cloudevents.payload)).toBe(false)
  })

  it('evaluates "and" before "or", as it parses', () => {
    const payload = { spaceid: 's1', toplevelresourceid: 'app-1', data: { id: 'x' } }
    // s2 or (app-1 and x): true; (s2 or app-1) and nope would be false either way, so check both groupings.
    expect(matchesFilter('spaceId eq "s2" or topLevelResourceId eq "app-1" and id eq "x"', payload)).toBe(true)
    expect(matchesFilter('spaceId eq "s1" or topLevelResourceId eq "nope" and id eq "nope"', payload)).toBe(true)
    expect(matchesFilter('spaceId eq "s2" and topLevelResourceId eq "app-1" or id eq "nope"', payload)).toBe(false)
  })

  const everyPayload = Object.entries((events as { events: Record<string, Record<string, { payload?: unknown }>> }).events).flatMap(
    ([name, entry]) =>
      (['cloudevents', 'legacy', 'hybrid'] as const).map((format) => [`${name} (${format})`, entry[format]?.payload] as const),
  )

  it.each(everyPayload)('matches %s on the values it carries and not on others', (_name, payload) => {
    for (const attribute of ['id', 'spaceId', 'topLevelResourceId', 'data.status'] as const) {
      const value = filterAttributeValue(payload, attribute)
      // The grammar takes only "ok" and "error" for data.status (reload.finished carries SUCCEEDED and the like).
      if (attribute === 'data.status' && value !== undefined && !['ok', 'error'].includes(value)) continue
      if (value === undefined) {
        expect(matchesFilter(`${attribute} eq "anything"`, payload)).toBe(false)
        continue
      }
      expect(matchesFilter(`${attribute} eq ${JSON.stringify(value)}`, payload)).toBe(true)
      expect(matchesFilter(`${attribute} ne ${JSON.stringify(value)}`, payload)).toBe(false)
      const other = attribute === 'data.status' ? (value === 'ok' ? 'error' : 'ok') : `${value}-other`
      expect(matchesFilter(`${attribute} eq ${JSON.stringify(other)}`, payload)).toBe(false)
    }
  })
})

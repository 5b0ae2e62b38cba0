import { describe, expect, it } from 'vitest'
import { LIMITS } from '../limits'
import {
  findDuplicateHeaderNames,
  headerSetBytes,
  utf8Length,
  validateHeaderName,
  validateHeaderRows,
  validateHeaderSetSize,
  validateHeaderValue,
  validateHeaders,
} from './headers'

describe('validateHeaderName', () => {
  it.each(['Authorization', 'X-Api-Key', 'x_custom', 'A', "!#$%&'*+-.^_`|~09az"])('accepts the token %j', (name) => {
    expect(validateHeaderName(name)).toBeNull()
  })

  it.each([
    ['', 'Enter a header name.'],
    ['X Api', 'contains a space'],
    ['X-Api:', 'contains ":"'],
    ['X(1)', 'contains "("'],
    ['Ünicode', 'contains "Ü"'],
    ['X\tY', 'contains a tab'],
    ['X\nY', 'contains a line break'],
    ['X\u0000', 'contains a control character (U+0000)'],
    ['"quoted"', 'contains """'],
    ['a/b', 'contains "/"'],
  ])('rejects %j, naming the offending character', (name, fragment) => {
    expect(validateHeaderName(name)).toContain(fragment)
  })
})

describe('validateHeaderValue', () => {
  it.each(['', 'Bearer abc.def', 'tab\tinside', 'ünïcødé ✓', ' spaced '])('accepts %j', (value) => {
    expect(validateHeaderValue(value)).toBeNull()
  })

  it.each([
    ['a\r\nInjected: 1', 'must be on one line'],
    ['a\nb', 'must be on one line'],
    ['a\rb', 'must be on one line'],
    ['a\u0000b', 'control character (U+0000)'],
    ['a\u007fb', 'control character (U+007F)'],
    ['a\u001bb', 'control character (U+001B)'],
  ])('rejects %j', (value, fragment) => {
    expect(validateHeaderValue(value)).toContain(fragment)
  })

  it('names the header when given', () => {
    expect(validateHeaderValue('a\nb', 'X-Key')).toBe('The value of "X-Key" must be on one line (no line breaks).')
  })
})

describe('sizes', () => {
  it('counts UTF-8 bytes of names and values', () => {
    expect(utf8Length('é')).toBe(2)
    expect(utf8Length('✓')).toBe(3)
    expect(headerSetBytes({ Ab: 'é✓' })).toBe(2 + 5)
    expect(headerSetBytes([{ name: 'X', value: 'yy' }])).toBe(3)
  })

  it('accepts exactly 2048 bytes and rejects 2049, with the actual size', () => {
    const value = 'v'.repeat(LIMITS.headerBytes - 1)
    expect(validateHeaderSetSize({ X: value })).toBeNull()
    expect(validateHeaderSetSize({ X: `${value}v` })).toBe(
      'Headers must be at most 2048 bytes in total (names plus values, UTF-8); these are 2049 bytes.',
    )
    expect(validateHeaderSetSize({ X: 'é'.repeat(1024) }, 'encryptedHeaders')).toMatch(/^Encrypted headers .* 2049 bytes\.$/)
  })
})

describe('findDuplicateHeaderNames', () => {
  it('finds names repeated in any case, once each', () => {
    expect(findDuplicateHeaderNames(['X-A', 'x-a', 'X-B', 'X-A'])).toEqual(['X-A'])
    expect(findDuplicateHeaderNames(['A', 'B'])).toEqual([])
  })
})

describe('validateHeaders', () => {
  it('accepts distinct valid plain and encrypted headers', () => {
    expect(validateHeaders({ 'X-Team': 'analytics' }, { Authorization: 'Bearer x' })).toEqual([])
    expect(validateHeaders(undefined, undefined)).toEqual([])
  })

  it('reports a name used in both sets, whatever its case', () => {
    expect(validateHeaders({ 'X-Key': 'a' }, { 'x-key': 'b' })).toEqual([
      {
        set: 'encryptedHeaders',
        name: 'x-key',
        field: 'name',
        message: 'The header "x-key" is both a plain and an encrypted header; a name may be used once (names are not case-sensitive).',
      },
    ])
  })

  it('reports a name repeated within a set in another case', () => {
    const issues = validateHeaders({ 'X-A': '1', 'x-a': '2' }, undefined)
    expect(issues).toEqual([expect.objectContaining({ set: 'headers', name: 'X-A', field: 'name' })])
  })

  it('counts saved encrypted names that are not re-entered', () => {
    expect(validateHeaders({ authorization: 'x' }, {}, ['Authorization'])).toHaveLength(1)
    expect(validateHeaders({ 'X-Other': 'x' }, {}, ['Authorization'])).toEqual([])
  })

  it('reports bad names, bad values and oversize sets together, each on its set', () => {
    const issues = validateHeaders({ 'Bad Name': 'ok', Good: 'line\nbreak' }, { Big: 'x'.repeat(2048) })
    expect(issues).toEqual([
      expect.objectContaining({ set: 'headers', name: 'Bad Name', field: 'name' }),
      expect.objectContaining({ set: 'headers', name: 'Good', field: 'value' }),
      expect.objectContaining({ set: 'encryptedHeaders', field: 'set', message: expect.stringContaining('2051 bytes') }),
    ])
  })
})

describe('validateHeaderRows', () => {
  it('gives per-row messages, including duplicates across plain and encrypted rows', () => {
    const result = validateHeaderRows([
      { name: 'X-Team', value: 'a', encrypted: false },
      { name: 'x-team', value: 'b', encrypted: true },
      { name: '', value: 'c', encrypted: false },
      { name: 'Ok', value: 'bad\r\n', encrypted: false },
      { name: 'Fine', value: 'fine', encrypted: true },
    ])
    expect(result.rows[0]?.name).toMatch(/given more than once/)
    expect(result.rows[1]?.name).toMatch(/given more than once/)
    expect(result.rows[2]).toEqual({ name: 'Enter a header name.' })
    expect(result.rows[3]).toEqual({ value: 'The value of "Ok" must be on one line (no line breaks).' })
    expect(result.rows[4]).toEqual({})
    expect(result.sets).toEqual({})
  })

  it('sizes plain and encrypted rows separately', () => {
    const half = 'x'.repeat(1500)
    const result = validateHeaderRows([
      { name: 'A', value: half, encrypted: false },
      { name: 'B', value: half, encrypted: true },
    ])
    expect(result.sets).toEqual({})
    const over = validateHeaderRows([
      { name: 'A', value: half, encrypted: true },
      { name: 'B', value: half, encrypted: true },
    ])
    expect(over.sets.encryptedHeaders).toMatch(/3002 bytes/)
    expect(over.sets.headers).toBeUndefined()
  })
})

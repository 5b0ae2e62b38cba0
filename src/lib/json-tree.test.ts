import { describe, expect, it } from 'vitest'
import { isContainer, jsonKeys, jsonKind, jsonScalarText, jsonSlice, jsonSummary, truncateText } from './json-tree'

describe('json tree model', () => {
  it('names the kind of every JSON value', () => {
    expect([{}, [], 'a', 1, true, null].map(jsonKind)).toEqual(['object', 'array', 'string', 'number', 'boolean', 'null'])
    expect(isContainer('object') && isContainer('array') && !isContainer('string')).toBe(true)
  })

  it('slices the children of a large array without touching the rest', () => {
    const big = Array.from({ length: 100_000 }, (_, i) => ({ i }))
    const keys = jsonKeys(big)
    expect(keys).toHaveLength(100_000)
    expect(jsonSlice(big, keys, 99_998, 100_005)).toEqual([
      { key: 99_998, value: { i: 99_998 } },
      { key: 99_999, value: { i: 99_999 } },
    ])
  })

  it('keeps object keys in their order', () => {
    const value = { b: 1, a: 2 }
    expect(jsonSlice(value, jsonKeys(value), 0, 10)).toEqual([
      { key: 'b', value: 1 },
      { key: 'a', value: 2 },
    ])
  })

  it('summarises containers with singular and plural counts', () => {
    expect(jsonSummary('object', 1)).toBe('{ 1 key }')
    expect(jsonSummary('array', 3)).toBe('[ 3 items ]')
  })

  it('writes scalars as JSON, escaping markup-like strings as text', () => {
    expect(jsonScalarText('<script>"x"</script>')).toBe('"<script>\\"x\\"</script>"')
    expect(jsonScalarText(null)).toBe('null')
    expect(jsonScalarText(1.5)).toBe('1.5')
  })

  it('truncates long text and counts what it left out', () => {
    expect(truncateText('abcdef', 4)).toEqual({ text: 'abcd', omitted: 2 })
    expect(truncateText('abc', 4)).toEqual({ text: 'abc', omitted: 0 })
  })
})

import { describe, expect, it } from 'vitest'
import { wildcardMatch } from './wildcard'

describe('wildcardMatch', () => {
  it('is a case-insensitive substring match without stars', () => {
    expect(wildcardMatch('Slack: App events', 'app EV')).toBe(true)
    expect(wildcardMatch('Slack: App events', 'reload')).toBe(false)
    expect(wildcardMatch(undefined, 'a')).toBe(false)
  })

  it('reads * as any run of characters, the parts in order', () => {
    expect(wildcardMatch('Teams: published apps', 'teams*apps')).toBe(true)
    expect(wildcardMatch('Teams: published apps', 'apps*teams')).toBe(false)
    expect(wildcardMatch('aXbXc', '*a*b*c*')).toBe(true)
    expect(wildcardMatch('anything', '***')).toBe(true)
    expect(wildcardMatch('', '*')).toBe(true)
  })

  it('does not let two parts share characters', () => {
    expect(wildcardMatch('abab', 'aba*bab')).toBe(false)
    expect(wildcardMatch('abababab', 'aba*bab')).toBe(true)
  })

  it('treats regular-expression characters as themselves', () => {
    expect(wildcardMatch('price (USD) $5.00', '(usd)*$5.')).toBe(true)
    expect(wildcardMatch('price', 'pr.ce')).toBe(false)
    expect(wildcardMatch('a\\b', 'a\\b')).toBe(true)
  })

  it('answers the shapes that made the regular expression backtrack', () => {
    // Each of these took minutes to forever as `.*` joined into one unanchored regex.
    const name = 'x'.repeat(512)
    for (const pattern of ['*'.repeat(10) + 'zq', '*x'.repeat(200) + 'zq', 'x*'.repeat(1000) + 'y', `${'*'.repeat(2000)}q`]) {
      expect(wildcardMatch(name, pattern)).toBe(false)
    }
    expect(wildcardMatch(name, '*x'.repeat(256))).toBe(true)
  })
})

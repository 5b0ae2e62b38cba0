import { describe, expect, it } from 'vitest'
import { formatRelativeTime, formatUtc } from './relative-time'

const now = Date.parse('2026-10-14T12:00:00.000Z')

describe('formatRelativeTime', () => {
  it('says just now for the last few seconds', () => {
    expect(formatRelativeTime('2026-10-14T11:59:55.000Z', now)).toBe('just now')
  })
  it('picks the largest whole unit', () => {
    expect(formatRelativeTime('2026-10-14T11:59:30.000Z', now)).toBe('30 seconds ago')
    expect(formatRelativeTime('2026-10-14T11:57:00.000Z', now)).toBe('3 minutes ago')
    expect(formatRelativeTime('2026-10-14T09:00:00.000Z', now)).toBe('3 hours ago')
    expect(formatRelativeTime('2026-10-13T12:00:00.000Z', now)).toBe('yesterday')
    expect(formatRelativeTime('2026-10-09T12:00:00.000Z', now)).toBe('5 days ago')
  })
  it('takes up to a minute ahead for now (clock skew)', () => {
    expect(formatRelativeTime('2026-10-14T12:00:45.000Z', now)).toBe('just now')
  })
  it('handles future times and text that is not a date', () => {
    expect(formatRelativeTime('2026-10-14T14:00:00.000Z', now)).toBe('in 2 hours')
    expect(formatRelativeTime('soon', now)).toBe('soon')
  })
})

describe('formatUtc', () => {
  it('writes the exact time in UTC whatever the offset of the input', () => {
    expect(formatUtc('2026-10-14T13:02:07.123+02:00')).toBe('2026-10-14 11:02:07 UTC')
    expect(formatUtc('not a date')).toBe('not a date')
  })
})

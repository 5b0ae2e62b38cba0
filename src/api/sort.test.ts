import { describe, expect, it } from 'vitest'
import { DELIVERY_SORT_FIELDS, WEBHOOK_SORT_FIELDS } from './schemas'
import { formatSort, parseSort } from './sort'

describe('sort grammar', () => {
  it('reads a field with no sign, +, - or the space a decoded + becomes', () => {
    expect(parseSort(WEBHOOK_SORT_FIELDS, 'name')).toEqual({ field: 'name', desc: false })
    expect(parseSort(WEBHOOK_SORT_FIELDS, '+url')).toEqual({ field: 'url', desc: false })
    expect(parseSort(WEBHOOK_SORT_FIELDS, ' createdAt')).toEqual({ field: 'createdAt', desc: false })
    expect(parseSort(DELIVERY_SORT_FIELDS, '-status')).toEqual({ field: 'status', desc: true })
  })

  it('refuses unknown fields, doubled or other signs, padding and the empty string', () => {
    for (const value of ['', 'enabled', '--name', '~name', '+-name', 'name ', '  name', '-']) {
      expect(parseSort(WEBHOOK_SORT_FIELDS, value), value).toBeUndefined()
    }
    expect(parseSort(DELIVERY_SORT_FIELDS, 'name')).toBeUndefined()
  })

  it('writes the direction explicitly, and reads back what it writes', () => {
    expect(formatSort({ field: 'name', desc: false })).toBe('+name')
    expect(formatSort({ field: 'triggeredAt', desc: true })).toBe('-triggeredAt')
    for (const field of WEBHOOK_SORT_FIELDS) {
      for (const desc of [false, true]) expect(parseSort(WEBHOOK_SORT_FIELDS, formatSort({ field, desc }))).toEqual({ field, desc })
    }
  })
})

import { describe, expect, it } from 'vitest'
import type { Delivery } from '../../api'
import { formatUtc } from '../../lib/relative-time'
import {
  describeSearchProgress,
  fromLocalInput,
  matchesSearch,
  matchesView,
  readViewFilters,
  toLocalInput,
  viewRows,
  writeViewFilters,
} from './view-filters'

const NOW = Date.parse('2026-12-01T09:00:00Z')

const delivery: Delivery = {
  id: 'dl-1',
  webhookId: 'wh',
  eventType: 'com.qlik.v1.app.reload.finished',
  status: 'fail',
  triggeredAt: '2026-11-30T10:00:00.000Z',
  statusMessage: 'HTTP 500 Internal Server Error',
  request: {
    url: 'https://hooks.example.com',
    headers: { 'Content-Type': 'application/json', 'X-Team': 'Finance', 'X-Api-Key': '**OMITTED**' },
    body: { data: { name: 'Quarterly Sales', errors: [{ code: 'EDC_ERROR_FIELD_NOT_FOUND' }] } },
  },
}

describe('history view filters', () => {
  it('reads From, To and the search from the URL and writes them back', () => {
    const params = new URLSearchParams('dfrom=2026-11-29T08:30Z&dto=2026-11-30T12:00Z&dq=sales')
    const { filters, errors } = readViewFilters(params, NOW)
    expect(errors).toEqual({})
    expect(filters).toEqual({ from: Date.parse('2026-11-29T08:30:00Z'), to: Date.parse('2026-11-30T12:00:00Z'), search: 'sales' })
    expect(writeViewFilters(filters)).toEqual({ dfrom: '2026-11-29T08:30Z', dto: '2026-11-30T12:00Z', dq: 'sales' })
    expect(writeViewFilters({ from: undefined, search: '' })).toEqual({ dfrom: null, dq: null })
  })

  it('says what is wrong with a date and does not filter by it', () => {
    const read = (query: string) => readViewFilters(new URLSearchParams(query), NOW)
    expect(read('dfrom=yesterday')).toEqual({
      filters: { from: undefined, to: undefined, search: '' },
      errors: { from: 'From is not a date and time.' },
    })
    expect(read('dfrom=2026-11-20T00:00Z').errors.from).toBe('From is more than 7 days ago: the API keeps 7 days of deliveries.')
    const backwards = read('dfrom=2026-11-30T10:00Z&dto=2026-11-30T09:00Z')
    expect(backwards.errors.to).toBe('To is before From.')
    expect(backwards.filters.to).toBeUndefined()
  })

  it('searches the body, the status message and header names and values', () => {
    expect(matchesSearch(delivery, 'quarterly sales')).toBe(true)
    expect(matchesSearch(delivery, 'EDC_ERROR')).toBe(true)
    expect(matchesSearch(delivery, 'internal server')).toBe(true)
    expect(matchesSearch(delivery, 'x-team')).toBe(true)
    expect(matchesSearch(delivery, 'finance')).toBe(true)
    expect(matchesSearch(delivery, 'marketing')).toBe(false)
    expect(matchesSearch(delivery, '  ')).toBe(true)
  })

  it('never matches an encrypted value, only its header name', () => {
    expect(matchesSearch(delivery, 'OMITTED')).toBe(false)
    expect(matchesSearch(delivery, 'x-api-key')).toBe(true)
  })

  it('keeps deliveries between From and To, both included', () => {
    const at = Date.parse(delivery.triggeredAt)
    expect(matchesView(delivery, { from: at, to: at, search: '' })).toBe(true)
    expect(matchesView(delivery, { from: at + 1, to: undefined, search: '' })).toBe(false)
    expect(matchesView(delivery, { from: undefined, to: at - 1, search: '' })).toBe(false)
    expect(matchesView(delivery, { from: at - 1, to: at + 1, search: 'nothing like it' })).toBe(false)
  })

  it('converts datetime-local values both ways', () => {
    const time = new Date(2026, 10, 30, 8, 5).getTime()
    expect(toLocalInput(time)).toBe('2026-11-30T08:05')
    expect(fromLocalInput('2026-11-30T08:05')).toBe(time)
    expect(fromLocalInput('')).toBeUndefined()
  })
})

describe('viewRows', () => {
  const make = (id: string, status: 'success' | 'fail', minutesAgo: number, eventType = 'a'): Delivery => ({
    id,
    webhookId: 'wh',
    eventType,
    status,
    triggeredAt: new Date(NOW - minutesAgo * 60_000).toISOString(),
  })
  const all = [make('1', 'success', 1), make('2', 'fail', 2, 'b'), make('3', 'fail', 3), make('4', 'success', 4, 'b')]
  const none = { from: undefined, to: undefined, search: '' }

  it('filters and sorts as the API does', () => {
    const ids = (rows: Delivery[]) => rows.map((d) => d.id)
    expect(ids(viewRows(all, { status: undefined, eventType: undefined, sort: '-triggeredAt' }, none))).toEqual(['1', '2', '3', '4'])
    expect(ids(viewRows(all, { status: undefined, eventType: undefined, sort: '+triggeredAt' }, none))).toEqual(['4', '3', '2', '1'])
    expect(ids(viewRows(all, { status: undefined, eventType: undefined, sort: '+status' }, none))).toEqual(['2', '3', '1', '4'])
    expect(ids(viewRows(all, { status: undefined, eventType: undefined, sort: '-status' }, none))).toEqual(['1', '4', '2', '3'])
    expect(ids(viewRows(all, { status: 'fail', eventType: 'b', sort: '-triggeredAt' }, none))).toEqual(['2'])
    expect(
      ids(viewRows(all, { status: undefined, eventType: undefined, sort: '-triggeredAt' }, { ...none, from: NOW - 3.5 * 60_000 })),
    ).toEqual(['1', '2', '3'])
  })
})

describe('describeSearchProgress', () => {
  const read = (n: number) => Array.from({ length: n }, (_, i) => ({ triggeredAt: new Date(NOW - (i + 1) * 3_600_000).toISOString() }))

  it('says how many and how far back while pages are still read, with no total the API does not give', () => {
    const text = describeSearchProgress({ read: read(200), complete: false, pastFrom: false, from: undefined, matches: 3 })
    expect(text).toBe(`Searched 200 deliveries so far, back to ${formatUtc(read(200)[199]!.triggeredAt)}; loading more…`)
    expect(text).not.toMatch(/of 200/)
    expect(describeSearchProgress({ read: [], complete: false, pastFrom: false, from: undefined, matches: 0 })).toBe('Reading deliveries…')
  })

  it('says plainly that every delivery was searched once the 7 days are read', () => {
    expect(describeSearchProgress({ read: read(1234), complete: true, pastFrom: false, from: undefined, matches: 3 })).toBe(
      'Searched all 1,234 deliveries of the last 7 days: 3 match.',
    )
    expect(describeSearchProgress({ read: read(1), complete: true, pastFrom: false, from: undefined, matches: 1 })).toBe(
      'Searched the one delivery of the last 7 days: 1 matches.',
    )
    expect(describeSearchProgress({ read: [], complete: true, pastFrom: false, from: undefined, matches: 0 })).toBe(
      'No deliveries in the last 7 days to search.',
    )
  })

  it('counts the deliveries since From once the pages read have gone past it', () => {
    const from = NOW - 10.5 * 3_600_000
    expect(describeSearchProgress({ read: read(12), complete: false, pastFrom: true, from, matches: 4 })).toBe(
      `Searched all 10 deliveries since ${formatUtc(new Date(from).toISOString())}: 4 match.`,
    )
  })
})

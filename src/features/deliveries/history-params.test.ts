import { describe, expect, it } from 'vitest'
import { readHistoryFilters, toDeliveriesParams, writeHistoryFilters } from './history-params'

const read = (search: string) => readHistoryFilters(new URLSearchParams(search))

describe('delivery history URL parameters', () => {
  it('reads the defaults from an empty query', () => {
    expect(read('')).toEqual({ status: undefined, eventType: undefined, sort: '-triggeredAt' })
  })

  it('reads status, event type and sort', () => {
    expect(read('dstatus=fail&devent=com.qlik.v1.app.created&dsort=-status')).toEqual({
      status: 'fail',
      eventType: 'com.qlik.v1.app.created',
      sort: '-status',
    })
  })

  it('drops values the API would refuse', () => {
    expect(read('dstatus=broken&dsort=name&devent=%20')).toEqual({ status: undefined, eventType: undefined, sort: '-triggeredAt' })
  })

  it('reads an ascending sort whether its + was encoded or not', () => {
    expect(read('dsort=%2Bstatus').sort).toBe('+status')
    expect(read('dsort=+status').sort).toBe('+status')
    expect(read('dsort=+triggeredAt').sort).toBe('+triggeredAt')
    expect(read('dsort=triggeredAt').sort).toBe('+triggeredAt')
  })

  it('writes defaults as absent parameters and round-trips the rest', () => {
    expect(writeHistoryFilters({ status: undefined, eventType: undefined, sort: '-triggeredAt' })).toEqual({
      dstatus: null,
      devent: null,
      dsort: null,
    })
    const filters = { status: 'success', eventType: 'com.qlik.v1.user.created', sort: '+triggeredAt' } as const
    const written = writeHistoryFilters(filters)
    expect(read(new URLSearchParams(written as Record<string, string>).toString())).toEqual(filters)
  })

  it('builds the API query with the singular eventType and a page size', () => {
    expect(toDeliveriesParams({ status: 'fail', eventType: 'x', sort: '+status' })).toEqual({
      status: 'fail',
      eventType: 'x',
      sort: '+status',
      limit: 50,
    })
    expect(toDeliveriesParams({ status: undefined, eventType: undefined, sort: '-triggeredAt' })).toEqual({
      sort: '-triggeredAt',
      limit: 50,
    })
  })
})

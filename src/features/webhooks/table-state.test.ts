import { describe, expect, it } from 'vitest'
import { applySearchUpdate } from '../../lib/url-state'
import {
  isSortColumn,
  nextSort,
  clearFiltersUpdate,
  filterUpdate,
  hasFilters,
  pageSizeUpdate,
  pageUpdate,
  parseTableState,
  sortUpdate,
  toGetWebhooksParams,
  type Sort,
} from './table-state'

/** The API's default, newest first. */
const NEWEST_FIRST: Sort = { field: 'createdAt', desc: true }
const parse = (search: string) => parseTableState(new URLSearchParams(search))
/** Applies an update the way the page does, and reads the state back. */
const after = (search: string, update: Parameters<typeof applySearchUpdate>[1]) => applySearchUpdate(search, update)

describe('URL -> table state', () => {
  it('gives the defaults for an empty query string: newest first, 20 rows, no filters, first page', () => {
    expect(parse('')).toEqual({
      sort: { field: 'createdAt', desc: true },
      name: '',
      url: '',
      status: undefined,
      events: [],
      level: undefined,
      origins: [],
      limit: 20,
      next: undefined,
      prev: undefined,
    })
  })

  it('reads every parameter of the registry', () => {
    const state = parse(
      'sort=%2Bname&name=slack&url=acme&status=disabled&events=com.qlik.v1.app.created,com.qlik.v1.app.published&level=user&origin=api,automations&limit=50&next=abc',
    )
    expect(state).toEqual({
      sort: { field: 'name', desc: false },
      name: 'slack',
      url: 'acme',
      status: 'disabled',
      events: ['com.qlik.v1.app.created', 'com.qlik.v1.app.published'],
      level: 'user',
      origins: ['api', 'automations'],
      limit: 50,
      next: 'abc',
      prev: undefined,
    })
  })

  it('falls back to defaults for values a hand-edited link may carry', () => {
    const state = parse('sort=-owner&status=maybe&level=space&origin=api,elsewhere,api&limit=7')
    expect(state.sort).toEqual(NEWEST_FIRST)
    expect(state.status).toBeUndefined()
    expect(state.level).toBeUndefined()
    expect(state.origins).toEqual(['api'])
    expect(state.limit).toBe(20)
  })

  it('keeps only one cursor, preferring next', () => {
    expect(parse('next=n1&prev=p1')).toMatchObject({ next: 'n1', prev: undefined })
    expect(parse('prev=p1')).toMatchObject({ next: undefined, prev: 'p1' })
  })

  it('reads a sort with or without a sign', () => {
    expect(parse('sort=url').sort).toEqual({ field: 'url', desc: false })
    expect(parse('sort=%2BupdatedAt').sort).toEqual({ field: 'updatedAt', desc: false })
    expect(parse('sort=-name').sort).toEqual({ field: 'name', desc: true })
    expect(parse('sort=').sort).toEqual(NEWEST_FIRST)
    expect(parse('sort=--name').sort).toEqual(NEWEST_FIRST)
  })

  it('reads a hand-typed ?sort=+name, whose + arrives decoded as a space, as ascending', () => {
    expect(new URLSearchParams('sort=+name').get('sort')).toBe(' name')
    expect(parse('sort=+name').sort).toEqual({ field: 'name', desc: false })
    expect(toGetWebhooksParams(parse('sort=+name')).sort).toBe('+name')
  })
})

describe('table state -> API query', () => {
  it('sends the default sort and page size explicitly and nothing else', () => {
    expect(toGetWebhooksParams(parse(''))).toEqual({ limit: 20, sort: '-createdAt' })
  })

  it('maps each filter to the API parameter of the same meaning', () => {
    const params = toGetWebhooksParams(
      parse(
        'name=%20Slack%20&url=hooks&status=enabled&events=b.event,a.event&level=tenant&origin=management-console,api&limit=100&sort=url',
      ),
    )
    expect(params).toEqual({
      limit: 100,
      sort: '+url',
      name: 'Slack',
      url: 'hooks',
      enabled: true,
      // Sorted so that the same selection in another order shares a cache entry.
      eventTypes: ['a.event', 'b.event'],
      level: 'tenant',
      origins: ['api', 'management-console'],
    })
  })

  it('maps Disabled to enabled=false', () => {
    expect(toGetWebhooksParams(parse('status=disabled')).enabled).toBe(false)
  })

  it('does not send text filters that are only spaces', () => {
    const params = toGetWebhooksParams(parse('name=%20%20&url='))
    expect(params).not.toHaveProperty('name')
    expect(params).not.toHaveProperty('url')
  })

  it('passes the page cursor', () => {
    expect(toGetWebhooksParams(parse('next=c1'))).toMatchObject({ next: 'c1' })
    expect(toGetWebhooksParams(parse('prev=c0'))).toMatchObject({ prev: 'c0' })
  })
})

describe('table changes -> URL', () => {
  it('writes a sort and leaves the default out of the URL', () => {
    expect(after('', sortUpdate({ field: 'name', desc: false }))).toBe('?sort=%2Bname')
    expect(after('?sort=%2Bname', sortUpdate({ field: 'createdAt', desc: true }))).toBe('')
  })

  it('goes back to the first page when the sort, a filter or the page size changes', () => {
    const onPage2 = '?next=c20&name=a'
    expect(after(onPage2, sortUpdate({ field: 'url', desc: true }))).toBe('?name=a&sort=-url')
    expect(after(onPage2, filterUpdate({ name: 'ab' }))).toBe('?name=ab')
    expect(after('?prev=c20', filterUpdate({ status: 'enabled' }))).toBe('?status=enabled')
    expect(after(onPage2, pageSizeUpdate(50))).toBe('?name=a&limit=50')
    expect(after('?limit=50', pageSizeUpdate(20))).toBe('')
  })

  it('writes lists as comma lists and removes emptied filters', () => {
    const search = after('', filterUpdate({ events: ['x.created', 'x.deleted'], origins: ['api'] }))
    expect(search).toBe('?events=x.created%2Cx.deleted&origin=api')
    expect(parse(search)).toMatchObject({ events: ['x.created', 'x.deleted'], origins: ['api'] })
    expect(after(search, filterUpdate({ events: [] }))).toBe('?origin=api')
  })

  it('clears every filter but keeps sort and page size', () => {
    const search = '?sort=name&name=a&url=b&status=enabled&events=e&level=user&origin=api&limit=50&next=c'
    expect(after(search, clearFiltersUpdate())).toBe('?sort=name&limit=50')
  })

  it('keeps only the cursor of an API page link', () => {
    const href = 'https://tenant.example.com/api/v1/webhooks?limit=20&sort=-createdAt&next=Y3Vyc29y'
    expect(pageUpdate('next', href)).toEqual({ next: 'Y3Vyc29y', prev: null })
    expect(after('?next=old', pageUpdate('prev', 'https://t.example.com/api/v1/webhooks?prev=p0')!)).toBe('?prev=p0')
    expect(pageUpdate('next', 'https://t.example.com/api/v1/webhooks?limit=20')).toBeUndefined()
  })

  it('round-trips: a state written to the URL reads back the same', () => {
    let search = ''
    search = after(search, sortUpdate({ field: 'updatedAt', desc: false }))
    search = after(search, filterUpdate({ name: 'sync', level: 'tenant', origins: ['automations'] }))
    search = after(search, pageSizeUpdate(100))
    search = after(search, pageUpdate('next', 'https://t.example.com/x?next=n2')!)
    expect(parse(search)).toEqual({
      sort: { field: 'updatedAt', desc: false },
      name: 'sync',
      url: '',
      status: undefined,
      events: [],
      level: 'tenant',
      origins: ['automations'],
      limit: 100,
      next: 'n2',
      prev: undefined,
    })
  })
})

describe('a click on a sortable header', () => {
  it('turns the order of the sorted column round, and never turns the sort off', () => {
    expect(nextSort({ field: 'name', desc: false }, 'name')).toEqual({ field: 'name', desc: true })
    expect(nextSort({ field: 'name', desc: true }, 'name')).toEqual({ field: 'name', desc: false })
    expect(nextSort(NEWEST_FIRST, 'createdAt')).toEqual({ field: 'createdAt', desc: false })
  })

  it('sorts a new column from A for names and URLs, newest first for dates', () => {
    expect(nextSort(NEWEST_FIRST, 'name')).toEqual({ field: 'name', desc: false })
    expect(nextSort(NEWEST_FIRST, 'url')).toEqual({ field: 'url', desc: false })
    expect(nextSort({ field: 'name', desc: false }, 'updatedAt')).toEqual({ field: 'updatedAt', desc: true })
  })

  it('is offered on the columns the API sorts by, and no other', () => {
    expect(
      ['name', 'url', 'eventTypes', 'level', 'origin', 'enabled', 'ownerId', 'createdAt', 'updatedAt', 'health', 'actions'].filter(
        isSortColumn,
      ),
    ).toEqual(['name', 'url', 'createdAt', 'updatedAt'])
  })
})

describe('hasFilters', () => {
  it('is true with any filter and false with only sort, size or page', () => {
    expect(hasFilters(parse('sort=name&limit=50&next=c'))).toBe(false)
    expect(hasFilters(parse('name=%20'))).toBe(false)
    expect(hasFilters(parse('origin=api'))).toBe(true)
    expect(hasFilters(parse('status=disabled'))).toBe(true)
  })
})

import { describe, expect, it, vi } from 'vitest'
import { followPages, type PagedList } from './pages'

const page = (data: number[], next?: string): PagedList<number> => ({ data, links: next ? { next: { href: next } } : {} })

describe('followPages', () => {
  it('reads every page to the last one', async () => {
    const pages: Record<string, PagedList<number>> = { '/l?next=b': page([3, 4], '/l?next=c'), '/l?next=c': page([5]) }
    const fetchNext = vi.fn((href: string) => Promise.resolve(pages[href]!))
    const result = await followPages(page([1, 2], '/l?next=b'), fetchNext, { maxPages: 10 })
    expect(result).toEqual({ items: [1, 2, 3, 4, 5], pages: 3, end: 'last-page', complete: true })
    expect(fetchNext.mock.calls.map(([href]) => href)).toEqual(['/l?next=b', '/l?next=c'])
  })

  it('stops when a cursor comes back, and says the count is a lower bound', async () => {
    // b -> c -> b -> ...: a server whose cursors cycle.
    const fetchNext = vi.fn((href: string) => Promise.resolve(href.endsWith('b') ? page([2], '/l?next=c') : page([3], '/l?limit=5&next=b')))
    const result = await followPages(page([1], '/l?next=b'), fetchNext, { maxPages: 1000 })
    expect(result).toEqual({ items: [1, 2, 3], pages: 3, end: 'repeated-cursor', complete: false })
    expect(fetchNext).toHaveBeenCalledTimes(2)
  })

  it('stops at the page limit when every cursor is new', async () => {
    let n = 0
    const fetchNext = vi.fn(() => Promise.resolve(page([++n], `/l?next=${n}`)))
    const result = await followPages(page([0], '/l?next=0'), fetchNext, { maxPages: 4 })
    expect(result).toEqual({ items: [0, 1, 2, 3], pages: 4, end: 'page-limit', complete: false })
    expect(fetchNext).toHaveBeenCalledTimes(3)
  })

  it('reads one page when the first has no next link, with or without links', async () => {
    const fetchNext = vi.fn()
    expect(await followPages({ data: [7] }, fetchNext, { maxPages: 1 })).toMatchObject({ items: [7], complete: true })
    expect(fetchNext).not.toHaveBeenCalled()
  })

  it('stops once until() has enough, without reading further', async () => {
    const fetchNext = vi.fn(() => Promise.resolve(page([9], '/l?next=z')))
    const result = await followPages(page([1, 2], '/l?next=y'), fetchNext, { maxPages: 10, until: (items) => items.includes(2) })
    expect(result).toMatchObject({ items: [1, 2], pages: 1, end: 'enough', complete: false })
    expect(fetchNext).not.toHaveBeenCalled()
  })

  it('passes a failed page on as the error it is', async () => {
    const result = followPages(page([1], '/l?next=b'), () => Promise.reject(new Error('offline')), { maxPages: 5 })
    await expect(result).rejects.toThrow('offline')
  })
})

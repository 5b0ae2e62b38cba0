import { describe, expect, it } from 'vitest'
import type { Delivery, DeliveryList } from '../../api'
import { EMPTY_INDEX, loadDeliveryIndex, mergeIndex, type DeliveryIndex, type PageReader } from './delivery-index'

const NOW = Date.parse('2026-12-01T09:00:00Z')
const MINUTE = 60_000

/** `n` deliveries one minute apart, the newest `offset` minutes ago. */
function deliveries(n: number, offset = 0, prefix = 'dl'): Delivery[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${String(n - i).padStart(5, '0')}`,
    webhookId: 'wh',
    eventType: 'com.qlik.v1.app.created',
    status: i % 7 === 0 ? 'fail' : 'success',
    triggeredAt: new Date(NOW - (offset + i) * MINUTE).toISOString(),
  }))
}

/** A fake API over `all` (newest first), `size` a page, counting the requests. */
function api(all: () => Delivery[], size = 100) {
  const requests: string[] = []
  const page = (start: number): DeliveryList => {
    const list = all()
    const next = start + size < list.length ? `https://t.example.com/deliveries?next=${start + size}` : undefined
    return {
      data: list.slice(start, start + size),
      unreadable: [],
      links: { self: { href: 'self' }, ...(next ? { next: { href: next } } : {}) },
    }
  }
  const reader: PageReader = {
    first: async () => {
      requests.push('first')
      return page(0)
    },
    follow: async (href) => {
      requests.push(href)
      return page(Number(new URL(href).searchParams.get('next')))
    },
  }
  return { reader, requests }
}

async function load(previous: DeliveryIndex | undefined, reader: PageReader, maxPages?: number) {
  let index = previous ?? EMPTY_INDEX
  await loadDeliveryIndex(previous, reader, (chunk) => (index = mergeIndex(index, chunk, NOW)), maxPages)
  return index
}

describe('delivery index', () => {
  it('reads every page, newest first, and knows when it has all of them', async () => {
    const all = deliveries(1000)
    const { reader, requests } = api(() => all)
    const index = await load(undefined, reader)
    expect(requests).toHaveLength(10)
    expect(index.complete).toBe(true)
    expect(index.deliveries.map((d) => d.id)).toEqual(all.map((d) => d.id))
  })

  it('hands over each page as it arrives, before the last one is read', async () => {
    const all = deliveries(300)
    const { reader } = api(() => all)
    const seen: number[] = []
    let index = EMPTY_INDEX
    await loadDeliveryIndex(undefined, reader, (chunk) => {
      index = mergeIndex(index, chunk, NOW)
      seen.push(index.deliveries.length)
    })
    expect(seen).toEqual([100, 200, 300, 300])
    expect(index.complete).toBe(true)
  })

  it('refreshes with only the pages newer than what it knows', async () => {
    let all = deliveries(1000, 10)
    const { reader, requests } = api(() => all)
    const first = await load(undefined, reader)
    all = [...deliveries(150, 0, 'new'), ...all]
    requests.length = 0
    const refreshed = await load(first, reader)
    // 150 new ones: the first page is all new, the second reaches known ones.
    expect(requests).toEqual(['first', 'https://t.example.com/deliveries?next=100'])
    expect(refreshed.complete).toBe(true)
    expect(refreshed.deliveries).toHaveLength(1150)
    expect(refreshed.deliveries[0]!.id).toBe('new-00150')
  })

  it('costs one request to refresh when nothing is new', async () => {
    const all = deliveries(500)
    const { reader, requests } = api(() => all)
    const first = await load(undefined, reader)
    requests.length = 0
    const again = await load(first, reader)
    expect(requests).toEqual(['first'])
    expect(again.deliveries).toHaveLength(500)
  })

  it('stops at the page limit and goes on from there next time', async () => {
    const all = deliveries(1000)
    const { reader, requests } = api(() => all)
    const part = await load(undefined, reader, 4)
    expect(requests).toHaveLength(4)
    expect(part).toMatchObject({ complete: false, resumeHref: 'https://t.example.com/deliveries?next=400' })
    expect(part.deliveries).toHaveLength(400)
    requests.length = 0
    const rest = await load(part, reader)
    expect(requests.slice(0, 2)).toEqual(['first', 'https://t.example.com/deliveries?next=400'])
    expect(requests).toHaveLength(7)
    expect(rest.complete).toBe(true)
    expect(rest.deliveries).toHaveLength(1000)
  })

  it('ends a list whose next cursor repeats instead of looping for ever', async () => {
    const all = deliveries(50)
    const requests: string[] = []
    const looping: PageReader = {
      first: async () => ({
        data: all,
        unreadable: [],
        links: { self: { href: 's' }, next: { href: 'https://t.example.com/d?next=same' } },
      }),
      follow: async (href) => {
        requests.push(href)
        return { data: all, unreadable: [], links: { self: { href: 's' }, next: { href } } }
      },
    }
    const index = await load(undefined, looping)
    expect(requests).toEqual(['https://t.example.com/d?next=same'])
    expect(index).toMatchObject({ complete: true })
    expect(index.deliveries).toHaveLength(50)
  })

  it('orders times as instants, whatever their precision', () => {
    const [a, b] = deliveries(2)
    const whole = { ...a!, id: 'whole', triggeredAt: '2026-12-01T08:00:00Z' }
    const later = { ...b!, id: 'later', triggeredAt: '2026-12-01T08:00:00.500Z' }
    // As strings, "…00Z" sorts after "…00.500Z"; as instants it is half a second earlier.
    expect(mergeIndex(EMPTY_INDEX, { deliveries: [whole, later] }, NOW).deliveries.map((d) => d.id)).toEqual(['later', 'whole'])
    expect(mergeIndex({ deliveries: [whole], complete: false }, { deliveries: [later] }, NOW).deliveries.map((d) => d.id)).toEqual([
      'later',
      'whole',
    ])
  })

  it('gives the same index page by page as merging everything at once, in any order of chunks', () => {
    const all = deliveries(250)
    const reference = (chunks: Delivery[][]) => {
      const byId = new Map(chunks.flat().map((d) => [d.id, d]))
      return [...byId.values()].sort((x, y) => Date.parse(y.triggeredAt) - Date.parse(x.triggeredAt)).map((d) => d.id)
    }
    const orders: Delivery[][][] = [
      // Pages in order: each appended.
      [all.slice(0, 100), all.slice(100, 200), all.slice(200)],
      // A refresh: newer deliveries after older ones, one of them already known.
      [all.slice(100, 200), all.slice(0, 101), all.slice(200)],
      // A page out of order inside, and a repeat.
      [[all[5]!, all[3]!, all[4]!], all.slice(0, 10), all.slice(0, 10)],
    ]
    for (const chunks of orders) {
      let index: DeliveryIndex = EMPTY_INDEX
      for (const chunk of chunks) index = mergeIndex(index, { deliveries: chunk }, NOW)
      expect(index.deliveries.map((d) => d.id)).toEqual(reference(chunks))
    }
  })

  it('keeps one record per delivery, drops what is older than 7 days, and stays newest first', () => {
    const recent = deliveries(3)
    const old = { ...recent[0]!, id: 'old', triggeredAt: new Date(NOW - 7 * 24 * 60 * MINUTE - 1).toISOString() }
    const merged = mergeIndex({ deliveries: [recent[2]!, old], complete: true }, { deliveries: [recent[1]!, recent[0]!, recent[2]!] }, NOW)
    expect(merged.deliveries.map((d) => d.id)).toEqual(recent.map((d) => d.id))
    expect(merged.complete).toBe(true)
  })
})

import type { Delivery, DeliveryList } from '../../api'
import { RETENTION_MS } from './health'

// Every delivery of one webhook in the 7 days the API keeps, read in the
// background a page at a time (newest first) and kept per webhook. Health,
// "Select all failed", From/To and "Search payloads" read from it. A refresh
// reads only what is newer than the newest delivery known: from the first
// page on, until a page holds a delivery already known.

/** The most deliveries the API gives in one page. */
export const INDEX_PAGE_SIZE = 100
/** Pages read in one go; a webhook with more keeps the rest for the next run. */
export const MAX_INDEX_PAGES = 200

export type DeliveryIndex = {
  /** Newest first. */
  deliveries: Delivery[]
  /** Every page down to the oldest delivery kept has been read. */
  complete: boolean
  /** The next older page still to read, when not complete. */
  resumeHref?: string
}

export type IndexChunk = {
  deliveries: Delivery[]
  complete?: boolean
  /** Undefined: unchanged; null: none left. */
  resumeHref?: string | null
}

export type PageReader = {
  /** The newest page, `limit=100`, newest first. */
  first: () => Promise<DeliveryList>
  /** A `links.next.href` of the API. */
  follow: (href: string) => Promise<DeliveryList>
}

export const EMPTY_INDEX: DeliveryIndex = { deliveries: [], complete: false }

/** Reads the pages a refresh needs, as chunks for mergeIndex. */
export async function* readDeliveryIndex(
  previous: DeliveryIndex | undefined,
  reader: PageReader,
  maxPages = MAX_INDEX_PAGES,
): AsyncGenerator<IndexChunk> {
  const known = new Set(previous?.deliveries.map((d) => d.id))
  const cursors = new Set<string>()
  let pages = 0
  const hasNewCursor = (href: string | undefined): href is string => {
    // A cursor seen before would loop for ever: the list ends there.
    if (!href || cursors.has(href)) return false
    cursors.add(href)
    return true
  }

  /** Older pages from `page` on, to the end of the list (or the page limit). */
  async function* toTheEnd(page: DeliveryList): AsyncGenerator<IndexChunk> {
    for (;;) {
      pages += 1
      const next = page.links.next?.href
      if (!hasNewCursor(next)) {
        yield { deliveries: page.data, complete: true, resumeHref: null }
        return
      }
      if (pages >= maxPages) {
        yield { deliveries: page.data, resumeHref: next }
        return
      }
      yield { deliveries: page.data, resumeHref: next }
      page = await reader.follow(next)
    }
  }

  if (!previous || previous.deliveries.length === 0) {
    yield* toTheEnd(await reader.first())
    return
  }

  // Newer than what is known: pages until one holds a known delivery.
  let page = await reader.first()
  for (;;) {
    pages += 1
    yield { deliveries: page.data }
    const next = page.links.next?.href
    if (page.data.some((d) => known.has(d.id)) || !hasNewCursor(next) || pages >= maxPages) break
    page = await reader.follow(next)
  }

  // Then what an earlier run left unread.
  if (!previous.complete && previous.resumeHref && pages < maxPages) {
    const resume = previous.resumeHref
    if (hasNewCursor(resume)) yield* toTheEnd(await reader.follow(resume))
  }
}

const newestFirst = (a: Delivery, b: Delivery) => b.triggeredAt.localeCompare(a.triggeredAt) || b.id.localeCompare(a.id)

/** Adds a chunk to an index: one record per id, newest first, nothing older than the 7 days kept. */
export function mergeIndex(index: DeliveryIndex, chunk: IndexChunk, now: number): DeliveryIndex {
  const byId = new Map(index.deliveries.map((d) => [d.id, d]))
  for (const delivery of chunk.deliveries) byId.set(delivery.id, delivery)
  const oldest = now - RETENTION_MS
  const deliveries = [...byId.values()].filter((d) => Date.parse(d.triggeredAt) > oldest).sort(newestFirst)
  const resumeHref = chunk.resumeHref === undefined ? index.resumeHref : (chunk.resumeHref ?? undefined)
  const complete = chunk.complete ?? index.complete
  return complete || !resumeHref ? { deliveries, complete } : { deliveries, complete, resumeHref }
}

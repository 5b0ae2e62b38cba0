import { followPages, type Delivery, type DeliveryList } from '../../api'
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

/**
 * Reads the pages a refresh needs and hands each to `onChunk` (for
 * mergeIndex) as it arrives, so that what is known shows while the rest loads.
 */
export async function loadDeliveryIndex(
  previous: DeliveryIndex | undefined,
  reader: PageReader,
  onChunk: (chunk: IndexChunk) => void,
  maxPages = MAX_INDEX_PAGES,
): Promise<void> {
  let pagesLeft = maxPages

  /** From `first` down to the oldest page (or the page limit), each chunk saying where to go on from. */
  async function toTheEnd(first: DeliveryList) {
    onChunk({ deliveries: first.data, resumeHref: first.links.next?.href ?? null })
    let last = first
    const walk = await followPages<Delivery, DeliveryList>(
      first,
      async (href) => {
        last = await reader.follow(href)
        onChunk({ deliveries: last.data, resumeHref: last.links.next?.href ?? null })
        return last
      },
      { maxPages: pagesLeft },
    )
    pagesLeft -= walk.pages
    // A cursor that repeats ends the list: there is nothing further to resume.
    if (walk.end === 'page-limit') onChunk({ deliveries: [], complete: false, resumeHref: last.links.next?.href ?? null })
    else onChunk({ deliveries: [], complete: true, resumeHref: null })
  }

  if (!previous || previous.deliveries.length === 0) return toTheEnd(await reader.first())

  // Newer than what is known: pages until one holds a known delivery.
  const known = new Set(previous.deliveries.map((d) => d.id))
  const first = await reader.first()
  onChunk({ deliveries: first.data })
  const newer = await followPages<Delivery, DeliveryList>(
    first,
    async (href) => {
      const page = await reader.follow(href)
      onChunk({ deliveries: page.data })
      return page
    },
    { maxPages: pagesLeft, until: (items) => items.some((d) => known.has(d.id)) },
  )
  pagesLeft -= newer.pages

  // Then what an earlier run left unread.
  if (!previous.complete && previous.resumeHref && pagesLeft > 0) await toTheEnd(await reader.follow(previous.resumeHref))
}

// Each delivery's time, parsed once: an index is merged again on every page.
const times = new WeakMap<Delivery, number>()
function timeOf(delivery: Delivery): number {
  let time = times.get(delivery)
  if (time === undefined) times.set(delivery, (time = Date.parse(delivery.triggeredAt)))
  return time
}

/** Newest first; the same time, the greater id first. Times compare as instants, whatever their precision. */
const newestFirst = (a: Delivery, b: Delivery) => timeOf(b) - timeOf(a) || (a.id === b.id ? 0 : a.id < b.id ? 1 : -1)

/** Whether `older`, in order, all comes after the last of `known`: a next page, the usual chunk. */
function followsInOrder(known: readonly Delivery[], older: readonly Delivery[]): boolean {
  let previous = known.at(-1)
  for (const delivery of older) {
    if (previous && newestFirst(previous, delivery) >= 0) return false
    previous = delivery
  }
  return true
}

/**
 * Adds a chunk to an index: one record per id, newest first, nothing older
 * than the 7 days kept. A next page is appended (linear); anything else, such
 * as a refresh's newer deliveries, is merged by id and sorted.
 */
export function mergeIndex(index: DeliveryIndex, chunk: IndexChunk, now: number): DeliveryIndex {
  const oldest = now - RETENTION_MS
  const kept = (d: Delivery) => timeOf(d) > oldest
  let deliveries: Delivery[]
  if (followsInOrder(index.deliveries, chunk.deliveries)) {
    deliveries = index.deliveries.concat(chunk.deliveries).filter(kept)
  } else {
    const byId = new Map(index.deliveries.map((d) => [d.id, d]))
    for (const delivery of chunk.deliveries) byId.set(delivery.id, delivery)
    deliveries = [...byId.values()].filter(kept).sort(newestFirst)
  }
  const resumeHref = chunk.resumeHref === undefined ? index.resumeHref : (chunk.resumeHref ?? undefined)
  const complete = chunk.complete ?? index.complete
  return complete || !resumeHref ? { deliveries, complete } : { deliveries, complete, resumeHref }
}

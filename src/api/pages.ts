/** Any list the API pages with cursors: webhooks, deliveries. */
export type PagedList<T> = { data: T[]; links?: { next?: { href: string } } }

/** Why a walk along `links.next` ended: the last page, the page limit, a cursor seen before, or `until` said enough. */
export type PagesEnd = 'last-page' | 'page-limit' | 'repeated-cursor' | 'enough'

export type FollowedPages<T> = {
  items: T[]
  /** Pages read, the first one included. */
  pages: number
  end: PagesEnd
  /** False when the walk stopped before the last page: `items` is then a lower bound ("at least N"); `end` says why. */
  complete: boolean
}

export type FollowPagesOptions<T> = {
  /** The most pages read, the first one included. */
  maxPages: number
  /** Stop early once the items read so far are enough (a search that found its row). */
  until?: (items: readonly T[]) => boolean
}

/**
 * Pages a console walk follows at most. The tenant quota (100 webhooks) fits
 * in one page at the largest page size; the bound is for a server whose
 * cursors never end, never a limit a real list reaches.
 */
export const MAX_PAGES_FOLLOWED = 20

// A cursor is the `next` parameter; the rest of the href (limit, sort) may be
// rewritten by a proxy without the cursor changing.
function cursorOf(href: string): string {
  try {
    return new URL(href, 'http://cursor.invalid').searchParams.get('next') ?? href
  } catch {
    return href
  }
}

/**
 * Follows `links.next` from `first` until the last page, `maxPages` pages,
 * or a cursor that repeats (a server that cycles would otherwise be followed
 * forever). Every loop over cursors goes through here.
 */
export async function followPages<T, P extends PagedList<T> = PagedList<T>>(
  first: P,
  fetchNext: (href: string) => Promise<P>,
  { maxPages, until }: FollowPagesOptions<T>,
): Promise<FollowedPages<T>> {
  const items: T[] = [...first.data]
  const seen = new Set<string>()
  let page: P = first
  let pages = 1
  for (;;) {
    const href = page.links?.next?.href
    if (!href) return { items, pages, end: 'last-page', complete: true }
    if (until?.(items)) return { items, pages, end: 'enough', complete: false }
    const cursor = cursorOf(href)
    if (seen.has(cursor)) return { items, pages, end: 'repeated-cursor', complete: false }
    if (pages >= maxPages) return { items, pages, end: 'page-limit', complete: false }
    seen.add(cursor)
    page = await fetchNext(href)
    pages += 1
    items.push(...page.data)
  }
}

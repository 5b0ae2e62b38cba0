import {
  formatSort,
  LEVELS,
  ORIGINS,
  parseSort,
  WEBHOOK_SORT_FIELDS,
  type GetWebhooksParams,
  type Level,
  type Origin,
  type WebhookSort,
  type WebhookSortField,
} from '../../api'
import type { SearchUpdate } from '../../lib/url-state'

// The table's whole view lives in the query string (sort, filters, page),
// so that a reload or a shared link shows the same rows and Back steps
// through earlier views. This module is the one mapping between the URL,
// the table's state and the API's query; it knows nothing of React.

export type Sort = WebhookSort
/** `failing`: a failure in the last 24 hours or a run of failures, known from the deliveries (the app passes that in). */
export type StatusFilter = 'enabled' | 'disabled' | 'failing'

export const PAGE_SIZES = [20, 50, 100] as const
export type PageSize = (typeof PAGE_SIZES)[number]

export type TableState = {
  sort: Sort
  name: string
  url: string
  status: StatusFilter | undefined
  events: string[]
  level: Level | undefined
  origins: Origin[]
  limit: PageSize
  next: string | undefined
  prev: string | undefined
}

export type FilterState = Pick<TableState, 'name' | 'url' | 'status' | 'events' | 'level' | 'origins'>

/** The API's own default: newest first. */
const DEFAULT_SORT: Sort = { field: 'createdAt', desc: true }
export const DEFAULT_PAGE_SIZE: PageSize = 20

const FILTER_PARAMS = { name: 'name', url: 'url', status: 'status', events: 'events', level: 'level', origins: 'origin' } as const

/** The columns whose header sorts: those the API sorts by. */
export const isSortColumn = (id: string): id is WebhookSortField => WEBHOOK_SORT_FIELDS.includes(id as WebhookSortField)

/** Dates sort newest first on their first click; names and URLs from A. */
const DESC_FIRST: ReadonlySet<WebhookSortField> = new Set(['createdAt', 'updatedAt'])

/**
 * The sort after a click on a column's header: the other order of the same
 * column, or the new column in its first order. The API always sorts by
 * something, so a click never turns the sort off.
 */
export function nextSort(sort: Sort, field: WebhookSortField): Sort {
  return sort.field === field ? { field, desc: !sort.desc } : { field, desc: DESC_FIRST.has(field) }
}

function splitList<T extends string>(value: string | null, allowed?: readonly T[]): T[] {
  const items = (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean) as T[]
  const known = allowed ? items.filter((item) => allowed.includes(item)) : items
  return [...new Set(known)]
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined
}

/**
 * Reads the table's state from the query string. Values a person may have
 * mistyped in a shared link (an unknown sort, a page size of 7) fall back
 * to the defaults instead of failing the whole page.
 */
export function parseTableState(params: URLSearchParams): TableState {
  const limit = Number(params.get('limit'))
  const next = params.get('next') || undefined
  return {
    sort: parseSort(WEBHOOK_SORT_FIELDS, params.get('sort') ?? '') ?? DEFAULT_SORT,
    name: params.get('name') ?? '',
    url: params.get('url') ?? '',
    status: oneOf(params.get('status'), ['enabled', 'disabled', 'failing'] as const),
    events: splitList(params.get('events')),
    level: oneOf(params.get('level'), LEVELS),
    origins: splitList(params.get('origin'), ORIGINS),
    limit: PAGE_SIZES.includes(limit as PageSize) ? (limit as PageSize) : DEFAULT_PAGE_SIZE,
    next,
    // One cursor at a time; `next` wins if a hand-edited link carries both.
    prev: next ? undefined : params.get('prev') || undefined,
  }
}

/** The API query for a table state. Text filters are trimmed; empty ones are not sent. */
export function toGetWebhooksParams(state: TableState): GetWebhooksParams {
  const params: GetWebhooksParams = { limit: state.limit, sort: formatSort(state.sort) }
  const name = state.name.trim()
  const url = state.url.trim()
  if (name) params.name = name
  if (url) params.url = url
  if (state.status === 'enabled' || state.status === 'disabled') params.enabled = state.status === 'enabled'
  // Failing is the console's: every webhook is listed (up to the quota, one page of 100) and checked.
  if (state.status === 'failing') {
    params.limit = 100
    delete params.next
    delete params.prev
  }
  if (state.events.length) params.eventTypes = [...state.events].sort()
  if (state.level) params.level = state.level
  if (state.origins.length) params.origins = [...state.origins].sort()
  if (state.next) params.next = state.next
  else if (state.prev) params.prev = state.prev
  return params
}

/** Leaving a page: any change of sort, filter or page size starts again at the first page. */
const firstPage = { next: null, prev: null } satisfies SearchUpdate

/** URL update for a new sort; the default sort is left out of the URL. */
export function sortUpdate(sort: Sort): SearchUpdate {
  const same = sort.field === DEFAULT_SORT.field && sort.desc === DEFAULT_SORT.desc
  return { sort: same ? null : formatSort(sort), ...firstPage }
}

/** URL update for some filters; empty values remove their parameter. */
export function filterUpdate(filters: Partial<FilterState>): SearchUpdate {
  const update: SearchUpdate = { ...firstPage }
  for (const [key, value] of Object.entries(filters) as [keyof FilterState, FilterState[keyof FilterState]][]) {
    update[FILTER_PARAMS[key]] = Array.isArray(value) ? (value.length ? value.join(',') : null) : (value ?? null)
  }
  return update
}

export function clearFiltersUpdate(): SearchUpdate {
  return filterUpdate({ name: '', url: '', status: undefined, events: [], level: undefined, origins: [] })
}

export function pageSizeUpdate(limit: PageSize): SearchUpdate {
  return { limit: limit === DEFAULT_PAGE_SIZE ? null : String(limit), ...firstPage }
}

/**
 * URL update that moves to the page a list link points at. The API gives
 * absolute `links.next.href` / `links.prev.href`; only the cursor is kept,
 * since everything else in them is already in the URL.
 */
export function pageUpdate(direction: 'next' | 'prev', href: string): SearchUpdate | undefined {
  const cursor = new URL(href).searchParams.get(direction)
  if (!cursor) return undefined
  return direction === 'next' ? { next: cursor, prev: null } : { prev: cursor, next: null }
}

export function hasFilters(state: TableState): boolean {
  return Boolean(state.name.trim() || state.url.trim() || state.status || state.events.length || state.level || state.origins.length)
}

export function isFirstPage(state: TableState): boolean {
  return !state.next && !state.prev
}

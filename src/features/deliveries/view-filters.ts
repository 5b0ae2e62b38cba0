import { OMITTED_HEADER_VALUE, type Delivery } from '../../api'
import { formatUtc } from '../../lib/relative-time'
import { RETENTION_MS } from './health'

// The history's filters the API does not have: From and To (the API has no
// date filter, so the console reads pages, newest first, until it has passed
// From) and "Search payloads". URL parameters: `dfrom`, `dto` (ISO 8601 in
// UTC, to the minute) and `dq` (the text).

export type ViewFilters = {
  from: number | undefined
  to: number | undefined
  search: string
}

export type ViewFilterErrors = { from?: string; to?: string }

const readTime = (value: string | null): number | undefined | 'invalid' => {
  if (!value) return undefined
  const time = Date.parse(value)
  return Number.isFinite(time) ? time : 'invalid'
}

/** The filters in the URL, and what is wrong with them; a value in error does not filter. */
export function readViewFilters(params: URLSearchParams, now: number): { filters: ViewFilters; errors: ViewFilterErrors } {
  const errors: ViewFilterErrors = {}
  const oldest = now - RETENTION_MS
  const check = (name: 'From' | 'To', value: number | undefined | 'invalid') => {
    if (value === 'invalid') return { error: `${name} is not a date and time.` }
    if (value !== undefined && value < oldest - 60_000)
      return { error: `${name} is more than 7 days ago: the API keeps 7 days of deliveries.` }
    return { value }
  }
  const from = check('From', readTime(params.get('dfrom')))
  const to = check('To', readTime(params.get('dto')))
  if (from.error) errors.from = from.error
  if (to.error) errors.to = to.error
  if (from.value !== undefined && to.value !== undefined && to.value < from.value) {
    errors.to = 'To is before From.'
    to.value = undefined
  }
  return { filters: { from: from.value, to: to.value, search: params.get('dq') ?? '' }, errors }
}

const isoMinute = (time: number) => new Date(time).toISOString().replace(/:\d{2}\.\d{3}Z$/, 'Z')

export function writeViewFilters(filters: Partial<ViewFilters>): Record<string, string | null> {
  const update: Record<string, string | null> = {}
  if ('from' in filters) update.dfrom = filters.from === undefined ? null : isoMinute(filters.from)
  if ('to' in filters) update.dto = filters.to === undefined ? null : isoMinute(filters.to)
  if ('search' in filters) update.dq = filters.search || null
  return update
}

export const hasViewFilters = (filters: ViewFilters): boolean =>
  filters.from !== undefined || filters.to !== undefined || filters.search.trim() !== ''

/** Text matched by "Search payloads": the body, the status message, and header names and values, never an encrypted value. */
export function matchesSearch(delivery: Pick<Delivery, 'request' | 'statusMessage'>, text: string): boolean {
  const needle = text.trim().toLowerCase()
  if (!needle) return true
  const inText = (value: string | undefined) => value !== undefined && value.toLowerCase().includes(needle)
  if (inText(delivery.statusMessage)) return true
  for (const [name, value] of Object.entries(delivery.request?.headers ?? {})) {
    if (inText(name) || (value !== OMITTED_HEADER_VALUE && inText(value))) return true
  }
  const body = delivery.request?.body
  return body !== undefined && inText(JSON.stringify(body))
}

export function matchesView(delivery: Pick<Delivery, 'request' | 'statusMessage' | 'triggeredAt'>, filters: ViewFilters): boolean {
  const at = Date.parse(delivery.triggeredAt)
  if (filters.from !== undefined && at < filters.from) return false
  if (filters.to !== undefined && at > filters.to) return false
  return matchesSearch(delivery, filters.search)
}

/** A `datetime-local` value, in the browser's time zone, for a time. */
export function toLocalInput(time: number): string {
  const date = new Date(time)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** The time of a `datetime-local` value (read in the browser's time zone); undefined when empty or unreadable. */
export function fromLocalInput(value: string): number | undefined {
  if (!value) return undefined
  const time = new Date(value).getTime()
  return Number.isFinite(time) ? time : undefined
}

export type ListFilters = {
  status: 'success' | 'fail' | undefined
  eventType: string | undefined
  sort: `${'' | '+' | '-'}${'status' | 'triggeredAt'}`
}

const newest = (a: Delivery, b: Delivery) => b.triggeredAt.localeCompare(a.triggeredAt) || b.id.localeCompare(a.id)

/**
 * The view over every known delivery when a filter the API lacks is on: the
 * API's filters and sort applied here the way the API applies them (status
 * sorts failures first ascending, newest first within a status).
 */
export function viewRows(deliveries: readonly Delivery[], list: ListFilters, view: ViewFilters): Delivery[] {
  const rows = deliveries.filter(
    (d) => (!list.status || d.status === list.status) && (!list.eventType || d.eventType === list.eventType) && matchesView(d, view),
  )
  const direction = list.sort.startsWith('-') ? -1 : 1
  if (list.sort.endsWith('status')) return rows.sort((a, b) => direction * a.status.localeCompare(b.status) || newest(a, b))
  return rows.sort((a, b) => (direction === -1 ? newest(a, b) : newest(b, a)))
}

export type SearchProgress = {
  /** Deliveries read so far, newest first. */
  read: readonly Pick<Delivery, 'triggeredAt'>[]
  /** Every page of the 7 days has been read. */
  complete: boolean
  /** The pages read have gone past From: every delivery the view can hold is known. */
  pastFrom: boolean
  from: number | undefined
  /** Rows of the view. */
  matches: number
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/**
 * The history's line while From, To or a search is on. The API gives no
 * total of a webhook's deliveries, so while pages are still being read the
 * line says how many and how far back, not "of" a total it cannot know.
 */
export function describeSearchProgress({ read, complete, pastFrom, from, matches }: SearchProgress): string {
  const found = `${count(matches, 'matches', 'match')}.`
  if (complete) {
    if (read.length === 0) return 'No deliveries in the last 7 days to search.'
    const all = read.length === 1 ? 'the one delivery' : `all ${count(read.length, 'delivery', 'deliveries')}`
    return `Searched ${all} of the last 7 days: ${found}`
  }
  if (pastFrom && from !== undefined) {
    const since = read.filter((d) => Date.parse(d.triggeredAt) >= from).length
    const all = since === 1 ? 'the one delivery' : `all ${count(since, 'delivery', 'deliveries')}`
    return `Searched ${all} since ${formatUtc(new Date(from).toISOString())}: ${found}`
  }
  const oldest = read.at(-1)
  return oldest
    ? `Searched ${count(read.length, 'delivery', 'deliveries')} so far, back to ${formatUtc(oldest.triggeredAt)}; loading more…`
    : 'Reading deliveries…'
}

import { HttpResponse } from 'msw'
import { LIMITS, type ApiErrorItem, type ErrorResponse } from '../src/api/schemas'
import { parseSort, type Sort } from '../src/api/sort'

// Helpers every handler shares: Qlik's ErrorResponse, trace ids, cursors.

let traceCounter = 0
export function traceId(): string {
  traceCounter += 1
  return `${Date.now().toString(16)}${traceCounter.toString(16).padStart(8, '0')}`.padStart(32, '0')
}

export function errorResponse(status: number, code: string, title: string, detail?: string) {
  return errorsResponse(status, [{ code, title, ...(detail ? { detail } : {}) }])
}

export const badRequest = (detail: string) => errorResponse(400, 'WEBHOOKS-400-VALIDATION', 'Bad request', detail)
export const notFound = (what = 'Webhook') => errorResponse(404, 'WEBHOOKS-404', 'Not found', `${what} not found.`)
export const forbidden = (detail: string) => errorResponse(403, 'WEBHOOKS-403-FORBIDDEN', 'Forbidden', detail)

/** An ErrorResponse with every problem found, one item each. */
export function errorsResponse(status: number, errors: ApiErrorItem[]) {
  const id = traceId()
  const body: ErrorResponse = { errors, traceId: id }
  return HttpResponse.json(body, { status, headers: { 'x-trace-id': id } })
}

/** Reads Qlik's `sort` parameter with the client's own grammar; what it refuses is a 400. */
export function readSort<F extends string>(url: URL, fields: readonly F[], fallback: Sort<F>): Sort<F> | Response {
  const value = url.searchParams.get('sort')
  if (value === null) return fallback
  return parseSort(fields, value) ?? badRequest(`sort must be one of ${fields.join(', ')}, with an optional + or - prefix; got "${value}".`)
}

/** Opaque cursors: the offset of the first item of a page. */
export const encodeCursor = (offset: number) => btoa(JSON.stringify({ o: offset })).replace(/=+$/, '')
export function decodeCursor(cursor: string): number | undefined {
  try {
    const value: unknown = JSON.parse(atob(cursor))
    if (value && typeof value === 'object' && 'o' in value && Number.isInteger(value.o) && (value.o as number) >= 0) {
      return value.o as number
    }
  } catch {
    // fall through: an unreadable cursor is a client error
  }
  return undefined
}

/**
 * Reads `limit`, `next` and `prev`, and slices one page with absolute
 * `links`, built from the request's own URL so that a browser-side mock
 * intercepts them too.
 */
export function paginate<T>(
  items: T[],
  url: URL,
): { data: T[]; links: { self: { href: string }; next?: { href: string }; prev?: { href: string } } } | Response {
  const rawLimit = url.searchParams.get('limit')
  const limit = rawLimit === null ? 20 : Number(rawLimit)
  if (!Number.isInteger(limit) || limit < LIMITS.pageMin || limit > LIMITS.pageMax) {
    return badRequest(`limit must be an integer from ${LIMITS.pageMin} to ${LIMITS.pageMax}, got "${rawLimit}".`)
  }
  const next = url.searchParams.get('next')
  const prev = url.searchParams.get('prev')
  let start = 0
  if (next !== null || prev !== null) {
    const offset = decodeCursor((next ?? prev) as string)
    if (offset === undefined) return badRequest(`The ${next !== null ? 'next' : 'prev'} cursor is not valid.`)
    start = next !== null ? offset : Math.max(0, offset - limit)
  }
  const data = items.slice(start, start + limit)
  const link = (param: 'next' | 'prev', offset: number) => {
    const href = new URL(url)
    href.searchParams.delete('next')
    href.searchParams.delete('prev')
    href.searchParams.set(param, encodeCursor(offset))
    return { href: href.toString() }
  }
  return {
    data,
    links: {
      self: { href: url.toString() },
      ...(start + limit < items.length ? { next: link('next', start + limit) } : {}),
      ...(start > 0 ? { prev: link('prev', start) } : {}),
    },
  }
}

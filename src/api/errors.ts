import type { ApiErrorItem } from './schemas'

/** A non-2xx answer of the API, carrying Qlik's ErrorResponse. */
export class ApiError extends Error {
  readonly status: number
  readonly errors: ApiErrorItem[]
  readonly traceId: string | undefined
  readonly operation: string
  readonly retryAfterSeconds: number | undefined

  constructor(init: { status: number; errors: ApiErrorItem[]; traceId?: string; operation: string; retryAfterSeconds?: number }) {
    const first = init.errors[0]
    super(first ? (first.detail ? `${first.title}: ${first.detail}` : first.title) : `HTTP ${init.status}`)
    this.name = 'ApiError'
    this.status = init.status
    this.errors = init.errors
    this.traceId = init.traceId
    this.operation = init.operation
    this.retryAfterSeconds = init.retryAfterSeconds
  }
}

/** The server answered 2xx, but the body does not have the documented shape. */
export class ResponseShapeError extends Error {
  readonly operation: string
  readonly field: string

  constructor(operation: string, field: string, problem: string) {
    super(`${operation}: unexpected response from the API at "${field}": ${problem}`)
    this.name = 'ResponseShapeError'
    this.operation = operation
    this.field = field
  }
}

/** The request never got an answer (offline, DNS, CORS, aborted connection). */
export class NetworkError extends Error {
  readonly operation: string

  constructor(operation: string, cause: unknown) {
    super(`${operation}: the API could not be reached (${cause instanceof Error ? cause.message : String(cause)})`, {
      cause,
    })
    this.name = 'NetworkError'
    this.operation = operation
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/** What a refused request was about, read from its status and what the user was doing, never from a code Qlik has not published. */
export type ErrorKind =
  'quota' | 'cloud-events' | 'permission' | 'unauthorized' | 'not-found' | 'read-only' | 'validation' | 'rate-limited' | 'server' | 'other'

/** What the user was doing when the request was refused, as far as the screen knows it. */
export type ErrorContext = {
  /** A create while the caller already has as many webhooks as Qlik allows. */
  quotaReached?: boolean
  /** The change would turn CloudEvents delivery off (a PUT without it, a switch-off). */
  turnsCloudEventsOff?: boolean
}

const QUOTA_WORDS = /quota|(at most|up to) \d+ webhooks|maximum (number )?of webhooks|webhook limit/i
const CLOUD_EVENTS_WORDS = /cloud ?events?|enableCloudEventDelivery/i

/**
 * Qlik answers 403 both for a missing permission and for rules that are not
 * about permissions (the webhook quota on create, switching CloudEvents off
 * on an edit); which one it is follows from the operation and the context,
 * else from the words of the answer.
 */
export function errorKind(error: unknown, context: ErrorContext = {}): ErrorKind {
  if (!(error instanceof ApiError)) return 'other'
  const text = error.errors.map((e) => `${e.title} ${e.detail ?? ''}`).join(' ')
  switch (error.status) {
    case 400:
      return 'validation'
    case 401:
      return 'unauthorized'
    case 403:
      if (error.operation === 'createWebhook' && (context.quotaReached || QUOTA_WORDS.test(text))) return 'quota'
      if (
        (error.operation === 'updateWebhook' || error.operation === 'patchWebhook') &&
        (context.turnsCloudEventsOff || CLOUD_EVENTS_WORDS.test(text))
      )
        return 'cloud-events'
      return 'permission'
    case 404:
      return 'not-found'
    case 409:
      return 'read-only'
    case 429:
      return 'rate-limited'
    default:
      return error.status >= 500 ? 'server' : 'other'
  }
}

export function isPermissionError(error: unknown, context: ErrorContext = {}): boolean {
  return errorKind(error, context) === 'permission'
}

/** Ids of webhooks and deliveries: letters, digits, "-" and "_" (Qlik's are UUIDs or hex; the mock's are slugs). */
export const RESOURCE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/

/**
 * An id that is not one, refused before any request: from a shared link,
 * `?edit=..` or `&delivery=.` would otherwise name another path once the
 * URL's dot segments are resolved.
 */
export class InvalidIdError extends Error {
  readonly id: string
  constructor(id: string) {
    super(`"${id.slice(0, 80)}" is not a valid id (letters, digits, "-" and "_" only); nothing was requested.`)
    this.name = 'InvalidIdError'
    this.id = id
  }
}

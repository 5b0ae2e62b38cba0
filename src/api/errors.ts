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

/**
 * Qlik answers 403 both for a missing permission and for rules that are not
 * about permissions (the webhook quota, switching CloudEvents off); only the
 * first is a matter of permissions a tenant admin can grant.
 */
export function isPermissionError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && !error.errors.some((e) => /QUOTA|CLOUDEVENT/i.test(e.code ?? ''))
}

import { errorResponse } from './http-utils'

// Fault injection: the next request(s) matching a method and a path
// substring get an error answer instead of the real one, so that tests and
// demos can show how the console copes with a failing API.

export type FaultMatch = { method: string; path: string }
type Fault = FaultMatch & { status: number; remaining: number }

let faults: Fault[] = []

const ERRORS: Record<number, [code: string, title: string]> = {
  400: ['WEBHOOKS-400-VALIDATION', 'Bad request'],
  401: ['WEBHOOKS-401', 'Unauthorized'],
  403: ['WEBHOOKS-403-FORBIDDEN', 'Forbidden'],
  404: ['WEBHOOKS-404', 'Not found'],
  409: ['WEBHOOKS-409-READONLY', 'Conflict'],
  429: ['HTTP-429', 'API rate limit reached.'],
  500: ['WEBHOOKS-500', 'Internal server error'],
  502: ['WEBHOOKS-502', 'Bad gateway'],
  503: ['WEBHOOKS-503', 'Service unavailable'],
}

/** Makes the next `times` requests matching `match` answer `status` with an ErrorResponse. */
export function failNext(match: FaultMatch, status: number, times = 1): void {
  if (!Number.isInteger(status) || status < 400 || status > 599)
    throw new RangeError(`failNext needs an error status from 400 to 599, got ${status}.`)
  if (!Number.isInteger(times) || times < 1) throw new RangeError(`failNext needs times >= 1, got ${times}.`)
  // A fault without a method would match nothing and wait for ever.
  if (typeof match.method !== 'string' || match.method.trim() === '') throw new RangeError('failNext needs match.method, such as GET.')
  faults.push({ method: match.method.toUpperCase(), path: match.path, status, remaining: times })
}

export function clearFaults(): void {
  faults = []
}

function takeFault(request: Request): Fault | undefined {
  const path = new URL(request.url).pathname
  const fault = faults.find((f) => f.method === request.method && path.includes(f.path))
  if (!fault) return undefined
  fault.remaining -= 1
  if (fault.remaining === 0) faults = faults.filter((f) => f !== fault)
  return fault
}

/** The injected answer to a request, or undefined when no fault waits for it. */
export function faultResponse(request: Request): Response | undefined {
  const fault = takeFault(request)
  if (!fault) return undefined
  const [code, title] = ERRORS[fault.status] ?? [`HTTP-${fault.status}`, 'Error']
  const detail = fault.status === 429 ? 'You need to wait 1 seconds until limit is lifted.' : 'Injected by mockTenant.failNext.'
  const response = errorResponse(fault.status, code, title, detail)
  if (fault.status === 429) response.headers.set('Retry-After', '1')
  return response
}

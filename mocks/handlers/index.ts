import { getResponse, http } from 'msw'
import { DEPRECATION_HEADERS, rulesOf } from '../api-rules'
import { db } from '../db'
import { faultResponse } from '../faults'
import { errorResponse } from '../http-utils'
import { methodNotAllowed } from '../method-not-allowed'
import { rateLimited } from '../rate-limit'
import { routeCandidates } from '../route-candidates'
import { deliveryHandlers } from './deliveries'
import { userHandlers } from './users'
import { webhookHandlers } from './webhooks'

const served = [...deliveryHandlers, ...webhookHandlers, ...userHandlers]

// The 405 goes last: it answers only methods no other handler serves on a path.
const routeHandlers = [...served, methodNotAllowed(served)]
const candidates = routeCandidates(routeHandlers)

/**
 * Every API request passes here first: an older tenant without Core
 * (`coreApi: false`) answers 404 there; then the rate limiter, the fault
 * injector (it answers only requests it was told to fail) and the routes;
 * every answer under v1, errors included, carries its deprecation headers.
 */
const apiHandler = http.all('*/api/*', async ({ request }) => {
  const rules = rulesOf(new URL(request.url).pathname)
  if (rules?.name === 'core' && !db.state.config.coreApi) {
    return errorResponse(404, 'HTTP-404', 'Not found', 'This tenant has no /api/core/webhooks; use /api/v1/webhooks.')
  }
  const response = rateLimited(request) ?? faultResponse(request) ?? (await getResponse(candidates(request), request))
  if (!response) return undefined
  if (rules?.deprecated) for (const [name, value] of Object.entries(DEPRECATION_HEADERS)) response.headers.set(name, value)
  return response
})

export const handlers = [apiHandler]

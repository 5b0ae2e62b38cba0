import { http, HttpHandler, matchRequestUrl, type RequestHandler } from 'msw'
import { errorResponse } from './http-utils'

/**
 * Goes last: a request to a path the mock serves, with a method none of
 * `handlers` answers there, is a 405 with the methods that are (`Allow`),
 * not an unhandled request. The methods are read from the handlers
 * themselves, so a new route needs nothing here.
 */
export function methodNotAllowed(handlers: readonly RequestHandler[]): HttpHandler {
  const routes = handlers.flatMap((handler) => {
    if (!(handler instanceof HttpHandler)) return []
    const { method, path } = handler.info
    return typeof method === 'string' && (typeof path === 'string' || path instanceof RegExp) ? [{ method, path }] : []
  })
  return http.all('*/api/*', ({ request }) => {
    const url = new URL(request.url)
    const allowed = [...new Set(routes.filter((route) => matchRequestUrl(url, route.path).matches).map((route) => route.method))]
    if (allowed.length === 0 || allowed.includes(request.method)) return undefined
    const response = errorResponse(
      405,
      'WEBHOOKS-405',
      'Method not allowed',
      `${request.method} is not served on ${url.pathname}; use ${allowed.join(', ')}.`,
    )
    response.headers.set('Allow', allowed.join(', '))
    return response
  })
}

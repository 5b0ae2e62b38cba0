import { http, HttpHandler, matchRequestUrl } from 'msw'
import { describe, expect, it } from 'vitest'
import { deliveryHandlers } from './handlers/deliveries'
import { userHandlers } from './handlers/users'
import { webhookHandlers } from './handlers/webhooks'
import { routeCandidates } from './route-candidates'

const catchAll = http.all('*/api/*', () => undefined)
const handlers = [...deliveryHandlers, ...webhookHandlers, ...userHandlers, catchAll]
const candidates = routeCandidates(handlers)

/** What msw itself would try and match: the method, then the path. */
const mswMatches = (method: string, url: string) =>
  handlers.filter((handler) => {
    if (!(handler instanceof HttpHandler)) return true
    const { method: wanted, path } = handler.info
    const methodOk = typeof wanted === 'string' ? wanted.toLowerCase() === method.toLowerCase() : wanted.test(method)
    return methodOk && (typeof path === 'function' || matchRequestUrl(new URL(url), path).matches)
  })

const origin = 'https://tenant.example.com'
const paths = [
  '/api/v1/webhooks',
  '/api/core/webhooks/',
  '/API/Core/Webhooks',
  '/api/core/webhooks/event-types',
  '/api/core/webhooks/wh-1',
  '/api/core/webhooks/wh%2D1',
  '/api/v1/webhooks/wh-1/deliveries',
  '/api/core/webhooks/wh-1/deliveries/',
  '/api/core/webhooks/wh-1/deliveries/d-1',
  '/api/core/webhooks/wh-1/deliveries/d-1/actions/resend',
  '/api/v1/users/u-1',
  '/api/core/webhooks/wh-1/unknown',
  '/api/core/webhooks//deliveries',
  '/api/v2/webhooks',
  '/api/core/webhooks?limit=5&sort=-name',
]
const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'get']

describe('routeCandidates', () => {
  it('keeps every handler msw would match, for every method and path shape', () => {
    for (const method of methods)
      for (const path of paths) {
        const request = new Request(origin + path, { method: method === 'get' ? 'GET' : method })
        const kept = candidates(request)
        for (const handler of mswMatches(request.method, request.url)) expect(kept, `${method} ${path}`).toContain(handler)
      }
  })

  it('leaves out the routes that cannot answer, and keeps the catch-all last', () => {
    const list = candidates(new Request(`${origin}/api/core/webhooks/wh-1/deliveries?limit=100`))
    expect(list).toHaveLength(2)
    expect(list[0]!.info.header).toBe('GET */api/core/webhooks/:id/deliveries')
    expect(list[1]).toBe(catchAll)
    expect(candidates(new Request(`${origin}/api/core/webhooks/wh-1`, { method: 'PATCH' })).map((h) => h.info.header)).toEqual([
      'PATCH */api/core/webhooks/:id',
      catchAll.info.header,
    ])
  })
})

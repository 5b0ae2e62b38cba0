import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { mockServer } from '../../mocks/node'
import { SEED_WEBHOOKS } from '../../mocks/seed'
import { ApiError, NetworkError, ResponseShapeError, configureApi, getWebhooks, getWebhooksPage } from '.'

describe('getWebhooks against the mock tenant', () => {
  it('returns the seeded webhooks newest first, with absolute links', async () => {
    const list = await getWebhooks({ limit: 100 })
    expect(list.data).toHaveLength(SEED_WEBHOOKS.length)
    const created = list.data.map((w) => w.createdAt ?? '')
    expect(created).toEqual([...created].sort().reverse())
    expect(list.links.self.href).toMatch(/^http:\/\/localhost\/api\/v1\/webhooks\?/)
    expect(list.data.every((w) => !('secret' in w))).toBe(true)
  })

  it('turns an ErrorResponse into an ApiError with status, code and traceId', async () => {
    const error = await getWebhooks({ limit: 0 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 400, operation: 'getWebhooks', errors: [{ code: 'WEBHOOKS-400-VALIDATION' }] })
    expect((error as ApiError).traceId).toMatch(/^[0-9a-f]{32}$/)
  })

  it('names the field and the operation when a body has the wrong shape', async () => {
    mockServer.use(http.get('*/api/v1/webhooks', () => HttpResponse.json({ data: [{ id: 7 }], links: { self: { href: 'x' } } })))
    const error = await getWebhooks().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ResponseShapeError)
    expect((error as Error).message).toContain('getWebhooks')
    expect((error as ResponseShapeError).field).toBe('data.0.id')
  })

  it('reports a network failure as its own error', async () => {
    mockServer.use(http.get('*/api/v1/webhooks', () => HttpResponse.error()))
    await expect(getWebhooks()).rejects.toBeInstanceOf(NetworkError)
  })

  it('waits for Retry-After on a 429 and tries a GET again, a bounded number of times', async () => {
    configureApi({ maxRetryWaitMs: 5 })
    let calls = 0
    mockServer.use(
      http.get('*/api/v1/webhooks', () => {
        calls += 1
        return HttpResponse.json(
          { errors: [{ code: 'HTTP-429', title: 'API rate limit reached.', detail: 'You need to wait 1 seconds until limit is lifted.' }] },
          { status: 429, headers: { 'Retry-After': '1' } },
        )
      }),
    )
    const error = await getWebhooks().catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 1 })
    expect(calls).toBe(3)
    configureApi({ maxRetryWaitMs: 10_000 })
  })
})

describe('the configured API origin', () => {
  it('sends a link that names another origin to the configured one, with the configured headers', async () => {
    configureApi({ baseUrl: () => 'http://localhost', headers: () => ({ Authorization: 'Bearer t0ken' }) })
    let seen: { url: string; authorization: string | null } | undefined
    mockServer.use(
      http.get('*/api/v1/webhooks', ({ request }) => {
        seen = { url: request.url, authorization: request.headers.get('Authorization') }
        return HttpResponse.json({ data: [], links: { self: { href: request.url } } })
      }),
    )
    await getWebhooksPage('https://tenant.example.com/api/v1/webhooks?next=abc&limit=20').finally(() =>
      configureApi({ headers: () => ({}) }),
    )
    expect(seen).toEqual({ url: 'http://localhost/api/v1/webhooks?next=abc&limit=20', authorization: 'Bearer t0ken' })
  })
})

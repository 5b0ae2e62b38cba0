import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { mockServer } from '../../mocks/node'
import { SEED_WEBHOOKS } from '../../mocks/seed'
import {
  ApiError,
  InvalidIdError,
  NetworkError,
  ResponseShapeError,
  configureApi,
  getWebhook,
  getWebhookDelivery,
  getWebhooks,
  getWebhooksPage,
  resendWebhookDelivery,
} from '.'

describe('getWebhooks against the mock tenant', () => {
  it('returns the seeded webhooks newest first, with absolute links', async () => {
    const list = await getWebhooks({ limit: 100 })
    expect(list.data).toHaveLength(SEED_WEBHOOKS.length)
    const created = list.data.map((w) => w.createdAt ?? '')
    expect(created).toEqual([...created].sort().reverse())
    expect(list.links.self?.href).toMatch(/^http:\/\/localhost\/api\/core\/webhooks\?/)
    expect(list.data.every((w) => !('secret' in w))).toBe(true)
  })

  it("names a gateway's HTML error page by its status instead of passing its markup on", async () => {
    mockServer.use(
      http.get(
        '*/api/core/webhooks',
        () =>
          new HttpResponse('<html><body><h1>502 Bad Gateway</h1><script>alert(1)</script></body></html>', {
            status: 502,
            statusText: 'Bad Gateway',
            headers: { 'Content-Type': 'text/html' },
          }),
      ),
    )
    const error = (await getWebhooks().catch((e: unknown) => e)) as ApiError
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(502)
    expect(error.errors[0]).toMatchObject({ code: 'HTTP-502', title: 'Bad Gateway' })
    expect(error.errors[0]!.detail).toMatch(/^HTTP 502: the answer was a web page, not an API error/)
    expect(error.message).not.toContain('<')
  })

  it('refuses ids that are not ids before any request: dot segments, slashes, encodings', async () => {
    let requests = 0
    mockServer.events.on('request:start', () => (requests += 1))
    for (const id of ['.', '..', '', '../__mock', 'a/b', '%2e%2e', 'a b', '-x']) {
      await expect(getWebhook(id)).rejects.toBeInstanceOf(InvalidIdError)
      await expect(getWebhookDelivery('wh-slack-app-events', id)).rejects.toBeInstanceOf(InvalidIdError)
      await expect(resendWebhookDelivery('wh-slack-app-events', id)).rejects.toBeInstanceOf(InvalidIdError)
    }
    mockServer.events.removeAllListeners()
    expect(requests).toBe(0)
    expect((await getWebhook('wh-slack-app-events')).id).toBe('wh-slack-app-events')
  })

  it('turns an ErrorResponse into an ApiError with status, code and traceId', async () => {
    const error = await getWebhooks({ limit: 0 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 400, operation: 'getWebhooks', errors: [{ code: 'WEBHOOKS-400-VALIDATION' }] })
    expect((error as ApiError).traceId).toMatch(/^[0-9a-f]{32}$/)
  })

  it('sets aside a list item it cannot read, saying where, and reads the rest', async () => {
    mockServer.use(
      http.get('*/api/core/webhooks', () =>
        HttpResponse.json({
          data: [{ id: 7 }, { id: 'ok', origin: 'data-products', level: 'space' }, { name: 'no id' }],
          links: { self: { href: 'x' } },
        }),
      ),
    )
    const list = await getWebhooks()
    expect(list.data).toEqual([{ id: 'ok', origin: 'data-products', level: 'space' }])
    expect(list.unreadable).toEqual([
      { index: 0, id: undefined, field: 'id', problem: 'invalid' },
      { index: 2, id: undefined, field: 'id', problem: 'missing' },
    ])
  })

  it('accepts a list without links, or with links of href null', async () => {
    mockServer.use(http.get('*/api/core/webhooks', () => HttpResponse.json({ data: [{ id: 'a', unknownField: 1 }] })))
    expect(await getWebhooks()).toEqual({ data: [{ id: 'a' }], unreadable: [], links: {} })
    mockServer.use(
      http.get('*/api/core/webhooks', () =>
        HttpResponse.json({ data: [], links: { self: { href: 'https://t.example.com/x' }, next: { href: null }, prev: null } }),
      ),
    )
    expect((await getWebhooks()).links).toEqual({ self: { href: 'https://t.example.com/x' } })
  })

  it('names the field and the operation when a body has the wrong shape, is not JSON, or is not an object', async () => {
    mockServer.use(http.get('*/api/core/webhooks', () => HttpResponse.json({ links: {} })))
    const error = await getWebhooks().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ResponseShapeError)
    expect((error as Error).message).toContain('getWebhooks')
    expect((error as ResponseShapeError).field).toBe('data')
    mockServer.use(http.get('*/api/core/webhooks/:id', () => HttpResponse.text('<html>gateway</html>')))
    await expect(getWebhook('x')).rejects.toThrow(/getWebhook: .*not JSON/)
    mockServer.use(http.get('*/api/core/webhooks/:id', () => HttpResponse.json([1, 2])))
    await expect(getWebhook('x')).rejects.toThrow(/getWebhook: .*expected a JSON object, got an array/)
  })

  it('reports a network failure as its own error', async () => {
    mockServer.use(http.get('*/api/core/webhooks', () => HttpResponse.error()))
    await expect(getWebhooks()).rejects.toBeInstanceOf(NetworkError)
  })

  it('waits for Retry-After on a 429 and tries a GET again, a bounded number of times', async () => {
    configureApi({ maxRetryWaitMs: 5 })
    let calls = 0
    mockServer.use(
      http.get('*/api/core/webhooks', () => {
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
  it('sends a link that names another origin to the configured one, with the configured headers and no cookies', async () => {
    configureApi({ baseUrl: () => 'http://localhost', headers: () => ({ Authorization: 'Bearer t0ken' }) })
    let seen: { url: string; authorization: string | null; credentials: RequestCredentials } | undefined
    mockServer.use(
      http.get('*/api/core/webhooks', ({ request }) => {
        seen = { url: request.url, authorization: request.headers.get('Authorization'), credentials: request.credentials }
        return HttpResponse.json({ data: [], links: { self: { href: request.url } } })
      }),
    )
    await getWebhooksPage('https://tenant.example.com/api/core/webhooks?next=abc&limit=20').finally(() =>
      configureApi({ headers: () => ({}) }),
    )
    expect(seen).toEqual({
      url: 'http://localhost/api/core/webhooks?next=abc&limit=20',
      authorization: 'Bearer t0ken',
      // Never the browser's cookies: the headers are the only credentials.
      credentials: 'omit',
    })
  })
})

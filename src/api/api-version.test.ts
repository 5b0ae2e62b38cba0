import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { configure } from '../../mocks/config'
import { mockServer } from '../../mocks/node'
import {
  QLIK_API_VERSION,
  configureApi,
  currentWebhooksApi,
  deprecationStore,
  getWebhook,
  getWebhookEventTypes,
  getWebhooks,
  parseHeaderDate,
  parseLinkHeader,
  readDeprecation,
} from '.'

/** Every request the client sends, as method and path, with its qlik-api-version. */
function recordRequests() {
  const seen: { path: string; version: string | null }[] = []
  const listener = ({ request }: { request: Request }) => {
    seen.push({ path: `${request.method} ${new URL(request.url).pathname}`, version: request.headers.get('qlik-api-version') })
  }
  mockServer.events.on('request:start', listener)
  return { seen, stop: () => mockServer.events.removeListener('request:start', listener) }
}

describe('the webhooks API the client speaks', () => {
  it(`sends every operation to /api/core/webhooks with qlik-api-version: ${QLIK_API_VERSION}`, async () => {
    const { seen, stop } = recordRequests()
    await getWebhooks()
    await getWebhook('wh-slack-app-events')
    await getWebhookEventTypes()
    stop()
    expect(QLIK_API_VERSION).toBe('2026-11')
    expect(seen).toEqual([
      { path: 'GET /api/core/webhooks', version: '2026-11' },
      { path: 'GET /api/core/webhooks/wh-slack-app-events', version: '2026-11' },
      { path: 'GET /api/core/webhooks/event-types', version: '2026-11' },
    ])
    expect(currentWebhooksApi()).toBe('core')
    expect(deprecationStore.getSnapshot()).toEqual([])
  })

  it('falls back to v1 once on a 404 of the Core list, remembers it, and notes the deprecation', async () => {
    configure({ coreApi: false })
    const { seen, stop } = recordRequests()
    expect((await getWebhooks()).data.length).toBeGreaterThan(0)
    await getWebhook('wh-slack-app-events')
    stop()
    expect(seen.map((s) => s.path)).toEqual(['GET /api/core/webhooks', 'GET /api/v1/webhooks', 'GET /api/v1/webhooks/wh-slack-app-events'])
    expect(currentWebhooksApi()).toBe('v1')
    const notices = deprecationStore.getSnapshot()
    expect(notices.map((n) => n.operation)).toEqual(['getWebhooks', 'getWebhook'])
    expect(notices[0]).toMatchObject({ method: 'GET', path: '/api/v1/webhooks', link: 'https://qlik.dev/apis/rest/core/webhooks/' })
    expect(notices[0]!.sunset?.toISOString()).toBe('2027-11-01T00:00:00.000Z')
    expect(notices[0]!.since?.toISOString()).toBe('2026-11-03T00:00:00.000Z')
  })

  it('asks the Core list when another Core operation answers 404 first, and keeps a genuine 404', async () => {
    await expect(getWebhook('wh-nope')).rejects.toMatchObject({ status: 404 })
    expect(currentWebhooksApi()).toBe('core')
    configureApi({ backendKey: 'older-tenant' })
    try {
      configure({ coreApi: false })
      await expect(getWebhook('wh-slack-app-events')).resolves.toMatchObject({ id: 'wh-slack-app-events' })
      expect(currentWebhooksApi()).toBe('v1')
    } finally {
      configureApi({ backendKey: 'default' })
    }
    // Each backend has its own choice.
    expect(currentWebhooksApi()).toBe('core')
  })

  it('does not fall back on any other error of the Core list', async () => {
    mockServer.use(http.get('*/api/core/webhooks', () => HttpResponse.json({ errors: [{ code: 'X', title: 'Down' }] }, { status: 503 })))
    await expect(getWebhooks()).rejects.toMatchObject({ status: 503 })
    expect(currentWebhooksApi()).toBe('core')
  })
})

describe('deprecation headers', () => {
  it('reads Deprecation as @epoch seconds, an HTTP date or true, and Sunset as an HTTP date', () => {
    expect(parseHeaderDate('@1793664000')?.toISOString()).toBe('2026-11-03T00:00:00.000Z')
    expect(parseHeaderDate('Mon, 01 Nov 2027 00:00:00 GMT')?.toISOString()).toBe('2027-11-01T00:00:00.000Z')
    expect(parseHeaderDate('true')).toBeUndefined()
    expect(parseHeaderDate('12345')).toBeUndefined()
    const headers = new Headers({ Deprecation: 'true', Sunset: 'Mon, 01 Nov 2027 00:00:00 GMT' })
    expect(readDeprecation(headers, 'getWebhooks', 'GET', 'https://t.example.com/api/v1/webhooks?limit=1')).toEqual({
      operation: 'getWebhooks',
      method: 'GET',
      path: '/api/v1/webhooks',
      since: undefined,
      sunset: new Date('2027-11-01T00:00:00Z'),
      link: undefined,
    })
    expect(readDeprecation(new Headers({ Deprecation: 'false' }), 'x', 'GET', '/x')).toBeUndefined()
    expect(readDeprecation(new Headers(), 'x', 'GET', '/x')).toBeUndefined()
  })

  it('takes the deprecation link of a Link header, else the successor, else the first', () => {
    expect(parseLinkHeader('<https://a.example/next>; rel="successor-version", <https://a.example/why>; rel="deprecation"')).toBe(
      'https://a.example/why',
    )
    expect(parseLinkHeader('<https://a.example/next>; rel=successor-version')).toBe('https://a.example/next')
    expect(parseLinkHeader('<https://a.example/doc>; rel="alternate"')).toBe('https://a.example/doc')
    expect(parseLinkHeader(null)).toBeUndefined()
  })
})

// @vitest-environment node
import type { IncomingMessage, ServerResponse } from 'node:http'
import { describe, expect, it } from 'vitest'
import { assertNoCredentialInBundleEnv, isCrossSiteRequest, normaliseRequestPath, readProxyEnv, tenantProxy } from './tenant-proxy'

describe('readProxyEnv', () => {
  it('reads the tenant origin and the key', () => {
    expect(readProxyEnv({ QLIK_TENANT_URL: 'https://example.eu.qlikcloud.com/', QLIK_API_KEY: ' k3y ' })).toEqual({
      origin: 'https://example.eu.qlikcloud.com',
      host: 'example.eu.qlikcloud.com',
      apiKey: 'k3y',
    })
  })

  it('names every missing variable, with an example, and never echoes the key', () => {
    expect(() => readProxyEnv({})).toThrow(/needs QLIK_TENANT_URL and QLIK_API_KEY\. Example:/)
    expect(() => readProxyEnv({ QLIK_API_KEY: 'secret-value' })).toThrow(/needs QLIK_TENANT_URL\. /)
    const refused = (() => {
      try {
        readProxyEnv({ QLIK_TENANT_URL: 'http://example.com', QLIK_API_KEY: 'secret-value' })
        return 'no error'
      } catch (error) {
        return (error as Error).message
      }
    })()
    expect(refused).toMatch(/^QLIK_TENANT_URL must use https:\/\//)
    expect(refused).not.toContain('secret-value')
  })

  it('allows plain http for a stand-in on this machine only', () => {
    expect(readProxyEnv({ QLIK_TENANT_URL: 'http://127.0.0.1:9090', QLIK_API_KEY: 'k' }).origin).toBe('http://127.0.0.1:9090')
    expect(() => readProxyEnv({ QLIK_TENANT_URL: 'http://10.0.0.5', QLIK_API_KEY: 'k' })).toThrow(/must use https/)
  })
})

describe('assertNoCredentialInBundleEnv', () => {
  it('refuses a key-like VITE_ variable, or one holding the API key', () => {
    expect(() => assertNoCredentialInBundleEnv({ VITE_QLIK_API_KEY: 'x' })).toThrow(
      /^VITE_QLIK_API_KEY: VITE_ variables are compiled into the browser bundle/,
    )
    expect(() => assertNoCredentialInBundleEnv({ QLIK_API_KEY: 'k3y-123', VITE_HEADER: 'Bearer k3y-123' })).toThrow(/^VITE_HEADER:/)
    expect(() => assertNoCredentialInBundleEnv({ VITE_CLIENT_SECRET: 'x', VITE_TOKEN: 'y' })).toThrow(/^VITE_CLIENT_SECRET, VITE_TOKEN:/)
  })

  it('lets the public OAuth settings through', () => {
    expect(() =>
      assertNoCredentialInBundleEnv({
        QLIK_API_KEY: 'k3y',
        VITE_QLIK_HOST: 'https://t.example.com',
        VITE_QLIK_CLIENT_ID: 'abc',
        VITE_QLIK_REDIRECT_URI: 'https://c.example.com/',
      }),
    ).not.toThrow()
  })
})

describe('isCrossSiteRequest', () => {
  const req = (headers: Record<string, string>) => ({ headers: { host: 'localhost:5173', ...headers } }) as unknown as IncomingMessage
  it('passes the console’s own requests and requests without a browser origin', () => {
    expect(isCrossSiteRequest(req({ 'sec-fetch-site': 'same-origin', origin: 'http://localhost:5173' }))).toBe(false)
    expect(isCrossSiteRequest(req({}))).toBe(false)
  })
  it('refuses other sites and other origins', () => {
    expect(isCrossSiteRequest(req({ 'sec-fetch-site': 'cross-site' }))).toBe(true)
    expect(isCrossSiteRequest(req({ 'sec-fetch-site': 'same-site' }))).toBe(true)
    expect(isCrossSiteRequest(req({ origin: 'http://localhost:6006' }))).toBe(true)
    expect(isCrossSiteRequest(req({ origin: 'null' }))).toBe(true)
  })
  it('compares scheme, host and port, not the host alone', () => {
    expect(isCrossSiteRequest(req({ origin: 'https://localhost:5173' }))).toBe(true)
    expect(isCrossSiteRequest(req({ origin: 'http://localhost:5174' }))).toBe(true)
    expect(isCrossSiteRequest(req({ origin: 'http://localhost' }))).toBe(true)
    expect(isCrossSiteRequest(req({ origin: 'http://LOCALHOST:5173' }))).toBe(false)
    const tls = {
      headers: { host: 'localhost:443', origin: 'https://localhost' },
      socket: { encrypted: true },
    } as unknown as IncomingMessage
    expect(isCrossSiteRequest(tls)).toBe(false)
    const plain = { headers: { host: 'localhost:443', origin: 'https://localhost' }, socket: {} } as unknown as IncomingMessage
    expect(isCrossSiteRequest(plain)).toBe(true)
  })
})

describe('normaliseRequestPath', () => {
  it.each([
    ['/api/v1/webhooks?limit=5&next=abc', '/api/v1/webhooks?limit=5&next=abc'],
    [
      '/api/v1/webhooks/wh-slack-app-events/deliveries/dl-1/actions/resend',
      '/api/v1/webhooks/wh-slack-app-events/deliveries/dl-1/actions/resend',
    ],
    ['/api/../__mock/reset', '/__mock/reset'],
    ['/api/%2e%2e/__mock/fail-next', '/__mock/fail-next'],
    ['/api/%2E%2e/oauth/token', '/oauth/token'],
    ['/api/.%2e/__mock/reset', '/__mock/reset'],
    ['/api/v1/../../__mock/reset', '/__mock/reset'],
    ['/api/v1/./webhooks/.', '/api/v1/webhooks/'],
    ['/api/v1/webhooks/..', '/api/v1/'],
    ['/../../api/v1/webhooks', '/api/v1/webhooks'],
    ['/api/v1/webhooks/%77h-1', '/api/v1/webhooks/wh-1'],
    ['/api/v1/webhooks?x=/../__mock', '/api/v1/webhooks?x=/../__mock'],
  ])('reads %s as %s', (raw, url) => {
    expect(normaliseRequestPath(raw)).toEqual({ ok: true, url })
  })

  it.each([
    ['/api/..%2f__mock/reset', 'encoded slash'],
    ['/api%2Fv1%2Fwebhooks', 'encoded slash'],
    ['/api/..\\__mock/reset', 'backslash'],
    ['/api/%5c..%5c__mock/reset', 'backslash'],
    ['/api/%252e%252e/__mock/reset', 'double percent-escape'],
    ['/api/v1/webhooks/%00', 'control characters'],
    ['/api/v1/webhooks/%e0%a4%a', 'does not decode'],
    ['api/v1', 'start with'],
  ])('refuses %s (%s)', (raw, reason) => {
    const result = normaliseRequestPath(raw)
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.reason).toContain(reason)
  })
})

describe('the guard in front of the proxy', () => {
  const { plugin } = tenantProxy({ QLIK_TENANT_URL: 'https://tenant.example.com', QLIK_API_KEY: 'k3y' })
  const middlewares: ((req: IncomingMessage, res: ServerResponse, next: () => void) => void)[] = []
  ;(plugin.configurePreviewServer as (server: unknown) => void)({
    middlewares: { use: (fn: (typeof middlewares)[number]) => middlewares.push(fn) },
    config: { logger: { info: () => {} } },
  })
  const run = (url: string, headers: Record<string, string> = {}) => {
    const req = { url, headers: { host: 'localhost:4173', ...headers }, socket: {} } as unknown as IncomingMessage
    const answer = { status: 0, body: '' }
    const res = {
      set statusCode(value: number) {
        answer.status = value
      },
      setHeader: () => {},
      end: (body: string) => (answer.body = body),
    } as unknown as ServerResponse
    let passed = false
    middlewares[0]!(req, res, () => (passed = true))
    return { passed, url: req.url, ...answer }
  }

  it('forwards the normalised path, never the raw one', () => {
    expect(run('/api/v1/./webhooks?limit=1')).toMatchObject({ passed: true, url: '/api/v1/webhooks?limit=1' })
  })

  it.each(['/api/../__mock/reset', '/api/%2e%2e/__mock/fail-next', '/api/%2E%2E/oauth/token', '/api/v1/../../__mock/configure'])(
    'refuses %s, which leaves /api/, with a 400 and never passes it on',
    (url) => {
      const result = run(url)
      expect(result).toMatchObject({ passed: false, status: 400 })
      expect(result.body).toContain('PROXY-400')
    },
  )

  it('refuses encoded slashes and backslashes under /api', () => {
    for (const url of ['/api/..%2f__mock/reset', '/api/..\\__mock/reset', '/api%5c..%5c__mock']) {
      expect(run(url), url).toMatchObject({ passed: false, status: 400 })
    }
  })

  it('judges the cross-site check on the normalised path', () => {
    expect(run('/x/../api/v1/webhooks', { origin: 'https://evil.example.com' })).toMatchObject({ passed: false, status: 403 })
    expect(run('/api/v1/webhooks', { origin: 'https://localhost:4173' })).toMatchObject({ passed: false, status: 403 })
  })

  it('lets the console’s own pages and assets through untouched', () => {
    expect(run('/assets/index-abc.js')).toMatchObject({ passed: true, url: '/assets/index-abc.js' })
    expect(run('/?edit=wh-1&name=a%2Fb')).toMatchObject({ passed: true, url: '/?edit=wh-1&name=a%2Fb' })
  })
})

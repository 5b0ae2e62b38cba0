import { afterEach, describe, expect, it, vi } from 'vitest'
import { backendId, backendLabel, resolveTenantBackend, saveOAuthInput } from './backend'
import { parseOAuthInput } from './oauth-input'

afterEach(() => {
  localStorage.clear()
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
})

/** What the server that served the page answers on the proxy's info path. */
const serverAnswers = (response: Response) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => response),
  )

const tenant = { host: 'example.eu.qlikcloud.com', clientId: 'abc123', redirectUri: '' }

describe('parseOAuthInput', () => {
  it('fills in the tenant origin and a redirect URI on this console', () => {
    expect(parseOAuthInput(tenant)).toEqual({
      ok: true,
      config: {
        origin: 'https://example.eu.qlikcloud.com',
        host: 'example.eu.qlikcloud.com',
        clientId: 'abc123',
        redirectUri: `${location.origin}/`,
      },
    })
  })

  it('gives each wrong field its own message', () => {
    const result = parseOAuthInput({ host: 'http://example.com', clientId: ' ', redirectUri: 'https://elsewhere.example.com/' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.host).toMatch(/must use https/)
    expect(result.errors.clientId).toMatch(/client id is empty/)
    expect(result.errors.redirectUri).toMatch(/on this console’s own address/)
  })
})

describe('backend identity', () => {
  it('differs per tenant and per client, so caches are never shared', () => {
    const a = parseOAuthInput(tenant)
    const b = parseOAuthInput({ ...tenant, clientId: 'other' })
    if (!a.ok || !b.ok) throw new Error('valid input expected')
    const ids = [
      backendId({ kind: 'mock' }),
      backendId({ kind: 'proxy', host: 'example.eu.qlikcloud.com' }),
      backendId({ kind: 'oauth', config: a.config, source: 'build' }),
      backendId({ kind: 'oauth', config: b.config, source: 'build' }),
    ]
    expect(new Set(ids).size).toBe(4)
    expect(backendLabel({ kind: 'proxy', host: 'example.eu.qlikcloud.com' })).toBe('example.eu.qlikcloud.com (local proxy)')
    expect(backendLabel({ kind: 'oauth', config: a.config, source: 'build' })).toBe('example.eu.qlikcloud.com')
  })
})

describe('resolveTenantBackend', () => {
  const proxyAnswers = (body: unknown) => serverAnswers(Response.json(body))

  it('uses the local proxy when the server that served the page is one', async () => {
    proxyAnswers({ tenant: 'example.eu.qlikcloud.com' })
    expect(await resolveTenantBackend()).toEqual({ backend: { kind: 'proxy', host: 'example.eu.qlikcloud.com' } })
  })

  it('asks for settings when there is neither a proxy nor an OAuth configuration', async () => {
    // A static host answers every path with the app's index.html.
    serverAnswers(new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html' } }))
    expect(await resolveTenantBackend()).toEqual({ backend: undefined })
  })

  it('prefers saved settings to the build’s and to the proxy', async () => {
    proxyAnswers({ tenant: 'proxied.example.com' })
    vi.stubEnv('VITE_QLIK_HOST', 'built.example.com')
    vi.stubEnv('VITE_QLIK_CLIENT_ID', 'built')
    expect(await resolveTenantBackend()).toMatchObject({
      backend: { kind: 'oauth', source: 'build', config: { host: 'built.example.com' } },
    })
    saveOAuthInput(tenant)
    expect(await resolveTenantBackend()).toMatchObject({
      backend: { kind: 'oauth', source: 'settings', config: { host: 'example.eu.qlikcloud.com' } },
    })
  })

  it('says why a configuration is unusable instead of guessing', async () => {
    vi.stubEnv('VITE_QLIK_HOST', 'http://built.example.com')
    vi.stubEnv('VITE_QLIK_CLIENT_ID', 'built')
    const result = await resolveTenantBackend()
    expect(result.backend).toBeUndefined()
    expect('problem' in result && result.problem).toMatch(/^The build’s VITE_QLIK_\* settings are not usable: .*https/)
  })
})

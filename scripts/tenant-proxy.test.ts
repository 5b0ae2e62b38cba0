// @vitest-environment node
import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { assertNoCredentialInBundleEnv, isCrossSiteRequest, readProxyEnv } from './tenant-proxy'

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
})

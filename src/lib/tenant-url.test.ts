import { describe, expect, it } from 'vitest'
import { parseTenantOrigin } from './tenant-url'

describe('parseTenantOrigin', () => {
  it.each([
    ['example.eu.qlikcloud.com', 'https://example.eu.qlikcloud.com'],
    ['https://example.eu.qlikcloud.com', 'https://example.eu.qlikcloud.com'],
    ['  https://Example.EU.qlikcloud.com/  ', 'https://example.eu.qlikcloud.com'],
    ['https://tenant.example.com:8443', 'https://tenant.example.com:8443'],
    ['http://127.0.0.1:9191', 'http://127.0.0.1:9191'],
    ['http://localhost:9191/', 'http://localhost:9191'],
  ])('accepts %s as %s', (input, origin) => {
    expect(parseTenantOrigin(input)).toMatchObject({ ok: true, origin })
  })

  it.each([
    ['', /is empty/],
    ['http://example.eu.qlikcloud.com', /must use https/],
    ['ftp://example.eu.qlikcloud.com', /must start with https/],
    ['https://example.eu.qlikcloud.com/api/v1', /without a path/],
    ['https://example.eu.qlikcloud.com/?x=1', /without a path/],
    ['https://user:pw@example.eu.qlikcloud.com', /user name or password/],
    ['https://tenant', /full host name/],
    ['https://exa mple.com', /not a valid URL/],
  ])('rejects %j with a specific message', (input, message) => {
    const result = parseTenantOrigin(input)
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.error).toMatch(message)
  })

  it('names the field it checks', () => {
    const result = parseTenantOrigin('http://x.example.com', 'QLIK_TENANT_URL')
    expect(result.ok ? '' : result.error).toMatch(/^QLIK_TENANT_URL must use https/)
  })
})

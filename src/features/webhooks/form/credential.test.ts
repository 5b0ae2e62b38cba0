import { describe, expect, it } from 'vitest'
import { credentialWarning } from './credential'

describe('credentialWarning', () => {
  it.each([
    ['Authorization', 'Bearer abc.def'],
    ['X-Custom', 'Basic dXNlcjpwYXNz'],
    ['X-Custom', 'token 1234'],
    ['X-Api-Key', 'anything'],
    ['X-Auth-Token', 'short'],
    ['X-Session', 'abc'],
    ['X-Custom', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig'],
    ['X-Custom', 'sk_live_0123456789abcdef'],
    ['X-Custom', 'ghp_0123456789abcdefghijABCDEFGHIJ'],
    ['X-Custom', 'xoxb-1234567890-abcdef'],
    ['X-Custom', 'AKIAIOSFODNN7EXAMPLE'],
    ['X-Custom', 'f3a9c2e17b8d4a6f9e0c1b2d3a4f5e6d'],
  ])('warns about %s: %s', (name, value) => {
    expect(credentialWarning(name, value)).toMatch(/may be a credential.*Tick Encrypt/)
  })

  it.each([
    ['X-Team', 'analytics'],
    ['Accept', 'application/json'],
    ['X-Catalog-Version', '3'],
    ['X-Source', 'qlik-cloud'],
    ['X-Long-Words', 'a rather long value with spaces 12345'],
    ['Authorization', ''],
    ['X-Request-Purpose', 'nightly-reload-notifications'],
  ])('does not warn about %s: %s', (name, value) => {
    expect(credentialWarning(name, value)).toBeNull()
  })

  it('names the reason', () => {
    expect(credentialWarning('X-Custom', 'Bearer x')).toContain('authentication scheme')
    expect(credentialWarning('X-Api-Key', 'v')).toContain('"X-Api-Key"')
  })
})

// Where a Qlik Cloud tenant lives. Tenants are only reachable over HTTPS; the
// one exception is a stand-in tenant on this machine (the mock server on
// 127.0.0.1 or localhost), which serves plain HTTP.

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

export type TenantOrigin = { ok: true; origin: string; host: string } | { ok: false; error: string }

/**
 * Reads a tenant address as a person types it (`example.eu.qlikcloud.com`,
 * `https://example.eu.qlikcloud.com/`) and returns its origin, or a message
 * that says what is wrong with it.
 */
export function parseTenantOrigin(input: string, label = 'The tenant address'): TenantOrigin {
  const text = input.trim()
  if (!text) return { ok: false, error: `${label} is empty; give the tenant's address, e.g. https://example.eu.qlikcloud.com.` }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    return { ok: false, error: `${label} "${text}" is not a valid URL.` }
  }
  if (url.username || url.password) return { ok: false, error: `${label} must not contain a user name or password.` }
  if (url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    return { ok: false, error: `${label} must be the tenant's origin only (scheme and host), without a path: ${url.origin}` }
  }
  const local = LOCAL_HOSTS.has(url.hostname)
  if (url.protocol === 'http:' && !local) {
    return { ok: false, error: `${label} must use https:// (plain http is allowed only for a stand-in on 127.0.0.1 or localhost).` }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: `${label} must start with https://, got "${url.protocol}".` }
  }
  if (!local && !url.hostname.includes('.')) {
    return { ok: false, error: `${label} must be a full host name such as example.eu.qlikcloud.com, got "${url.hostname}".` }
  }
  return { ok: true, origin: url.origin, host: url.host }
}

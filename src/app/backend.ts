// Which API the console talks to. The mock and the tenant builds are fixed at
// build time (__BACKEND__); within a tenant build, the connection is chosen at
// start: saved settings, then the build's VITE_QLIK_* values, then the local
// proxy if the server that served the page is one.

export type OAuthConfig = {
  /** Tenant origin, e.g. https://example.eu.qlikcloud.com. */
  origin: string
  host: string
  /** Client id of a single-page-app OAuth client; public by design. */
  clientId: string
  redirectUri: string
}

export type Backend =
  | { kind: 'mock' }
  /** The local dev/preview server forwards `/api` to `host` and adds the API key itself. */
  | { kind: 'proxy'; host: string }
  | { kind: 'oauth'; config: OAuthConfig; source: 'build' | 'settings' }

/** Identifies a backend (and tenant and client): caches are never shared across two ids. */
export function backendId(backend: Backend): string {
  switch (backend.kind) {
    case 'mock':
      return 'mock'
    case 'proxy':
      return `proxy:${backend.host}`
    case 'oauth':
      return `oauth:${backend.config.origin}:${backend.config.clientId}`
  }
}

export function backendLabel(backend: Backend): string {
  switch (backend.kind) {
    case 'mock':
      return 'Built-in mock tenant'
    case 'proxy':
      return `${backend.host} (local proxy)`
    case 'oauth':
      return backend.config.host
  }
}

export type OAuthInput = { host: string; clientId: string; redirectUri: string }
const SETTINGS_KEY = 'qlik-webhooks-console.connection'

/** Saved connection settings: tenant, client id and redirect URI only, none of them secret. */
export function loadSavedOAuthInput(): OAuthInput | undefined {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null')
    if (value && typeof value === 'object' && 'host' in value && 'clientId' in value && 'redirectUri' in value) {
      const { host, clientId, redirectUri } = value as Record<string, unknown>
      if (typeof host === 'string' && typeof clientId === 'string' && typeof redirectUri === 'string')
        return { host, clientId, redirectUri }
    }
  } catch {
    // unreadable settings count as none
  }
  return undefined
}

export function saveOAuthInput(input: OAuthInput | undefined): void {
  if (input) localStorage.setItem(SETTINGS_KEY, JSON.stringify(input))
  else localStorage.removeItem(SETTINGS_KEY)
}

export function buildOAuthInput(): OAuthInput | undefined {
  const { VITE_QLIK_HOST: host, VITE_QLIK_CLIENT_ID: clientId, VITE_QLIK_REDIRECT_URI: redirectUri } = import.meta.env
  return host && clientId ? { host, clientId, redirectUri: redirectUri ?? '' } : undefined
}

/** Asks the server that served this page whether it is the local tenant proxy (it answers with the host only). */
async function probeProxy(): Promise<string | undefined> {
  try {
    const response = await fetch('/__tenant-proxy', { headers: { Accept: 'application/json' }, cache: 'no-store' })
    if (!response.ok || !response.headers.get('Content-Type')?.includes('application/json')) return undefined
    const body: unknown = await response.json()
    return body && typeof body === 'object' && 'tenant' in body && typeof body.tenant === 'string' ? body.tenant : undefined
  } catch {
    return undefined
  }
}

export type Resolution =
  | { backend: Backend }
  /** No usable connection: the settings screen asks for one; `problem` says why the configured one was refused. */
  | { backend: undefined; problem?: string; initial?: OAuthInput }

export async function resolveTenantBackend(): Promise<Resolution> {
  const saved = loadSavedOAuthInput()
  const built = buildOAuthInput()
  for (const [input, source] of [
    [saved, 'settings'],
    [built, 'build'],
  ] as const) {
    if (!input) continue
    // Checking OAuth settings is needed only when there are some: the proxy's start does without it.
    const { parseOAuthInput } = await import('./oauth-input')
    const parsed = parseOAuthInput(input)
    if (parsed.ok) return { backend: { kind: 'oauth', config: parsed.config, source } }
    const where = source === 'build' ? 'The build’s VITE_QLIK_* settings' : 'The saved connection settings'
    return { backend: undefined, initial: input, problem: `${where} are not usable: ${Object.values(parsed.errors).join(' ')}` }
  }
  const proxied = await probeProxy()
  if (proxied) return { backend: { kind: 'proxy', host: proxied } }
  return { backend: undefined }
}

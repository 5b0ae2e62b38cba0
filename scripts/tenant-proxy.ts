// The local way to reach a real tenant: the Vite dev or preview server
// forwards `/api` to QLIK_TENANT_URL and adds QLIK_API_KEY on the way. The
// key lives only in this Node process: it is not VITE_-prefixed, so Vite
// never exposes it to `import.meta.env`, and it is never printed.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Connect, Plugin, ProxyOptions } from 'vite'
import { parseTenantOrigin } from '../src/lib/tenant-url.ts'

/** Answers the console's question "which tenant is behind this server?" (the host only). */
export const PROXY_INFO_PATH = '/__tenant-proxy'

/**
 * The paths the proxy forwards with the API key, and the cross-site guard
 * checks: one pattern for both, so that nothing is forwarded unguarded
 * (a plain '/api' key would also forward '/api%2F…' or '/apiv1').
 */
export const FORWARDED_PATH = /^\/api\//

export type TenantProxy = { proxy: Record<string, ProxyOptions>; plugin: Plugin }

const KEY_LIKE = /API_?KEY|SECRET|TOKEN|PASSWORD/i

/**
 * Refuses to build or serve when a credential would reach the bundle: every
 * `VITE_*` variable is inlined into the JavaScript that browsers download.
 */
export function assertNoCredentialInBundleEnv(env: Record<string, string | undefined>): void {
  const apiKey = env.QLIK_API_KEY
  const leaking = Object.entries(env)
    .filter(([name, value]) => name.startsWith('VITE_') && value && (KEY_LIKE.test(name) || (apiKey && value.includes(apiKey))))
    .map(([name]) => name)
  if (leaking.length) {
    throw new Error(
      `${leaking.join(', ')}: VITE_ variables are compiled into the browser bundle, so they must not hold an API key, secret or token. ` +
        'Give the key to the local proxy as QLIK_API_KEY instead (see README, "Real tenant").',
    )
  }
}

/** Reads QLIK_TENANT_URL and QLIK_API_KEY, or throws a message that says what to set. */
export function readProxyEnv(env: Record<string, string | undefined>): { origin: string; host: string; apiKey: string } {
  const missing = ['QLIK_TENANT_URL', 'QLIK_API_KEY'].filter((name) => !env[name]?.trim())
  if (missing.length) {
    throw new Error(
      `Tenant mode needs ${missing.join(' and ')}. Example:\n` +
        '  QLIK_TENANT_URL=https://example.eu.qlikcloud.com QLIK_API_KEY=<your API key> npm run dev:tenant\n' +
        '(or put them in .env.tenant.local, which git ignores). To serve a build that signs in with OAuth instead, ' +
        'use `npx vite preview --outDir dist-tenant`.',
    )
  }
  const parsed = parseTenantOrigin(env.QLIK_TENANT_URL!, 'QLIK_TENANT_URL')
  if (!parsed.ok) throw new Error(parsed.error)
  return { origin: parsed.origin, host: parsed.host, apiKey: env.QLIK_API_KEY!.trim() }
}

/**
 * A browser sends `Origin` with every write and `Sec-Fetch-Site` with every
 * request; another site's page must not be able to use this server (and the
 * key it adds) against the tenant. The origin must be this server's own:
 * scheme, host and port (`https://localhost:5173` is another origin than
 * `http://localhost:5173`).
 */
export function isCrossSiteRequest(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site']
  if (site === 'cross-site' || site === 'same-site') return true
  const origin = req.headers.origin
  if (!origin) return false
  const scheme = (req.socket as { encrypted?: boolean } | undefined)?.encrypted ? 'https' : 'http'
  try {
    return new URL(origin).origin !== new URL(`${scheme}://${req.headers.host ?? ''}`).origin
  } catch {
    return true
  }
}

export type NormalisedPath = { ok: true; url: string } | { ok: false; reason: string }

/**
 * The path as the tenant will read it, so that the guard judges what is
 * forwarded: percent-escapes decoded, `.` and `..` segments resolved
 * (`/api/%2e%2e/__mock/reset` is `/__mock/reset`), each segment encoded
 * again. Refused: backslashes and encoded slashes (servers disagree about
 * them), NUL and control characters, escapes that do not decode, and
 * double escapes (`%252e`), which a second decoding would turn into dots.
 * The query string is passed on as it is.
 */
export function normaliseRequestPath(rawUrl: string): NormalisedPath {
  const queryAt = rawUrl.indexOf('?')
  const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt)
  const query = queryAt === -1 ? '' : rawUrl.slice(queryAt)
  if (!path.startsWith('/')) return { ok: false, reason: 'The path must start with "/".' }
  if (/\\|%5c/i.test(path)) return { ok: false, reason: 'The path must not contain a backslash.' }
  if (/%2f/i.test(path)) return { ok: false, reason: 'The path must not contain an encoded slash (%2F).' }
  const resolved: string[] = []
  const segments = path.slice(1).split('/')
  for (const [index, raw] of segments.entries()) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return { ok: false, reason: 'The path has a percent-escape that does not decode.' }
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(segment)) return { ok: false, reason: 'The path must not contain control characters.' }
    if (/%[0-9a-f]{2}/i.test(segment)) return { ok: false, reason: 'The path must not contain a double percent-escape.' }
    const last = index === segments.length - 1
    if (segment === '.' || segment === '..') {
      if (segment === '..') resolved.pop()
      // "/a/.." names the folder "/", as "/a/../" does.
      if (last) resolved.push('')
      continue
    }
    resolved.push(encodeURIComponent(segment).replace(/%(40|3A|24|2C|3B|3D|2B|26)/gi, (escape) => decodeURIComponent(escape)))
  }
  return { ok: true, url: `/${resolved.join('/')}${query}` }
}

const refuse = (res: ServerResponse, status: number, code: string, detail: string) => {
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json')
  res.end(JSON.stringify({ errors: [{ code, title: status === 400 ? 'Bad request' : 'Forbidden', detail }] }))
}

function guard(): Connect.NextHandleFunction {
  return (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    const raw = req.url ?? '/'
    // Only what could be forwarded is judged: the console's own pages and assets pass untouched.
    if (!/^\/api/i.test(raw) && !/%2e|\/\.\.?(\/|$|\?)|\\|%5c/i.test(raw)) return next()
    const normalised = normaliseRequestPath(raw)
    if (!normalised.ok) return refuse(res, 400, 'PROXY-400', `${normalised.reason} The local tenant proxy forwards plain /api/ paths only.`)
    const forwarded = FORWARDED_PATH.test(normalised.url)
    if (/^\/api(\/|$|\?|%)/i.test(raw) && !forwarded) {
      return refuse(
        res,
        400,
        'PROXY-400',
        'The path leaves /api/ once its dot segments are resolved; the local tenant proxy does not forward it.',
      )
    }
    if (forwarded && isCrossSiteRequest(req)) {
      return refuse(res, 403, 'PROXY-403', 'The local tenant proxy answers only the console it serves.')
    }
    // The proxy behind this forwards req.url: the normalised path, never the raw one.
    req.url = normalised.url
    next()
  }
}

export function tenantProxy(env: Record<string, string | undefined>): TenantProxy {
  const { origin, host, apiKey } = readProxyEnv(env)
  const info = (): Connect.NextHandleFunction => (req, res, next) => {
    if (req.url !== PROXY_INFO_PATH) return next()
    res.setHeader('Content-Type', 'application/json')
    res.setHeader('Cache-Control', 'no-store')
    res.end(JSON.stringify({ tenant: host }))
  }
  const announce = (logger: { info: (message: string) => void }) =>
    logger.info(`  ➜  Tenant: /api is forwarded to ${origin}, with the API key from QLIK_API_KEY added by this server`)
  return {
    proxy: {
      // Vite reads a key that starts with ^ as a regular expression.
      [FORWARDED_PATH.source]: {
        target: origin,
        changeOrigin: true,
        secure: true,
        configure(proxy) {
          proxy.on('proxyReq', (proxyReq) => {
            // A server-to-server call: the browser's own credentials and origin stay here.
            for (const header of ['cookie', 'origin', 'referer', 'authorization']) proxyReq.removeHeader(header)
            proxyReq.setHeader('Authorization', `Bearer ${apiKey}`)
          })
          proxy.on('proxyRes', (proxyRes) => {
            delete proxyRes.headers['set-cookie']
          })
        },
      },
    },
    plugin: {
      name: 'tenant-proxy',
      configureServer(server) {
        server.middlewares.use(guard())
        server.middlewares.use(info())
        announce(server.config.logger)
      },
      configurePreviewServer(server) {
        server.middlewares.use(guard())
        server.middlewares.use(info())
        announce(server.config.logger)
      },
    },
  }
}

// The two real-tenant builds the end-to-end journeys run against; plain JS,
// so that scripts/test.mjs can build them before Playwright starts.

export const MOCK_SERVER = 'http://127.0.0.1:9191'
export const OAUTH_CONSOLE = 'http://127.0.0.1:4188'
export const OAUTH_CLIENT_ID = 'webhooks-console-e2e'
export const OAUTH_REDIRECT_URI = `${OAUTH_CONSOLE}/`
export const PROXY_DIST = '.out/tenant-proxy'
export const OAUTH_DIST = '.out/tenant-oauth'

// The mock server's demo key (mocks/auth.ts). The proxy build is made with
// it set as QLIK_API_KEY, so that a leak into the bundle would show.
const DEMO_API_KEY = 'qlik-mock-demo-key'

/** Environment of each build, for `vite build --mode tenant`. */
export const tenantBuilds = [
  { name: 'proxy', env: { DIST_DIR: PROXY_DIST, QLIK_TENANT_URL: MOCK_SERVER, QLIK_API_KEY: DEMO_API_KEY } },
  {
    name: 'OAuth',
    env: {
      DIST_DIR: OAUTH_DIST,
      VITE_QLIK_HOST: MOCK_SERVER,
      VITE_QLIK_CLIENT_ID: OAUTH_CLIENT_ID,
      VITE_QLIK_REDIRECT_URI: OAUTH_REDIRECT_URI,
    },
  },
]

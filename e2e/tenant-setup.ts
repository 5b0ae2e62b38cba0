import type { PlaywrightTestConfig } from '@playwright/test'
import { DEMO_API_KEY } from '../mocks/auth'
import { MOCK_SERVER, OAUTH_CLIENT_ID, OAUTH_CONSOLE, OAUTH_DIST, OAUTH_REDIRECT_URI, PROXY_DIST } from './tenant-builds.mjs'

// The real-tenant journeys: the tenant build behind the local proxy, and the
// tenant build that signs in with OAuth, both against the mock server (with
// its OAuth stand-in) as the tenant, over real HTTP.

export { MOCK_SERVER, OAUTH_CONSOLE, PROXY_DIST } from './tenant-builds.mjs'
export const PROXY_CONSOLE = 'http://127.0.0.1:4184'
export const WRONG_KEY_CONSOLE = 'http://127.0.0.1:4187'

const preview = (url: string, dist: string, env: Record<string, string>, mode?: string) => ({
  command: `npx vite preview ${mode ? `--mode ${mode} ` : ''}--host 127.0.0.1 --port ${new URL(url).port} --strictPort --outDir ${dist}`,
  url,
  env: { DIST_DIR: dist, ...env },
  reuseExistingServer: false,
  timeout: 30_000,
})

export const tenantWebServers: Extract<PlaywrightTestConfig['webServer'], unknown[]> = [
  {
    command: 'npm run mock:server',
    url: `${MOCK_SERVER}/oauth/authorize`,
    env: { MOCK_PORT: new URL(MOCK_SERVER).port, MOCK_OAUTH_CLIENT_ID: OAUTH_CLIENT_ID, MOCK_OAUTH_REDIRECT_URIS: OAUTH_REDIRECT_URI },
    // While working on the journeys, a mock server already running on that port may be kept.
    reuseExistingServer: process.env.TENANT_E2E_REUSE_MOCK === '1',
    timeout: 30_000,
  },
  preview(PROXY_CONSOLE, PROXY_DIST, { QLIK_TENANT_URL: MOCK_SERVER, QLIK_API_KEY: DEMO_API_KEY }, 'tenant'),
  preview(WRONG_KEY_CONSOLE, PROXY_DIST, { QLIK_TENANT_URL: MOCK_SERVER, QLIK_API_KEY: 'not-the-demo-key' }, 'tenant'),
  preview(OAUTH_CONSOLE, OAUTH_DIST, {}),
]

export const tenantProjects: NonNullable<PlaywrightTestConfig['projects']> = [
  { name: 'tenant-proxy', testMatch: /tenant-proxy\.spec\.ts/, use: { baseURL: PROXY_CONSOLE } },
  { name: 'tenant-oauth', testMatch: /tenant-oauth\.spec\.ts/, use: { baseURL: OAUTH_CONSOLE } },
  // It switches the shared mock server's Core API off for a while: after the others, never beside them.
  {
    name: 'tenant-core',
    testMatch: /tenant-core\.spec\.ts/,
    use: { baseURL: PROXY_CONSOLE },
    dependencies: ['tenant-proxy', 'tenant-oauth'],
  },
]

import { defineConfig, devices } from '@playwright/test'
import { tenantProjects, tenantWebServers } from './e2e/tenant-setup'
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs'

// End-to-end tests run against the built console (vite preview) with the
// mock tenant on, in headless Chromium: CHROME_PATH, else Debian's
// /usr/bin/chromium, else Playwright's own browser if one is installed.
const port = Number(process.env.PORT ?? 4173)
const distDir = process.env.DIST_DIR ?? 'dist'
const executablePath = chromiumPath()
// The real-tenant journeys need their own builds and servers (e2e/tenant-setup.ts):
// TENANT_E2E=1 adds them to the mock demo's, TENANT_E2E=only runs them alone.
const tenantE2e = process.env.TENANT_E2E
const mockDemo = tenantE2e !== 'only'

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: true,
  // CI machines are small and shared: a journey that only lost a race with a
  // cold start is run once more, and the report names it flaky. Locally, never.
  retries: process.env.CI ? 1 : 0,
  expect: { timeout: process.env.CI ? 10_000 : 5_000 },
  workers: 2,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [...(mockDemo ? [{ name: 'mock', testIgnore: /tenant-.*\.spec\.ts/ }] : []), ...(tenantE2e ? tenantProjects : [])],
  webServer: [
    ...(mockDemo
      ? [
          {
            command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${distDir}`,
            url: `http://127.0.0.1:${port}`,
            reuseExistingServer: false,
            timeout: 30_000,
          },
        ]
      : []),
    ...(tenantE2e ? tenantWebServers : []),
  ],
})

import { SEED_WEBHOOKS } from '../mocks/seed'
import { expect, expectNoAxeViolations, test } from './fixtures'

// The console speaks Qlik's Core webhooks API, and falls back to the
// deprecated v1 on a tenant without it (the mock's coreApi: false).

test('every API request goes to /api/core/webhooks with qlik-api-version 2026-11; a filter change is a PATCH of /filter', async ({
  page,
}) => {
  const api: { method: string; path: string; version: string | null; body: string | null }[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    // The webhooks API's requests; the Users API (people by name) has no Core version.
    if (url.pathname.startsWith('/api/') && url.pathname.includes('/webhooks'))
      api.push({
        method: request.method(),
        path: url.pathname,
        version: request.headers()['qlik-api-version'] ?? null,
        body: request.postData(),
      })
  })
  await page.goto('/?edit=wh-reload-monitor')
  const dialog = page.getByRole('dialog', { name: 'Edit webhook' })
  const filter = dialog.getByLabel('Filter', { exact: true })
  await expect(filter).toHaveValue(SEED_WEBHOOKS.find((w) => w.id === 'wh-reload-monitor')!.filter!)
  await filter.fill('data.status eq "ok"')
  await expect(dialog.getByText(/Save replaces the whole webhook/)).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('table', { name: 'Webhooks' })).toBeVisible()
  expect(api.length).toBeGreaterThan(2)
  expect(api.filter((r) => !r.path.startsWith('/api/core/webhooks') || r.version !== '2026-11')).toEqual([])
  const writes = api.filter((r) => r.method !== 'GET')
  expect(writes).toEqual([
    {
      method: 'PATCH',
      path: '/api/core/webhooks/wh-reload-monitor',
      version: '2026-11',
      body: JSON.stringify([{ op: 'replace', path: '/filter', value: 'data.status eq "ok"' }]),
    },
  ])
  await expect(page.getByText('Webhooks API v1 (deprecated)')).toHaveCount(0)
})

test('with Core switched off the console falls back to v1, says so, and shows a dismissible deprecation notice', async ({ page }) => {
  await page.goto('/')
  await page.waitForFunction(() => 'mockTenant' in window)
  await page.evaluate(() => window.mockTenant.configure({ coreApi: false }))
  const paths: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname.startsWith('/api/')) paths.push(`${request.method()} ${url.pathname}`)
  })
  await page.reload()
  const table = page.getByRole('table', { name: 'Webhooks' })
  await expect(table.getByRole('row')).toHaveCount(SEED_WEBHOOKS.length + 1)
  await expect(page.getByText('Webhooks API v1 (deprecated)')).toBeVisible()
  const notice = page.getByRole('status').filter({ hasText: 'Listing webhooks (GET /api/v1/webhooks) is deprecated' })
  await expect(notice).toContainText('3 November 2026')
  await expect(notice).toContainText('on or after 1 November 2027')
  await expect(notice.getByRole('link', { name: 'What replaces it' })).toHaveAttribute('href', 'https://qlik.dev/apis/rest/core/webhooks/')
  // Only the first reads, sent together before the first answer, went to Core.
  expect(paths.filter((p) => p.includes('/api/core/')).every((p) => p.startsWith('GET /api/core/webhooks'))).toBe(true)
  expect(paths.findLastIndex((p) => p.includes('/api/core/'))).toBeLessThan(paths.length - 1)
  expect(paths.some((p) => p === 'GET /api/v1/webhooks')).toBe(true)
  await expectNoAxeViolations(page)
  await notice.getByRole('button', { name: 'Dismiss the notice about listing webhooks' }).click()
  await expect(notice).toHaveCount(0)
  await expect(page.getByText('Webhooks API v1 (deprecated)')).toBeVisible()
})

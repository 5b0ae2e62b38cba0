import type { Page, Request, Route } from '@playwright/test'
import { DEMO_API_KEY } from '../mocks/auth'
import { SEED_WEBHOOKS } from '../mocks/seed'
import { expect, expectNoAxeViolations, test, webhooksTable, webhookRow } from './fixtures'
import { MOCK_SERVER } from './tenant-setup'

// The Core webhooks API end to end, on the tenant build behind the local
// proxy with `npm run mock:server` as the tenant (project tenant-core): what
// the browser sends, and what reaches the tenant after the proxy (the mock
// server's /__mock/requests), are both checked.
//
// The answers altered in the browser are altered here too, with page.route:
// in the demo build the mock's service worker answers the page's fetches,
// and Playwright's routes do not see requests a service worker answers
// (blocking service workers would take the mock away). On this build every
// request goes over the network, so a route sits between the console and the
// tenant as a proxy would, and alters the tenant's real answer.
//
// The project runs after tenant-proxy and tenant-oauth (tenant-setup.ts): a
// test here switches the shared server's Core API off, and puts it back.

// Axe scans of a page of rows take long on a busy machine (the scan adds its own 30 s).
test.describe.configure({ mode: 'serial', timeout: 120_000 })

const asTenant = { Authorization: `Bearer ${DEMO_API_KEY}` }

type Received = { seq: number; method: string; path: string; query: string; apiVersion: string | null; status: number }

/** The API requests the mock server received after `after`, as it saw them. */
async function received(page: Page, after = 0): Promise<{ data: Received[]; lastSeq: number }> {
  const response = await page.request.get(`${MOCK_SERVER}/__mock/requests?after=${after}`, { headers: asTenant })
  expect(response.status()).toBe(200)
  return (await response.json()) as { data: Received[]; lastSeq: number }
}

async function configureTenant(page: Page, patch: Record<string, unknown>): Promise<void> {
  const response = await page.request.post(`${MOCK_SERVER}/__mock/configure`, { headers: asTenant, data: patch })
  expect(response.status(), await response.text()).toBe(200)
}

/** The webhooks API's requests; the Users API (people by name) has no Core version. */
const isWebhooksApi = (path: string) => path.startsWith('/api/') && path.includes('/webhooks')

function recordWebhooksRequests(page: Page): Request[] {
  const seen: Request[] = []
  page.on('request', (request) => {
    if (isWebhooksApi(new URL(request.url()).pathname)) seen.push(request)
  })
  return seen
}

/** For what shows once a page's first answers are in: the machine this runs on is shared and often busy. */
const loaded = { timeout: 20_000 }

test.beforeAll(async ({ request }) => {
  const reset = await request.post(`${MOCK_SERVER}/__mock/reset`, { headers: asTenant })
  expect(reset.ok()).toBe(true)
})

// Whatever a test did to the shared tenant's Core API, the next one (and the other projects) find it on.
// The answers `alter` is still rewriting when a test ends (the history reads on in the background) are let go.
test.afterEach(async ({ page, request }) => {
  await page.unrouteAll({ behavior: 'ignoreErrors' })
  const restored = await request.post(`${MOCK_SERVER}/__mock/configure`, { headers: asTenant, data: { coreApi: true } })
  expect(restored.status()).toBe(200)
})

test('through the proxy, every webhooks request reaches the tenant on /api/core/webhooks with qlik-api-version 2026-11; a filter change is a PATCH of /filter', async ({
  page,
}) => {
  const { lastSeq } = await received(page)
  const browser = recordWebhooksRequests(page)
  await page.goto('/?edit=wh-reload-monitor')
  const dialog = page.getByRole('dialog', { name: 'Edit webhook' })
  const filter = dialog.getByLabel('Filter', { exact: true })
  await expect(filter).toHaveValue(SEED_WEBHOOKS.find((w) => w.id === 'wh-reload-monitor')!.filter!, loaded)
  await filter.fill('data.status eq "ok"')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(webhookRow(page, SEED_WEBHOOKS.find((w) => w.id === 'wh-reload-monitor')!.name!)).toHaveCount(1)
  await expect(page.getByText('Updating webhooks…')).toHaveCount(0)
  await expect(page.getByText('Loading health…')).toHaveCount(0, loaded)

  // What the browser sent.
  expect(browser.length).toBeGreaterThan(2)
  const sent = await Promise.all(
    browser.map(async (r) => ({
      method: r.method(),
      path: new URL(r.url()).pathname,
      version: await r.headerValue('qlik-api-version'),
    })),
  )
  expect(sent.filter((r) => !r.path.startsWith('/api/core/webhooks') || r.version !== '2026-11')).toEqual([])
  const writes = browser.filter((r) => r.method() !== 'GET')
  expect(writes.map((r) => `${r.method()} ${new URL(r.url()).pathname} ${r.postData()}`)).toEqual([
    `PATCH /api/core/webhooks/wh-reload-monitor ${JSON.stringify([{ op: 'replace', path: '/filter', value: 'data.status eq "ok"' }])}`,
  ])

  // What reached the tenant, after the proxy: the same requests, nothing on v1, the header intact.
  await expect
    .poll(async () => (await received(page, lastSeq)).data.filter((r) => isWebhooksApi(r.path)).length)
    .toBeGreaterThanOrEqual(browser.length)
  const atTenant = (await received(page, lastSeq)).data.filter((r) => isWebhooksApi(r.path))
  expect(atTenant.filter((r) => !r.path.startsWith('/api/core/webhooks') || r.apiVersion !== '2026-11')).toEqual([])
  expect(atTenant.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
    'PATCH /api/core/webhooks/wh-reload-monitor 204',
  ])
  const sentPaths = browser.map((r) => `${r.method()} ${new URL(r.url()).pathname}${new URL(r.url()).search}`).sort()
  expect(atTenant.map((r) => `${r.method} ${r.path}${r.query}`).sort()).toEqual(sentPaths)

  const stored = await page.request.get(`${MOCK_SERVER}/api/core/webhooks/wh-reload-monitor`, { headers: asTenant })
  expect(await stored.json()).toMatchObject({ filter: 'data.status eq "ok"' })
  await expect(page.getByText('Webhooks API v1 (deprecated)')).toHaveCount(0)
})

test('with the tenant’s Core API off, the console falls back to v1 through the proxy, says so and shows the deprecation notice', async ({
  page,
}) => {
  await configureTenant(page, { coreApi: false })
  const { lastSeq } = await received(page)
  await page.goto('/')
  await expect(webhooksTable(page).getByRole('row')).toHaveCount(SEED_WEBHOOKS.length + 1, loaded)
  await expect(page.getByText('Webhooks API v1 (deprecated)')).toBeVisible()
  const notice = page.getByRole('status').filter({ hasText: 'Listing webhooks (GET /api/v1/webhooks) is deprecated' })
  await expect(notice).toContainText('on or after 1 November 2027')
  await expect(notice.getByRole('link', { name: 'What replaces it' })).toHaveAttribute('href', 'https://qlik.dev/apis/rest/core/webhooks/')
  await expect(page.getByText('Loading health…')).toHaveCount(0, loaded)

  // At the tenant: Core answered 404 to the first reads, everything after went to v1.
  const atTenant = (await received(page, lastSeq)).data.filter((r) => isWebhooksApi(r.path))
  const core = atTenant.filter((r) => r.path.startsWith('/api/core/'))
  expect(core.length).toBeGreaterThan(0)
  expect(core.every((r) => r.method === 'GET' && r.status === 404)).toBe(true)
  expect(atTenant.some((r) => r.method === 'GET' && r.path === '/api/v1/webhooks' && r.status === 200)).toBe(true)
  expect(atTenant.at(-1)!.path).toMatch(/^\/api\/v1\/webhooks/)
  await expectNoAxeViolations(page)

  await notice.getByRole('button', { name: 'Dismiss the notice about listing webhooks' }).click()
  await expect(notice).toHaveCount(0)
  await expect(page.getByText('Webhooks API v1 (deprecated)')).toBeVisible()
})

/** Alters the JSON of the tenant's real answers to the requests `matches` picks. */
async function alter(page: Page, matches: (url: URL) => boolean, change: (body: Record<string, unknown>) => void): Promise<void> {
  await page.route(
    (url) => matches(url),
    async (route: Route) => {
      const response = await route.fetch()
      const body = (await response.json()) as Record<string, unknown>
      change(body)
      await route.fulfill({ response, json: body })
    },
  )
}

const webhookList = (url: URL) => url.pathname === '/api/core/webhooks'
const listItems = (body: Record<string, unknown>) => body.data as Record<string, unknown>[]

test('a list without links shows its rows, with no further page to go to', async ({ page }) => {
  await alter(page, webhookList, (body) => delete body.links)
  await page.goto('/')
  await expect(webhooksTable(page).getByRole('row')).toHaveCount(SEED_WEBHOOKS.length + 1, loaded)
  await expect(page.getByText(`${SEED_WEBHOOKS.length} of 100 webhooks`)).toBeVisible()
  const pages = page.getByRole('navigation', { name: 'Pages of webhooks' })
  await expect(pages.getByRole('button', { name: 'Next' })).toHaveAttribute('aria-disabled', 'true')
  await expect(pages.getByRole('button', { name: 'Previous' })).toHaveAttribute('aria-disabled', 'true')
  await expect(page.getByRole('heading', { name: 'Could not load webhooks' })).toHaveCount(0)
})

test('a delivery list whose links are { "href": null } shows its deliveries, with nothing more to load', async ({ page }) => {
  await alter(
    page,
    (url) => /^\/api\/core\/webhooks\/wh-automation-catalog\/deliveries$/.test(url.pathname),
    (body) => (body.links = { self: { href: null }, next: { href: null }, prev: null }),
  )
  await page.goto('/?history=wh-automation-catalog')
  const history = page.getByRole('region', { name: /^Delivery history/ })
  await expect(history.getByRole('button', { name: /^Resend/ }).first()).toBeVisible(loaded)
  await expect(history.getByRole('button', { name: /Load more/ })).toHaveCount(0)
  await expect(history.getByRole('alert')).toHaveCount(0)
})

test('a webhook with an origin the console does not know is shown with that origin as text, and opens for editing', async ({ page }) => {
  const unknownOrigin = 'data-products'
  const isSlack = (url: URL) => url.pathname === '/api/core/webhooks/wh-slack-app-events'
  await alter(page, webhookList, (body) => {
    for (const item of listItems(body)) if (item.id === 'wh-slack-app-events') item.origin = unknownOrigin
  })
  await alter(page, isSlack, (body) => (body.origin = unknownOrigin))
  const slack = SEED_WEBHOOKS.find((w) => w.id === 'wh-slack-app-events')!.name!
  await page.goto('/')
  const row = webhookRow(page, slack)
  await expect(row).toContainText(unknownOrigin, loaded)
  await expect(webhooksTable(page).getByRole('row')).toHaveCount(SEED_WEBHOOKS.length + 1, loaded)
  await expectNoAxeViolations(page)

  await row.getByRole('button', { name: `More actions for ${slack}` }).click()
  await page.getByRole('menuitem', { name: 'Edit' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit webhook' })
  await expect(dialog.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(slack, loaded)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
})

test('a delivery with a status the console does not know is listed and opened with that status, saying it is unknown', async ({ page }) => {
  const unknownStatus = 'queued-for-retry'
  // The newest delivery of a short history (a long one makes the axe scans slow), wherever it is
  // listed (the history, the Health column's reads) and when it is opened.
  const altered = 'dl-teams-publish-0012'
  await alter(
    page,
    (url) => url.pathname === '/api/core/webhooks/wh-teams-publish/deliveries',
    (body) => {
      for (const item of listItems(body)) if (item.id === altered) item.status = unknownStatus
    },
  )
  await alter(
    page,
    (url) => url.pathname === `/api/core/webhooks/wh-teams-publish/deliveries/${altered}`,
    (body) => (body.status = unknownStatus),
  )
  await page.goto('/?history=wh-teams-publish')
  const history = page.getByRole('region', { name: /^Delivery history/ })
  const row = history.getByRole('row').filter({ hasText: `Unknown status “${unknownStatus}”` })
  await expect(row).toHaveCount(1, loaded)
  await expect(history.getByRole('button', { name: /^Resend/ }).nth(1)).toBeVisible()
  await expectNoAxeViolations(page)

  await row.getByRole('button', { name: /^View payload/ }).click()
  const viewer = page.getByRole('dialog', { name: /^Delivery of / })
  await expect(viewer).toHaveAccessibleDescription(new RegExp(`Status “${unknownStatus}”`), loaded)
  await expect(viewer.getByRole('list', { name: 'Request body' })).toContainText('"data"')
})

test('a list item without an id becomes a row saying so, and the rest of the page works', async ({ page }) => {
  const broken = SEED_WEBHOOKS.find((w) => w.id === 'wh-teams-publish')!
  await alter(page, webhookList, (body) => {
    for (const item of listItems(body)) if (item.id === broken.id) delete item.id
  })
  await page.goto('/')
  const unreadable = webhooksTable(page)
    .getByRole('row')
    .filter({ hasText: /Could not read webhook \d+ of this page: its “id” is missing\./ })
  await expect(unreadable).toHaveCount(1, loaded)
  await expect(unreadable).toContainText('The API sent it, but the console cannot show it.')
  await expect(webhookRow(page, broken.name!)).toHaveCount(0)
  // Every other webhook is there and works: its history opens.
  await expect(webhooksTable(page).getByRole('row')).toHaveCount(SEED_WEBHOOKS.length + 1, loaded)
  const runs = SEED_WEBHOOKS.find((w) => w.id === 'wh-automation-runs')!.name!
  await webhookRow(page, runs).getByRole('button', { name: 'Show delivery history' }).click()
  await expect(
    page
      .getByRole('region', { name: /^Delivery history/ })
      .getByRole('button', { name: /^Resend/ })
      .first(),
  ).toBeVisible(loaded)
  await expectNoAxeViolations(page)
})

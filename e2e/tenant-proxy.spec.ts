import { readdirSync, readFileSync, statSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import type { Page, Request } from '@playwright/test'
import { DEMO_API_KEY } from '../mocks/auth'
import { expect, expectNoAxeViolations, test, webhooksTable, webhookRow } from './fixtures'
import { MOCK_SERVER, PROXY_CONSOLE, PROXY_DIST, WRONG_KEY_CONSOLE } from './tenant-setup'

// The tenant build behind `npm run preview:tenant`, with the mock server as
// the tenant: every call goes over real HTTP through the local proxy, which
// adds the API key; the browser never sees it.

test.describe.configure({ mode: 'serial' })

const tenantHost = new URL(MOCK_SERVER).host
const asTenant = { Authorization: `Bearer ${DEMO_API_KEY}` }

type WireWebhook = { id: string; name: string; url: string }
async function tenantWebhooks(page: Page): Promise<WireWebhook[]> {
  const response = await page.request.get(`${MOCK_SERVER}/api/v1/webhooks?limit=100`, { headers: asTenant })
  expect(response.status()).toBe(200)
  return ((await response.json()) as { data: WireWebhook[] }).data
}

/** Every API request the page makes, to check where it went and what it carried. */
function recordApiRequests(page: Page): Request[] {
  const seen: Request[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) seen.push(request)
  })
  return seen
}

test.beforeAll(async ({ request }) => {
  const reset = await request.post(`${MOCK_SERVER}/__mock/reset`, { headers: asTenant })
  expect(reset.ok()).toBe(true)
})

test('lists the tenant’s webhooks through the proxy; the browser sends no credential', async ({ page }) => {
  const requests = recordApiRequests(page)
  await page.goto('/')
  await expect(page.getByLabel('Backend')).toHaveText(`${tenantHost} (local proxy)`)
  const expected = await tenantWebhooks(page)
  await expect(webhooksTable(page).getByRole('row')).toHaveCount(Math.min(expected.length, 20) + 1)
  await expect(webhookRow(page, expected[0]!.name)).toHaveCount(1)
  await expectNoAxeViolations(page)

  expect(requests.length).toBeGreaterThan(0)
  for (const request of requests) {
    expect(new URL(request.url()).origin, 'API calls stay on the console’s origin').toBe(PROXY_CONSOLE)
    expect(await request.headerValue('authorization'), 'no Authorization header leaves the browser').toBeNull()
  }
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))
  expect(stored).not.toContain(DEMO_API_KEY)
})

test('creates, edits and deletes a webhook on the tenant over HTTP', async ({ page }) => {
  await page.goto('/')
  await expect(webhooksTable(page)).toBeVisible()
  const name = `Proxy journey ${Date.now()}`

  await page.getByRole('button', { name: 'Create new' }).first().click()
  const create = page.getByRole('dialog', { name: 'Create webhook' })
  await create.getByLabel('Name').fill(name)
  await create.getByLabel('URL').fill('https://hooks.example.com/proxy-journey')
  await create.getByRole('checkbox', { name: 'App created' }).check()
  await create.getByRole('button', { name: 'Create' }).click()
  await expect(create).toBeHidden()
  await expect(webhookRow(page, name)).toHaveCount(1)
  const created = (await tenantWebhooks(page)).find((w) => w.name === name)
  expect(created, 'the tenant has the new webhook').toMatchObject({ url: 'https://hooks.example.com/proxy-journey' })

  const renamed = `${name} (renamed)`
  await page.getByRole('button', { name: `More actions for ${name}` }).click()
  await page.getByRole('menuitem', { name: 'Edit' }).click()
  const edit = page.getByRole('dialog', { name: 'Edit webhook' })
  await expect(edit.getByLabel('Name')).toHaveValue(name)
  await edit.getByLabel('Name').fill(renamed)
  await edit.getByRole('button', { name: 'Save' }).click()
  await expect(edit).toBeHidden()
  await expect(webhookRow(page, renamed)).toHaveCount(1)
  expect((await tenantWebhooks(page)).find((w) => w.id === created!.id)?.name).toBe(renamed)

  await page.getByRole('button', { name: `More actions for ${renamed}` }).click()
  await page.getByRole('menuitem', { name: 'Delete' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
  await expect(webhookRow(page, renamed)).toHaveCount(0)
  expect(
    (await tenantWebhooks(page)).some((w) => w.id === created!.id),
    'the tenant no longer has it',
  ).toBe(false)
})

test('with a key the tenant refuses, the console says so and how to fix it', async ({ page }) => {
  await page.goto(`${WRONG_KEY_CONSOLE}/`)
  await expect(page.getByLabel('Backend')).toHaveText(`${tenantHost} (local proxy)`)
  const alert = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'The tenant refused the API key' }) })
  await expect(alert).toBeVisible()
  await expect(alert).toContainText('QLIK_API_KEY')
  await expect(webhooksTable(page)).toHaveCount(0)
  await expectNoAxeViolations(page)
  // Trying again without fixing the key ends in the same place.
  await alert.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('heading', { name: 'The tenant refused the API key' })).toBeVisible()
})

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

test('the built console holds no API key, and the server does not hand it out', async ({ page }) => {
  // The build was made with QLIK_API_KEY set to this very key (scripts/test.mjs).
  const files = filesUnder(PROXY_DIST)
  expect(files.some((f) => f.endsWith('.js'))).toBe(true)
  for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain(DEMO_API_KEY)

  const served: string[] = []
  page.on('response', async (response) => {
    if (new URL(response.url()).origin === PROXY_CONSOLE && !new URL(response.url()).pathname.startsWith('/api/')) {
      served.push(await response.text().catch(() => ''))
    }
  })
  await page.goto('/')
  await expect(webhooksTable(page)).toBeVisible()
  expect(served.length).toBeGreaterThan(2)
  for (const body of served) expect(body).not.toContain(DEMO_API_KEY)
  const info = await page.request.get('/__tenant-proxy')
  expect(await info.json()).toEqual({ tenant: tenantHost })
  // And no mock: no service worker answers in place of the tenant.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0)
  expect(files.some((f) => f.endsWith('mockServiceWorker.js'))).toBe(false)
})

test('the proxy refuses API calls from another site’s pages', async ({ request }) => {
  const response = await request.get('/api/v1/webhooks', {
    headers: { Origin: 'https://evil.example.com', 'Sec-Fetch-Site': 'cross-site' },
  })
  expect(response.status()).toBe(403)
  expect(await response.text()).not.toContain(DEMO_API_KEY)
})

test('paths outside /api/ never reach the tenant, however they are spelled', async ({ request }) => {
  const crossSite = { Origin: 'https://evil.example.com', 'Sec-Fetch-Site': 'cross-site' }
  for (const path of ['/api%2Fv1%2Fwebhooks', '/apiv1/webhooks', '/api?x=1']) {
    const response = await request.get(path, { headers: crossSite })
    // The tenant (here the mock server) answers its own JSON; anything it did not see is the console's page, a 404 or the proxy's refusal.
    const refusedByProxy = response.status() === 400 && (await response.text()).includes('PROXY-400')
    if (!refusedByProxy) expect(response.headers()['content-type'] ?? '', path).not.toContain('application/json')
  }
})

/** A request with its path exactly as written: Playwright's client would resolve "..". */
function rawRequest(method: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(PROXY_CONSOLE)
    const request = httpRequest({ host: hostname, port, method, path, headers: { 'Content-Type': 'application/json' } }, (response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    request.on('error', reject)
    request.end(method === 'POST' ? '{"match":{"method":"GET","path":"/api"},"status":500,"times":50}' : undefined)
  })
}

test('dot segments, encoded slashes and backslashes never carry the key out of /api/', async ({ page }) => {
  const paths = [
    '/api/../__mock/reset',
    '/api/%2e%2e/__mock/fail-next',
    '/api/%2E%2e/__mock/fail-next',
    '/api/.%2e/__mock/configure',
    '/api/v1/../../__mock/fail-next',
    '/api/..%2f__mock/fail-next',
    '/api/..%2F__mock%2Ffail-next',
    '/api/..\\__mock\\fail-next',
    '/api/%5c..%5c__mock/fail-next',
    '/api/%252e%252e/__mock/fail-next',
    '/api/../oauth/token',
  ]
  for (const path of paths) {
    const { status, body } = await rawRequest('POST', path)
    expect({ path, status }).toEqual({ path, status: 400 })
    expect(body, path).toContain('PROXY-400')
  }
  // No fault was injected and nothing reset: the tenant answers its list as before.
  expect((await tenantWebhooks(page)).length).toBeGreaterThan(0)
  const { status, body } = await rawRequest('GET', '/api/v1/./webhooks?limit=1')
  expect(status).toBe(200)
  expect(JSON.parse(body)).toMatchObject({ data: [expect.objectContaining({ id: expect.any(String) })] })
})

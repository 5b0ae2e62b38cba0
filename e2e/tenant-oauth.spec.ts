import type { Page } from '@playwright/test'
import { DEMO_API_KEY } from '../mocks/auth'
import { expect, expectNoAxeViolations, test, webhooksTable } from './fixtures'
import { MOCK_SERVER, OAUTH_CONSOLE } from './tenant-setup'

// The hosted console: a tenant build with VITE_QLIK_HOST / _CLIENT_ID /
// _REDIRECT_URI, signing in with authorization code + PKCE at the mock
// server's OAuth stand-in, then calling the API with the bearer token.

test.describe.configure({ mode: 'serial' })

const tenantHost = new URL(MOCK_SERVER).host

/** Bearer tokens the page sent to the tenant's API, in order. */
function recordBearerTokens(page: Page): string[] {
  const tokens: string[] = []
  page.on('request', async (request) => {
    const url = new URL(request.url())
    if (url.origin === MOCK_SERVER && url.pathname.startsWith('/api/')) {
      // Background reads (the Health column) may still be in flight when a test ends.
      const header = await request.headerValue('authorization').catch(() => undefined)
      if (header !== undefined) tokens.push(header?.replace(/^Bearer /, '') ?? '(none)')
    }
  })
  return tokens
}

async function signIn(page: Page, options: { keep?: boolean; button?: string } = {}) {
  const button = page.getByRole('button', { name: options.button ?? 'Sign in', exact: true })
  if (options.keep) await page.getByRole('checkbox', { name: 'Stay signed in in this browser tab' }).check()
  await button.click()
  await expect(webhooksTable(page)).toBeVisible()
}

const storage = (page: Page) => page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage } }))

test('signs in with PKCE, comes back to the same page and calls the API with the bearer token', async ({ page }) => {
  const tokens = recordBearerTokens(page)
  const authorize: URL[] = []
  page.on('request', (request) => {
    if (request.url().startsWith(`${MOCK_SERVER}/oauth/authorize`)) authorize.push(new URL(request.url()))
  })
  await page.goto('/?sort=name&limit=50')
  await expect(page.getByLabel('Backend')).toHaveText(tenantHost)
  await expect(page.getByRole('heading', { name: `Sign in to ${tenantHost}` })).toBeVisible()
  await expect(webhooksTable(page)).toHaveCount(0)
  await expectNoAxeViolations(page)

  await signIn(page)
  await expect(page).toHaveURL(`${OAUTH_CONSOLE}/?sort=name&limit=50`)
  await expect(webhooksTable(page).getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending')
  expect(authorize).toHaveLength(1)
  expect(Object.fromEntries(authorize[0]!.searchParams)).toMatchObject({
    response_type: 'code',
    code_challenge_method: 'S256',
    scope: 'user_default',
    redirect_uri: `${OAUTH_CONSOLE}/`,
  })
  await expect.poll(() => tokens.length).toBeGreaterThan(0)
  expect(tokens.every((t) => t.startsWith('mock-at-'))).toBe(true)
  // Nothing of the sign-in stays behind: no token, no PKCE verifier, no API key.
  const kept = JSON.stringify(await storage(page))
  expect(kept).not.toContain(tokens[0]!)
  expect(kept).not.toMatch(/codeVerifier|sign-in/)
  expect(kept).not.toContain(DEMO_API_KEY)
  await expectNoAxeViolations(page)
})

test('asks to sign in again when the token has expired, and comes back to where the person was', async ({ page, request }) => {
  const tokens = recordBearerTokens(page)
  await page.goto('/')
  await signIn(page)
  await expect.poll(() => tokens.length).toBeGreaterThan(0)
  const first = tokens[0]!

  const expire = await request.post(`${MOCK_SERVER}/__mock/oauth`, {
    headers: { Authorization: `Bearer ${DEMO_API_KEY}` },
    data: { expireIssuedTokens: true },
  })
  expect(expire.ok()).toBe(true)

  // A new query (sorting by name) meets the expired token.
  await webhooksTable(page).getByRole('columnheader', { name: 'Name' }).getByRole('button', { name: 'Name' }).click()
  const notice = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Your sign-in has ended' }) })
  await expect(notice).toBeVisible()
  await expectNoAxeViolations(page)
  const where = page.url()
  expect(new URL(where).searchParams.get('sort')).toMatch(/^\+?name$/)

  await notice.getByRole('button', { name: 'Sign in again' }).click()
  await expect(webhooksTable(page)).toBeVisible()
  await expect(notice).toHaveCount(0)
  expect(page.url()).toBe(where)
  await expect.poll(() => tokens.at(-1)).not.toBe(first)
  expect(tokens.at(-1)).toMatch(/^mock-at-/)
})

test('signing out forgets the token and the tenant revokes it', async ({ page }) => {
  const tokens = recordBearerTokens(page)
  await page.goto('/')
  await signIn(page)
  await expect.poll(() => tokens.length).toBeGreaterThan(0)
  const token = tokens.at(-1)!
  const revoked = page.waitForRequest((r) => r.url() === `${MOCK_SERVER}/oauth/revoke`)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: `Sign in to ${tenantHost}` })).toBeVisible()
  await expect(webhooksTable(page)).toHaveCount(0)
  await (await revoked).response()
  const after = await page.request.get(`${MOCK_SERVER}/api/v1/webhooks`, { headers: { Authorization: `Bearer ${token}` } })
  expect(after.status()).toBe(401)
})

test('staying signed in keeps the token for this tab only, across a reload', async ({ page }) => {
  await page.goto('/')
  await signIn(page, { keep: true })
  await page.reload()
  await expect(webhooksTable(page)).toBeVisible()
  const { local, session } = await storage(page)
  expect(Object.values(session).some((v) => v.includes('mock-at-'))).toBe(true)
  expect(JSON.stringify(local)).not.toContain('mock-at-')
})

test('the connection settings say what is wrong with each field and keep what was typed', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Connection settings' }).click()
  await expect(page.getByRole('heading', { name: 'Connect to a Qlik Cloud tenant' })).toBeVisible()
  const address = page.getByLabel('Tenant address')
  await expect(address).toHaveValue(MOCK_SERVER)
  await address.fill('http://tenant.example.com')
  await page.getByLabel('Client ID').fill('')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(address).toBeFocused()
  await expect(address).toHaveAccessibleDescription(/must use https:\/\//)
  await expect(page.getByLabel('Client ID')).toHaveAccessibleDescription(/client id is empty/)
  await expect(address).toHaveValue('http://tenant.example.com')
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('heading', { name: `Sign in to ${tenantHost}` })).toBeVisible()
})

test('saving the connection settings unchanged keeps the person signed in', async ({ page }) => {
  await page.goto('/')
  await signIn(page)
  await page.getByRole('button', { name: 'Connection settings' }).click()
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(webhooksTable(page)).toBeVisible()
  await expect(page.getByRole('heading', { name: `Sign in to ${tenantHost}` })).toHaveCount(0)
})

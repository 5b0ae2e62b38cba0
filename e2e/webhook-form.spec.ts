import type { Page, Request } from '@playwright/test'
import type { MockTenantControl } from '../mocks/browser'
import { SEED_WEBHOOKS } from '../mocks/seed'
import { expect, expectNoAxeViolations, test, webhookRow, webhooksTable } from './fixtures'

// Creating and editing webhooks on the seeded mock tenant, as a person
// would: through "Create new" and the row menu, by role and name.

const control = (page: Page) => ({
  reset: () => page.evaluate(() => window.mockTenant.reset()),
  configure: (patch: Parameters<MockTenantControl['configure']>[0]) => page.evaluate((p) => window.mockTenant.configure(p), patch),
})

const dialog = (page: Page, name = 'Create webhook') => page.getByRole('dialog', { name })

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await page.waitForFunction(() => 'mockTenant' in window)
  await control(page).reset()
  await page.reload()
  await expect(webhooksTable(page).getByRole('row').nth(1)).toBeVisible()
})

async function openCreate(page: Page) {
  await page.getByRole('button', { name: 'Create new' }).first().click()
  const form = dialog(page)
  await expect(form).toBeVisible()
  await expect(form.getByRole('checkbox', { name: 'App created' })).toBeVisible()
  return form
}

test('create a webhook with a secret, headers, two events and a filter; edit it with a PATCH of the change only; secrets appear nowhere', async ({
  page,
}) => {
  // The longest journey here, with two axe scans.
  test.slow()
  const apiBodies: string[] = []
  page.on('response', async (response) => {
    if (response.url().includes('/api/')) apiBodies.push(await response.text().catch(() => ''))
  })
  const encryptedValue = `Bearer e2e-${Date.now()}-encrypted-value`
  const name = 'E2E: ops receiver'

  const form = await openCreate(page)
  await expectNoAxeViolations(page)
  await form.getByLabel('Name', { exact: true }).fill(name)
  await form.getByLabel('Description', { exact: true }).fill('Created by the form journey.')
  await form.getByLabel('URL', { exact: true }).fill('https://ops.acme-corp.example.com/qlik/events')
  await form.getByRole('button', { name: 'Generate' }).click()
  const secret = await form.getByLabel('Secret', { exact: true }).inputValue()
  expect(secret).toMatch(/^[A-Za-z0-9]{48}$/)
  await expect(form.getByRole('group', { name: 'Generated secret' })).toContainText(secret)
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await form.getByRole('group', { name: 'Generated secret' }).getByRole('button', { name: 'Copy' }).click()
  await expect(page.getByText('Secret copied', { exact: true }).first()).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret)
  await expect(form.getByText('48 of 32–64 characters')).toBeVisible()

  await form.getByRole('button', { name: 'Add header' }).click()
  await form.getByRole('textbox', { name: 'Header 1 name' }).fill('X-Team')
  await form.getByRole('textbox', { name: 'Header 1 value' }).fill('ops')
  await form.getByRole('button', { name: 'Add header' }).click()
  await form.getByRole('textbox', { name: 'Header 2 name' }).fill('Authorization')
  await form.getByRole('textbox', { name: 'Header 2 value' }).fill(encryptedValue)
  await expect(form.getByText(/may be a credential/)).toBeVisible()
  await form.getByRole('checkbox', { name: 'Encrypt header 2' }).check()
  await expect(form.getByText(/may be a credential/)).toBeHidden()

  await form.getByRole('checkbox', { name: 'App created' }).check()
  await form.getByRole('checkbox', { name: 'App published' }).check()
  await form.getByText('Build a filter').click()
  await form.getByLabel('These spaces', { exact: true }).fill('5f0c1d2e3a4b5c6d7e8f9a0b, 5f0c1d2e3a4b5c6d7e8f9a0c')
  await form.getByRole('button', { name: 'Use this filter' }).click()
  await expect(form.getByLabel('Filter', { exact: true })).toHaveValue(
    'spaceId eq "5f0c1d2e3a4b5c6d7e8f9a0b" or spaceId eq "5f0c1d2e3a4b5c6d7e8f9a0c"',
  )

  const postRequest = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/core/webhooks'))
  await form.getByRole('button', { name: 'Create' }).click()
  const post = (await postRequest).postDataJSON() as Record<string, unknown>
  expect(post).toEqual({
    name,
    description: 'Created by the form journey.',
    url: 'https://ops.acme-corp.example.com/qlik/events',
    eventTypes: ['com.qlik.v1.app.created', 'com.qlik.v1.app.published'],
    level: 'tenant',
    filter: 'spaceId eq "5f0c1d2e3a4b5c6d7e8f9a0b" or spaceId eq "5f0c1d2e3a4b5c6d7e8f9a0c"',
    secret,
    enabled: true,
    headers: { 'X-Team': 'ops' },
    encryptedHeaders: { Authorization: encryptedValue },
    enableCloudEventDelivery: true,
    checkCertificateRevocation: false,
  })
  await expect(form).toBeHidden()
  await expect(page.getByText(`${SEED_WEBHOOKS.length + 1} of 100 webhooks`)).toBeVisible()
  await expect(page).toHaveURL(/\/$/)
  const row = webhookRow(page, name)
  await expect(row).toBeVisible()
  await expect(row).toContainText('Enabled')

  // Edit: the same form, filled in, with the secret and encrypted value hidden.
  await page.getByRole('button', { name: `More actions for ${name}`, exact: true }).click()
  await page.getByRole('menuitem', { name: 'Edit' }).click()
  const edit = dialog(page, 'Edit webhook')
  await expect(edit.getByLabel('Name', { exact: true })).toHaveValue(name)
  await expect(edit.getByRole('group', { name: 'Secret' })).toContainText('A secret is set')
  await expect(edit.getByRole('button', { name: 'Delete header Authorization' })).toBeVisible()
  await expect(edit.getByRole('switch', { name: 'CloudEvents delivery' })).toBeDisabled()
  await expectNoAxeViolations(page)
  await edit.getByLabel('Name', { exact: true }).fill(`${name} (renamed)`)
  await edit.getByRole('checkbox', { name: 'App published' }).uncheck()
  const patchRequest = page.waitForRequest((r: Request) => r.method() === 'PATCH')
  await edit.getByRole('button', { name: 'Save' }).click()
  expect((await patchRequest).postDataJSON()).toEqual([
    { op: 'replace', path: '/name', value: `${name} (renamed)` },
    { op: 'replace', path: '/eventTypes', value: ['com.qlik.v1.app.created'] },
  ])
  await expect(edit).toBeHidden()
  await expect(page.getByRole('button', { name: `More actions for ${name} (renamed)`, exact: true })).toBeVisible()

  // Open it once more, so that the page has rendered the saved webhook in every view.
  await page.getByRole('button', { name: `More actions for ${name} (renamed)`, exact: true }).click()
  await page.getByRole('menuitem', { name: 'Edit' }).click()
  await expect(dialog(page, 'Edit webhook').getByLabel('Name', { exact: true })).toHaveValue(`${name} (renamed)`)

  const leaks = await page.evaluate(
    ([s, v]) => {
      const stores = [localStorage, sessionStorage].flatMap((store) =>
        Array.from({ length: store.length }, (_, i) => `${store.key(i)}=${store.getItem(store.key(i)!)}`),
      )
      const html = document.documentElement.outerHTML
      const inputs = Array.from(document.querySelectorAll('input, textarea'), (el) => (el as HTMLInputElement).value)
      return [s, v].filter(
        (x) => html.includes(x!) || inputs.includes(x!) || stores.some((e) => e.includes(x!)) || location.href.includes(x!),
      )
    },
    [secret, encryptedValue],
  )
  expect(leaks).toEqual([])
  expect(apiBodies.length).toBeGreaterThan(3)
  expect(apiBodies.filter((body) => body.includes(secret) || body.includes(encryptedValue))).toEqual([])
})

test('bad input is refused with a specific message and what was typed stays', async ({ page }) => {
  test.slow()
  const writes: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('/api/') && r.method() !== 'GET') writes.push(`${r.method()} ${r.url()}`)
  })
  const form = await openCreate(page)
  await form.getByLabel('Name', { exact: true }).fill('Bad input')
  await form.getByRole('checkbox', { name: 'App created' }).check()

  const url = form.getByLabel('URL', { exact: true })
  const cases: [string, RegExp][] = [
    ['http://hooks.example.com/in', /must use HTTPS \(https:\/\/\), not http:/],
    ['https://192.168.1.10', /"192\.168\.1\.10" is an IP address/],
    ['https://[::1]', /must not be an IPv6 address/],
    ['https://localhost', /"localhost" is not a fully qualified domain name/],
    ['https://user:pw@host.example.com', /must not contain a user name or password/],
  ]
  for (const [value, message] of cases) {
    await url.fill(value)
    await form.getByRole('button', { name: 'Create' }).click()
    await expect(url).toHaveAccessibleDescription(message)
    await expect(url).toHaveValue(value)
  }
  await url.fill('https://hooks.example.com/in')

  const secret = form.getByLabel('Secret', { exact: true })
  for (const length of [31, 65]) {
    await secret.fill('s'.repeat(length))
    await expect(form.getByText(`${length} of 32–64 characters`)).toBeVisible()
    await form.getByRole('button', { name: 'Create' }).click()
    await expect(secret).toHaveAccessibleDescription(new RegExp(`32 to 64 characters \\(code points\\) long; it has ${length}`))
    await expect(secret).toHaveValue('s'.repeat(length))
  }
  await secret.fill('')

  await form.getByRole('button', { name: 'Add header' }).click()
  await form.getByRole('textbox', { name: 'Header 1 name' }).fill('X-Trace')
  await form.getByRole('textbox', { name: 'Header 1 value' }).fill('one\ntwo')
  await form.getByRole('button', { name: 'Add header' }).click()
  await form.getByRole('textbox', { name: 'Header 2 name' }).fill('x-trace')
  await form.getByRole('textbox', { name: 'Header 2 value' }).fill('b')
  await form.getByRole('checkbox', { name: 'Encrypt header 2' }).check()
  await form.getByRole('button', { name: 'Create' }).click()
  await expect(form.getByRole('textbox', { name: 'Header 2 name' })).toHaveAccessibleDescription(/"x-trace" is given more than once/)
  await expect(form.getByRole('textbox', { name: 'Header 1 value' })).toHaveAccessibleDescription(/must be on one line \(no line breaks\)/)
  await expect(form.getByRole('textbox', { name: 'Header 1 value' })).toHaveValue('one\ntwo')
  await form.getByRole('button', { name: 'Delete header 2' }).click()
  await form.getByRole('textbox', { name: 'Header 1 value' }).fill('one')

  await form.getByRole('checkbox', { name: 'App deleted' }).check()
  await form.getByRole('radio', { name: 'User' }).check()
  await expect(form.getByRole('checkbox', { name: 'User created', exact: true })).toBeDisabled()
  await expect(form.getByRole('checkbox', { name: 'User created', exact: true })).toHaveAccessibleDescription(
    /not available for user-level webhooks/,
  )
  await form.getByRole('button', { name: 'Create' }).click()
  await expect(form.getByRole('group', { name: 'Events' })).toHaveAccessibleDescription(
    /"App deleted".*not available for user-level webhooks/,
  )
  await expect(form.getByRole('checkbox', { name: 'App deleted' })).toBeChecked()
  await form.getByRole('checkbox', { name: 'App deleted' }).uncheck()

  const filter = form.getByLabel('Filter', { exact: true })
  const filters: [string, RegExp][] = [
    ['spaceId = "a"', /Expected eq or ne/],
    ["spaceId eq 'a'", /double quotes/],
    ['(spaceId eq "a")', /Parentheses are not supported/],
    ['owner eq "a"', /Unknown attribute "owner"/],
    ['spaceId co "a"', /"co" is not supported/],
    ['spaceId eq "a" and', /Expected a comparison/],
    ['spaceId eq a', /Expected a double-quoted value/],
    ['data.status eq "error"', /only event type/],
  ]
  for (const [value, message] of filters) {
    await filter.fill(value)
    // Checked as it is typed, before any Create.
    await expect(filter).toHaveAccessibleDescription(message)
    await expect(filter).toHaveValue(value)
  }
  await expectNoAxeViolations(page)
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('Bad input')
  expect(writes).toEqual([])
})

test('saving keeps every value when the server fails, and closing with changes asks first', async ({ page }) => {
  const form = await openCreate(page)
  await form.getByLabel('Name', { exact: true }).fill('Flaky')
  await form.getByLabel('URL', { exact: true }).fill('https://flaky.example.com/in')
  await form.getByRole('checkbox', { name: 'App created' }).check()
  await page.evaluate(() => window.mockTenant.failNext({ method: 'POST', path: '/webhooks' }, 500))
  await form.getByRole('button', { name: 'Create' }).click()
  await expect(form.getByRole('alert')).toContainText('The webhook was not saved')
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('Flaky')
  await expect(form.getByLabel('URL', { exact: true })).toHaveValue('https://flaky.example.com/in')
  await expect(form.getByRole('checkbox', { name: 'App created' })).toBeChecked()

  await page.keyboard.press('Escape')
  const confirm = page.getByRole('alertdialog', { name: 'Discard your changes?' })
  await expect(confirm).toBeVisible()
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('Flaky')
  await form.getByRole('button', { name: 'Cancel' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Discard changes' }).click()
  await expect(form).toBeHidden()
  await expect(webhooksTable(page).getByText('Flaky')).toHaveCount(0)
})

test('a URL change asks for the encrypted headers again before saving; on a v1-only tenant, filter changes save with a PUT', async ({
  page,
}) => {
  const seeded = SEED_WEBHOOKS.find((w) => w.id === 'wh-reload-monitor')!
  // Core changes a filter with a PATCH (e2e/core-api.spec.ts); a tenant without Core has only v1's PUT for it.
  await page.goto('/')
  await page.waitForFunction(() => 'mockTenant' in window)
  await page.evaluate(() => window.mockTenant.configure({ coreApi: false }))
  await page.goto('/?edit=wh-reload-monitor')
  const edit = dialog(page, 'Edit webhook')
  await expect(edit.getByLabel('Name', { exact: true })).toHaveValue(seeded.name!)
  await edit.getByLabel('URL', { exact: true }).fill('https://alerts2.acme-corp.example.com/qlik/reloads')
  await expect(edit.getByRole('status').filter({ hasText: 'The URL changed' })).toContainText('Enter the value of "Authorization" again')
  await expect(edit.getByRole('textbox', { name: 'Value of encrypted header Authorization' })).toBeVisible()
  await expectNoAxeViolations(page)

  await edit.getByLabel('Filter', { exact: true }).fill('data.status eq "ok"')
  await expect(edit.getByText(/Save replaces the whole webhook \(PUT\)/)).toBeVisible()
  await edit.getByRole('button', { name: 'Save' }).click()
  await expect(edit.getByRole('group', { name: 'Secret' })).toContainText(/enter it again \(Replace\) or remove it/)
  await edit.getByRole('button', { name: 'Remove' }).click()
  await edit.getByRole('textbox', { name: 'Value of encrypted header Authorization' }).fill('Bearer rotated-e2e')
  const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().includes('/api/v1/webhooks/wh-reload-monitor'))
  await edit.getByRole('button', { name: 'Save' }).click()
  const body = (await put).postDataJSON() as Record<string, unknown>
  expect(body).toMatchObject({
    url: 'https://alerts2.acme-corp.example.com/qlik/reloads',
    filter: 'data.status eq "ok"',
    encryptedHeaders: { Authorization: 'Bearer rotated-e2e' },
    enabled: true,
  })
  expect(body).not.toHaveProperty('secret')
  await expect(edit).toBeHidden()
})

test('tenant level is offered as disabled, with the reason, once the tenant refuses it', async ({ page }) => {
  await control(page).configure({ persona: 'user' })
  await page.reload()
  const form = await openCreate(page)
  await form.getByLabel('Name', { exact: true }).fill('Mine')
  await form.getByLabel('URL', { exact: true }).fill('https://mine.example.com/in')
  await form.getByRole('checkbox', { name: 'App created' }).check()
  await form.getByRole('button', { name: 'Create' }).click()
  await expect(form.getByRole('radio', { name: 'Tenant' })).toBeDisabled()
  await expect(form.getByRole('group', { name: 'Level' })).toHaveAccessibleDescription(/needs the Tenant Admin role/)
  await form.getByRole('radio', { name: 'User' }).check()
  await form.getByRole('button', { name: 'Create' }).click()
  await expect(form).toBeHidden()
})

test('the form works with the keyboard alone', async ({ page }) => {
  const create = page.getByRole('button', { name: 'Create new' }).first()
  await create.focus()
  await page.keyboard.press('Enter')
  const form = dialog(page)
  await expect(form.getByLabel('Name', { exact: true })).toBeFocused()
  await page.keyboard.type('Keyboard only')
  await page.keyboard.press('Tab')
  await expect(form.getByLabel('Description', { exact: true })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(form.getByLabel('URL', { exact: true })).toBeFocused()
  await page.keyboard.type('https://keys.example.com/in')
  await form.getByRole('searchbox', { name: 'Search events' }).focus()
  await page.keyboard.type('user created')
  await page.keyboard.press('Tab')
  await expect(form.getByRole('checkbox', { name: 'Select all Users shown' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(form.getByRole('checkbox', { name: 'User created', exact: true })).toBeFocused()
  await page.keyboard.press('Space')
  await expect(form.getByRole('checkbox', { name: 'User created', exact: true })).toBeChecked()
  await form.getByLabel('Filter', { exact: true }).focus()
  await page.keyboard.press('Enter')
  await expect(form).toBeHidden()
  await expect(page.getByRole('button', { name: 'More actions for Keyboard only', exact: true })).toBeVisible()
})

test('closing the form gives focus back to the button that opened it', async ({ page }) => {
  const create = page.getByRole('button', { name: 'Create new' }).first()
  await create.focus()
  await page.keyboard.press('Enter')
  await expect(dialog(page).getByLabel('Name', { exact: true })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog(page)).toBeHidden()
  await expect(create).toBeFocused()
})

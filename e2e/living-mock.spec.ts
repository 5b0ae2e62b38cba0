import type { Locator, Page } from '@playwright/test'
import { SEED_WEBHOOKS, USERS } from '../mocks/seed'
import { expect, expectNoAxeViolations, test, webhooksTable } from './fixtures'

// The living mock tenant: Demo controls (persona, receivers, failure
// threshold, live traffic) and events that reach webhooks while the console
// is open, as a person would use them.

const rowOf = (page: Page, name: string) =>
  webhooksTable(page)
    .getByRole('row')
    .filter({ has: page.getByText(name, { exact: true }) })
const slack = SEED_WEBHOOKS.find((w) => w.id === 'wh-slack-app-events')!
const catalog = SEED_WEBHOOKS.find((w) => w.id === 'wh-automation-catalog')!

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await page.waitForFunction(() => 'mockTenant' in window)
  await page.evaluate(() => window.mockTenant.reset())
  await page.reload()
  await page.waitForFunction(() => 'mockTenant' in window)
  await expect(rowOf(page, slack.name!)).toBeVisible()
})

async function openDemoControls(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Demo controls' }).click()
  const panel = page.getByRole('dialog', { name: 'Demo controls' })
  await expect(panel).toBeVisible()
  return panel
}

async function closeDemoControls(page: Page) {
  await page.getByRole('dialog', { name: 'Demo controls' }).getByRole('button', { name: 'Done' }).click()
  await expect(page.getByRole('dialog', { name: 'Demo controls' })).toBeHidden()
}

test('switching the persona to User shows only that user’s webhooks, names the persona, and survives a reload', async ({ page }) => {
  const panel = await openDemoControls(page)
  await expectNoAxeViolations(page)
  await panel.getByLabel('Persona', { exact: true }).selectOption({ label: 'User' })
  await panel.getByLabel('Acts as', { exact: true }).selectOption({ label: 'Kenji Tanaka' })
  await closeDemoControls(page)

  const kenjis = SEED_WEBHOOKS.filter((w) => w.ownerId === USERS.kenji)
  const others = SEED_WEBHOOKS.filter((w) => w.ownerId !== USERS.kenji)
  for (const webhook of kenjis) await expect(rowOf(page, webhook.name!)).toBeVisible()
  for (const webhook of others) await expect(rowOf(page, webhook.name!)).toHaveCount(0)
  // The tenant admin's tenant-level webhooks are gone with the rest.
  expect(others.some((w) => w.level === 'tenant')).toBe(true)
  await expect(page.getByRole('status').filter({ hasText: 'Persona: User, acting as Kenji Tanaka' })).toBeVisible()
  await expectNoAxeViolations(page)

  await page.reload()
  await expect(page.getByRole('status').filter({ hasText: 'Persona: User, acting as Kenji Tanaka' })).toBeVisible()
  await expect(rowOf(page, slack.name!)).toHaveCount(0)
  await expect(rowOf(page, kenjis[0]!.name!)).toBeVisible()

  // Back to the tenant admin: no persona shown, every webhook again.
  const again = await openDemoControls(page)
  await again.getByLabel('Persona', { exact: true }).selectOption({ label: 'Tenant admin' })
  await again.getByLabel('Acts as', { exact: true }).selectOption({ label: 'Alex Admin' })
  await closeDemoControls(page)
  await expect(rowOf(page, slack.name!)).toBeVisible()
  await expect(page.getByText(/^Persona:/)).toHaveCount(0)
})

test('a receiver set to HTTP 500 gets its webhook disabled after the threshold of raised events', async ({ page }) => {
  const panel = await openDemoControls(page)
  await panel.getByLabel('Failure threshold', { exact: true }).fill('3')
  await panel.getByLabel(`Receiver for ${slack.name}`, { exact: true }).selectOption({ label: 'HTTP 500' })
  await closeDemoControls(page)
  const row = rowOf(page, slack.name!)
  await expect(row).toContainText('Enabled')

  for (let i = 1; i <= 3; i++) {
    const statuses = await page.evaluate(
      async (id) =>
        (await window.mockTenant.raiseEvent({ eventType: 'com.qlik.v1.app.created' }))
          .filter((d) => d.webhookId === id)
          .map((d) => d.status),
      slack.id,
    )
    expect(statuses).toEqual(['fail'])
    if (i < 3) await expect(row).toContainText('Enabled')
  }
  // No reload: the console refreshes when the mock changes.
  await expect(row.getByRole('button', { name: /^Disabled/ })).toBeVisible()
  await row.getByRole('button', { name: 'Show delivery history' }).click()
  const history = page.getByRole('region', { name: /^Delivery history/ })
  await expect(history.getByRole('table').getByRole('row').nth(1)).toContainText('500')
})

test('with Live traffic on, a new delivery appears in an open history within the interval', async ({ page }) => {
  // Only one webhook listening, so that the traffic goes to it.
  await page.evaluate(async (keep) => {
    const { data } = (await (await fetch('/api/v1/webhooks?limit=100')).json()) as { data: { id: string; enabled?: boolean }[] }
    for (const webhook of data.filter((w) => w.enabled && w.id !== keep)) {
      await fetch(`/api/v1/webhooks/${webhook.id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify([{ op: 'replace', path: '/enabled', value: false }]),
      })
    }
  }, catalog.id)
  await page.reload()
  const row = rowOf(page, catalog.name!)
  await row.getByRole('button', { name: 'Show delivery history' }).click()
  const history = page.getByRole('region', { name: /^Delivery history/ })
  const firstRow = history.getByRole('table').getByRole('row').nth(1)
  await expect(firstRow).toBeVisible()
  const before = await firstRow.textContent()
  await expect(firstRow).not.toContainText('just now')

  const panel = await openDemoControls(page)
  await panel.getByLabel('Events per minute', { exact: true }).fill('60')
  await panel.getByRole('checkbox', { name: 'Live traffic' }).check()
  await closeDemoControls(page)
  // One event a second, most of them of the one webhook's types.
  await expect(firstRow).not.toHaveText(before!, { timeout: 10_000 })
  await expect(firstRow).toContainText(/automation\.(created|updated|deleted)/)

  const off = await openDemoControls(page)
  await off.getByRole('checkbox', { name: 'Live traffic' }).uncheck()
  expect(await page.evaluate(() => window.mockTenant.getConfig().liveTraffic)).toBe(false)
})

test('create a webhook, Send test event to it, and see the signed delivery on top of its history, marked Test', async ({ page }) => {
  test.slow()
  const name = 'E2E: test events'
  await page.getByRole('button', { name: 'Create new' }).first().click()
  const form = page.getByRole('dialog')
  await expect(form.getByRole('checkbox', { name: 'App created' })).toBeVisible()
  await form.getByLabel('Name', { exact: true }).fill(name)
  await form.getByLabel('URL', { exact: true }).fill('https://receiver.example.com/qlik/test-events')
  await form.getByRole('button', { name: 'Generate' }).click()
  const secret = await form.getByLabel('Secret', { exact: true }).inputValue()
  await form.getByRole('checkbox', { name: 'App created' }).check()
  await form.getByRole('checkbox', { name: 'App published' }).check()
  await form.getByRole('button', { name: 'Create' }).click()
  await expect(form).toBeHidden()

  const row = rowOf(page, name)
  await row.getByRole('button', { name: `More actions for ${name}` }).click()
  await page.getByRole('menuitem', { name: 'Send test event' }).click()
  const dialog = page.getByRole('dialog', { name: 'Send test event' })
  await expect(dialog).toBeVisible()
  const eventType = dialog.getByLabel('Event type', { exact: true })
  await expect(eventType.getByRole('option')).toHaveText(['com.qlik.v1.app.created', 'com.qlik.v1.app.published'])
  await eventType.selectOption('com.qlik.v1.app.published')
  const payload = dialog.getByLabel('Payload', { exact: true })
  await expect(payload).toHaveValue(/"originAppId"/)
  await expectNoAxeViolations(page)

  // Bad JSON is refused, and what was typed stays.
  await payload.fill('{ "name": ')
  await dialog.getByRole('button', { name: 'Send' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Payload is not valid JSON')
  await expect(payload).toHaveValue('{ "name": ')
  await payload.fill('[1, 2]')
  await dialog.getByRole('button', { name: 'Send' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Payload must be a JSON object')

  await payload.fill('{ "name": "Quarterly review", "id": "app-e2e-1" }')
  await dialog.getByRole('button', { name: 'Send' }).click()
  await expect(dialog).toBeHidden()

  const history = page.getByRole('region', { name: new RegExp(`^Delivery history of ${name}`) })
  const top = history.getByRole('table').getByRole('row').nth(1)
  await expect(top).toContainText('Test')
  await expect(top).toContainText('com.qlik.v1.app.published')
  await expect(top).toContainText('Success')
  await expectNoAxeViolations(page)

  await top.getByRole('button', { name: /^View payload/ }).click()
  const viewer = page.getByRole('dialog', { name: 'Delivery of App published' })
  await expect(viewer).toBeVisible()
  // A webhook created now gets CloudEvents 1.0, with the payload as edited.
  await expect(viewer.getByRole('region', { name: 'Payload format' })).toContainText('CloudEvents 1.0')
  await viewer.getByRole('button', { name: 'Raw view' }).first().click()
  await expect(viewer).toContainText('"name":"Quarterly review"')
  await expect(viewer).toContainText('"type":"com.qlik.app.published"')
  await viewer.getByLabel('Webhook secret', { exact: true }).fill(secret)
  await viewer.getByRole('button', { name: 'Check signature' }).click()
  await expect(viewer.getByRole('status').filter({ hasText: 'Signature matches.' })).toBeVisible()
})

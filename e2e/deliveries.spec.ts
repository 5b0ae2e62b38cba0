import type { Locator, Page } from '@playwright/test'
import { HOSTILE_TEXT, SEED_DELIVERIES } from '../mocks/seed-deliveries'
import { SEED_SECRETS, SEED_WEBHOOKS } from '../mocks/seed'
import { expect, expectNoAxeViolations, test } from './fixtures'

const slack = SEED_WEBHOOKS.find((w) => w.id === 'wh-slack-app-events')!

/** Expands a webhook's delivery history through the table's own button. */
async function openHistory(page: Page, name: string): Promise<Locator> {
  await page.goto('/')
  const row = page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) })
  const toggle = row.getByRole('button', { name: 'Show delivery history' })
  await toggle.click()
  await expect(row.getByRole('button', { name: 'Hide delivery history' })).toHaveAttribute('aria-expanded', 'true')
  const history = page.getByRole('region', { name: /^Delivery history/ })
  await expect(history.getByRole('table')).toBeVisible()
  return history
}

const deliveryRows = (history: Locator) =>
  history
    .getByRole('table')
    .getByRole('row')
    .filter({ has: history.page().getByRole('button', { name: /^Resend/ }) })

test('filter to failures, open one, check its signature both ways, resend it', async ({ page }) => {
  // One long journey with four axe scans.
  test.setTimeout(90_000)
  const history = await openHistory(page, slack.name!)
  await expect(deliveryRows(history).first()).toBeVisible()

  await history.getByLabel('Status', { exact: true }).selectOption('fail')
  await expect(page).toHaveURL(/dstatus=fail/)
  const failures = deliveryRows(history)
  await expect(failures.first()).toBeVisible()
  expect(await failures.count()).toBeGreaterThan(0)
  // The first cell holds the row's "Select delivery" checkbox; the status is the next one.
  for (const row of await failures.all()) await expect(row.getByRole('cell').nth(1)).toContainText('Failed')
  await expectNoAxeViolations(page)

  // Open the newest failure: the viewer has its own link.
  const first = failures.first()
  // Its event by catalogue title, the type name beneath.
  const [title, typeName] = (await first.getByRole('cell').nth(2).innerText()).split('\n')
  expect(title).not.toMatch(/^com\.qlik\./)
  expect(typeName).toMatch(/^com\.qlik\.v1\./)
  await first.getByRole('button', { name: /^View payload/ }).click()
  const viewer = page.getByRole('dialog', { name: /^Delivery of / })
  await expect(viewer).toBeVisible()
  // Events by name: the catalogue title, with the type name in the description.
  await expect(viewer).not.toHaveAccessibleName(/com\.qlik\./)
  await expect(viewer).toHaveAccessibleDescription(/^com\.qlik\.v1\.[a-z.-]+\. /)
  await expect(page).toHaveURL(/delivery=dl-slack-app-events-\d+/)
  const headers = viewer.getByRole('table', { name: 'Request headers' })
  await expect(headers.getByRole('row', { name: /Qlik-Signature/ })).toBeVisible()
  await expect(headers.getByRole('row', { name: /User-Agent/ })).toContainText('Qlik Webhook')
  await expect(headers.getByRole('row', { name: /X-Team/ })).toContainText('analytics')
  const body = viewer.getByRole('list', { name: 'Request body' })
  await expect(body).toContainText('"data"')
  await expect(viewer.getByText(/Hybrid|CloudEvents 1\.0|Legacy/).first()).toBeVisible()
  await viewer.getByRole('group', { name: 'Request body' }).getByRole('button', { name: 'Raw view' }).click()
  await expect(viewer.getByRole('region', { name: 'Request body, raw' })).toContainText('"specversion"')
  await expectNoAxeViolations(page)

  const secret = viewer.getByLabel('Webhook secret')
  await expect(secret).toHaveAttribute('type', 'password')
  await secret.fill(SEED_SECRETS[slack.id]!)
  await viewer.getByRole('button', { name: 'Check signature' }).click()
  await expect(viewer.getByRole('status').filter({ hasText: 'Signature matches.' })).toBeVisible()
  await secret.fill('this-is-not-the-secret-of-this-webhook-at-all')
  await viewer.getByRole('button', { name: 'Check signature' }).click()
  await expect(viewer.getByRole('status').filter({ hasText: 'Signature does not match.' })).toBeVisible()
  // The secret never reaches the URL.
  expect(page.url()).not.toContain('this-is-not-the-secret')

  // Closing clears the secret: reopening shows an empty field.
  await viewer.getByRole('button', { name: 'Close' }).click()
  await expect(viewer).toBeHidden()
  await expect(page).not.toHaveURL(/delivery=/)
  await first.getByRole('button', { name: /^View payload/ }).click()
  await expect(page.getByRole('dialog').getByLabel('Webhook secret')).toHaveValue('')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()

  // Resend: confirm, then the new delivery is on top with its result.
  await first.getByRole('button', { name: /^Resend/ }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Resend this delivery?' })
  await expect(confirm).toContainText(slack.url!)
  await expectNoAxeViolations(page)
  await confirm.getByRole('button', { name: 'Resend' }).click()
  await expect(confirm).toBeHidden()
  const top = deliveryRows(history).first()
  await expect(top).toContainText('New: resent')
  await expect(top).toContainText('Success')
  await expect(top).toContainText('200')
  await expect(page.getByText('Delivery resent', { exact: true })).toBeVisible()
})

test('the payload viewer works with the keyboard alone and gives focus back', async ({ page }) => {
  await page.goto(`/?history=${slack.id}`)
  const history = page.getByRole('region', { name: /^Delivery history/ })
  const view = deliveryRows(history)
    .first()
    .getByRole('button', { name: /^View payload/ })
  await view.focus()
  await page.keyboard.press('Enter')
  const viewer = page.getByRole('dialog', { name: /^Delivery of/ })
  await expect(viewer.getByRole('button', { name: 'Close' })).toBeFocused()

  // Tab to the body's "data" node and open it.
  const data = viewer.getByRole('list', { name: 'Request body' }).getByRole('button', { name: /^"data"/ })
  for (let i = 0; i < 12 && !(await data.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
  await expect(data).toBeFocused()
  await expect(data).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('Enter')
  await expect(data).toHaveAttribute('aria-expanded', 'true')

  const secret = viewer.getByLabel('Webhook secret')
  for (let i = 0; i < 60 && !(await secret.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
  await expect(secret).toBeFocused()
  await page.keyboard.type(SEED_SECRETS[slack.id]!)
  await page.keyboard.press('Enter')
  await expect(viewer.getByText('Signature matches.')).toBeVisible()

  await page.keyboard.press('Escape')
  await expect(viewer).toBeHidden()
  await expect(view).toBeFocused()

  // The resend confirmation opens and closes from the keyboard too, Cancel first.
  await page.keyboard.press('Tab')
  const resend = deliveryRows(history)
    .first()
    .getByRole('button', { name: /^Resend/ })
  await expect(resend).toBeFocused()
  await page.keyboard.press('Enter')
  const confirm = page.getByRole('alertdialog', { name: 'Resend this delivery?' })
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(confirm).toBeHidden()
  await expect(resend).toBeFocused()
})

test('a resend that fails (201 with status fail) is shown as a failure', async ({ page }) => {
  const audit = SEED_WEBHOOKS.find((w) => w.id === 'wh-api-key-audit')!
  const history = await openHistory(page, audit.name!)
  await deliveryRows(history)
    .first()
    .getByRole('button', { name: /^Resend/ })
    .click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Resend' }).click()
  const top = deliveryRows(history).first()
  await expect(top).toContainText('New: resent')
  await expect(top).toContainText('Failed')
  await expect(top).toContainText('500')
  await expect(page.getByText('Resend failed', { exact: true })).toBeVisible()
})

test('a failed resend that reaches the failure threshold disables the webhook in the table at once', async ({ page }) => {
  const history = await openHistory(page, slack.name!)
  const row = page.getByRole('row').filter({ has: page.getByText(slack.name!, { exact: true }) })
  await expect(row).toContainText('Enabled')
  await page.evaluate((id) => window.mockTenant.configure({ failureThreshold: 1, receivers: { [id]: 'http-500' } }), slack.id)
  await deliveryRows(history)
    .first()
    .getByRole('button', { name: /^Resend/ })
    .click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Resend' }).click()
  await expect(deliveryRows(history).first()).toContainText('Failed')
  // No reload: the resend refreshes the webhook lists, and the mock has just disabled it.
  await expect(row.getByRole('button', { name: /^Disabled/ })).toBeVisible()
})

test('a hostile payload renders as inert text, from the viewer’s own link', async ({ page }) => {
  let dialogs = 0
  page.on('dialog', (dialog) => {
    dialogs += 1
    void dialog.dismiss()
  })
  const { webhookId, deliveryId } = SEED_DELIVERIES.hostile
  await page.goto(`/?history=${webhookId}&delivery=${deliveryId}`)
  const viewer = page.getByRole('dialog', { name: /^Delivery of/ })
  await expect(viewer).toBeVisible()
  const body = viewer.getByRole('list', { name: 'Request body' })
  await body.getByRole('button', { name: /"data"/ }).click()
  await expect(body.getByText(JSON.stringify(HOSTILE_TEXT)).first()).toBeVisible()
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  expect(await page.locator('script').evaluateAll((nodes) => nodes.filter((n) => n.textContent?.includes('alert(1)')).length)).toBe(0)
  expect(dialogs).toBe(0)
  await expectNoAxeViolations(page)
})

test('a 1 MB body opens and its raw view pages its text', async ({ page }) => {
  const { webhookId, deliveryId } = SEED_DELIVERIES.large
  await page.goto(`/?history=${webhookId}`)
  await expect(page.getByRole('region', { name: /^Delivery history/ }).getByRole('table')).toBeVisible()
  const started = Date.now()
  await page.goto(`/?history=${webhookId}&delivery=${deliveryId}`)
  const viewer = page.getByRole('dialog', { name: /^Delivery of/ })
  await expect(viewer.getByRole('list', { name: 'Request body' })).toBeVisible()
  const opened = Date.now() - started
  const size = await viewer
    .getByText(/[\d,]+ bytes/)
    .first()
    .textContent()
  expect(Number(size!.replace(/\D/g, ''))).toBeGreaterThan(1_000_000)
  await viewer.getByRole('group', { name: 'Request body' }).getByRole('button', { name: 'Raw view' }).click()
  await expect(viewer.getByRole('button', { name: /^Show all \([\d,]+ more characters\)$/ })).toBeVisible()
  // Reported, not asserted: timings vary with the machine (README, Budgets).
  test.info().annotations.push({ type: 'measure', description: `1 MB delivery: page load to body tree visible in ${opened} ms` })
  await expectNoAxeViolations(page)
})

test('a history of thousands pages with Load more, and auto-refresh can be paused', async ({ page }) => {
  test.setTimeout(90_000)
  const { webhookId } = SEED_DELIVERIES.bigHistory
  await page.goto(`/?history=${webhookId}`)
  const history = page.getByRole('region', { name: /^Delivery history/ })
  const rows = deliveryRows(history)
  await expect(rows).toHaveCount(50)
  const started = Date.now()
  for (let pages = 2; pages <= 4; pages++) {
    await history.getByRole('button', { name: 'Load more' }).click()
    // A long history renders only the rows in view (virtualised), so count what it says it shows.
    await expect(history.getByText(new RegExp(`^${50 * pages} deliveries shown`))).toBeVisible()
  }
  test.info().annotations.push({ type: 'measure', description: `3 × Load more (to 200 rows) in ${Date.now() - started} ms` })
  await expect(history.getByText('200 deliveries shown; more are available')).toBeVisible()

  await history.getByRole('button', { name: 'Pause auto-refresh' }).click()
  await expect(history.getByText('Auto-refresh paused')).toBeVisible()
  await history.getByRole('button', { name: 'Resume auto-refresh' }).click()
  await expect(history.getByText(/Refreshes every \d+ seconds/)).toBeVisible()

  await history.getByLabel('Sort', { exact: true }).selectOption({ label: 'Failures first' })
  await expect(page).toHaveURL(/dsort=%2Bstatus/)
  await expect(rows.first().getByRole('cell').nth(1)).toContainText('Failed')
  await expect(rows).toHaveCount(50)

  // The exact UTC time of a delivery shows on keyboard focus too.
  const time = rows.first().getByRole('time')
  // Radix closes a tooltip when its trigger scrolls, so bring it into view first.
  await time.scrollIntoViewIfNeeded()
  await time.focus()
  await expect(time).toHaveAccessibleDescription(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/)
  // One scan, on the first page again: axe over hundreds of rows takes a minute on a busy machine.
  await expectNoAxeViolations(page)
})

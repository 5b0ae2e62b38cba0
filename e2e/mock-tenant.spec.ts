import type { Page } from '@playwright/test'
import { SEED_DELIVERIES } from '../mocks/seed-deliveries'
import { STORAGE_KEY } from '../mocks/persistence'
import { SEED_SECRETS, SEED_WEBHOOKS } from '../mocks/seed'
import { expect, expectNoAxeViolations, test } from './fixtures'

// The in-browser mock tenant: its state survives a reload without ever
// storing a secret, and window.mockTenant resets, configures and fails it.

async function openConsole(page: Page) {
  await page.goto('/')
  await page.waitForFunction(() => 'mockTenant' in window)
}

type Answer = { status: number; body: unknown }
const api = (page: Page, method: string, path: string) =>
  page.evaluate(
    async ([method, path]): Promise<Answer> => {
      const response = await fetch(path!, { method })
      const text = await response.text()
      return { status: response.status, body: text ? JSON.parse(text) : undefined }
    },
    [method, path],
  )

const { webhookId, deliveryId } = SEED_DELIVERIES.hostile
const deliveriesPath = `/api/v1/webhooks/${webhookId}/deliveries`

test('a resend survives a reload, and reset() goes back to the seed', async ({ page }) => {
  await openConsole(page)
  const resend = await api(page, 'POST', `${deliveriesPath}/${deliveryId}/actions/resend`)
  expect(resend.status).toBe(201)
  const created = resend.body as { id: string; triggeredAt: string }

  await page.reload()
  await page.waitForFunction(() => 'mockTenant' in window)
  const after = await api(page, 'GET', `${deliveriesPath}?limit=1`)
  expect((after.body as { data: { id: string }[] }).data[0]!.id).toBe(created.id)

  await page.evaluate(() => window.mockTenant.reset())
  await page.reload()
  await page.waitForFunction(() => 'mockTenant' in window)
  const reset = await api(page, 'GET', `${deliveriesPath}/${created.id}`)
  expect(reset.status).toBe(404)
  await expectNoAxeViolations(page)
})

test('no secret and no encrypted header value is ever written to storage', async ({ page }) => {
  await openConsole(page)
  // A write makes the mock save its state.
  expect((await api(page, 'POST', `${deliveriesPath}/${deliveryId}/actions/resend`)).status).toBe(201)
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))
  expect(stored).toContain(STORAGE_KEY)
  const secrets = [...Object.values(SEED_SECRETS), ...SEED_WEBHOOKS.flatMap((w) => Object.values(w.encryptedHeaders ?? {}))]
  for (const secret of secrets) expect(stored).not.toContain(secret)

  // Seeded secrets come back after a reload: the webhook still signs.
  await page.reload()
  await page.waitForFunction(() => 'mockTenant' in window)
  const webhook = await api(page, 'GET', `/api/v1/webhooks/${webhookId}`)
  expect(webhook.body).toMatchObject({ id: webhookId, secretKeyAdded: true })
  const delivery = await api(page, 'GET', `${deliveriesPath}/${deliveryId}`)
  expect((delivery.body as { request: { headers: Record<string, string> } }).request.headers['Qlik-Signature']).toMatch(/^[0-9a-f]{64}$/)
})

test('failNext answers the next matching request with an ErrorResponse, then the mock is back', async ({ page }) => {
  await openConsole(page)
  // One delivery's path: the console's background reads (health) list deliveries, and would take a fault on the list.
  const onePath = `${deliveriesPath}/${deliveryId}`
  await page.evaluate((path) => window.mockTenant.failNext({ method: 'GET', path }, 503, 2), onePath)
  for (let i = 0; i < 2; i++) {
    const failed = await api(page, 'GET', onePath)
    expect(failed.status).toBe(503)
    expect(failed.body).toMatchObject({ errors: [{ code: 'WEBHOOKS-503', title: 'Service unavailable' }], traceId: expect.any(String) })
  }
  expect((await api(page, 'GET', onePath)).status).toBe(200)
})

test('configure() changes who is calling: a caller without permission gets 403', async ({ page }) => {
  await openConsole(page)
  await page.evaluate(() => window.mockTenant.configure({ persona: 'none' }))
  const denied = await api(page, 'GET', deliveriesPath)
  expect(denied.status).toBe(403)
  expect(denied.body).toMatchObject({ errors: [{ code: 'WEBHOOKS-403-FORBIDDEN' }] })
  // The configuration is part of the saved state.
  await page.reload()
  await page.waitForFunction(() => 'mockTenant' in window)
  expect((await api(page, 'GET', deliveriesPath)).status).toBe(403)
})

test('Reset demo data, after a confirmation, brings a deleted webhook back', async ({ page }) => {
  await openConsole(page)
  const [first] = SEED_WEBHOOKS
  const table = page.getByRole('table', { name: 'Webhooks' })
  expect((await api(page, 'DELETE', `/api/v1/webhooks/${first!.id}`)).status).toBe(204)
  await page.reload()
  await expect(table).toBeVisible()
  await expect(table.getByText(first!.name!, { exact: true })).toHaveCount(0)

  // In the Demo controls panel.
  await page.getByRole('button', { name: 'Demo controls' }).click()
  const panel = page.getByRole('dialog', { name: 'Demo controls' })
  await panel.getByRole('button', { name: 'Reset demo data' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Reset demo data?' })
  await expectNoAxeViolations(page)
  // Cancel changes nothing.
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toBeHidden()
  await expect(panel).toBeVisible()
  await expect(table.getByText(first!.name!, { exact: true })).toHaveCount(0)

  await panel.getByRole('button', { name: 'Reset demo data' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Reset demo data' }).click()
  await expect(table.getByText(first!.name!, { exact: true })).toBeVisible()
  await expect(table.getByRole('row')).toHaveCount(SEED_WEBHOOKS.length + 1)
})

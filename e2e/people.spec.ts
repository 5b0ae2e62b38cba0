import type { Page } from '@playwright/test'
import type { MockTenantControl } from '../mocks/browser'
import { SEED_WEBHOOKS } from '../mocks/seed'
import { SEED_USERS } from '../mocks/users'
import { expect, expectNoAxeViolations, test } from './fixtures'

// People, not ids: the Owner column and the edit form's details name the seeded people,
// from the Users API; refused, they fall back to the ids with no error shown.

const nameOf = (id: string | undefined) => SEED_USERS.find((user) => user.id === id)!.name
const ownerCells = (page: Page) =>
  page
    .getByRole('table', { name: 'Webhooks' })
    .getByRole('row')
    .evaluateAll((rows) => {
      const table = rows[0]!.closest('table')!
      const column = [...table.tHead!.rows[0]!.cells].findIndex((cell) => cell.textContent === 'Owner')
      return rows.slice(1).map((row) => (row as HTMLTableRowElement).cells[column]!.innerText.split('\n')[0]!.trim())
    })

test('the Owner column shows the seeded people by name, and the edit form names owner, creator and updater with their ids', async ({
  page,
}) => {
  await page.goto('/')
  const newest = [...SEED_WEBHOOKS].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))
  await expect.poll(() => ownerCells(page), { timeout: 15_000 }).toEqual(newest.map((w) => nameOf(w.ownerId)))

  const webhook = SEED_WEBHOOKS.find((w) => w.createdByUserId !== w.updatedByUserId)!
  await page.goto(`/?edit=${webhook.id}`)
  const details = page.getByRole('dialog', { name: 'Edit webhook' }).getByRole('definition')
  await expect(details.nth(0)).toHaveText(`${nameOf(webhook.ownerId)} ${webhook.ownerId}`)
  await expect(details.nth(1)).toContainText(`${nameOf(webhook.createdByUserId)} ${webhook.createdByUserId}`)
  await expect(details.nth(2)).toContainText(`${nameOf(webhook.updatedByUserId)} ${webhook.updatedByUserId}`)
  await expectNoAxeViolations(page)
})

test('with the Users API refused (403), the Owner column shows the ids and no error', async ({ page }) => {
  // Every Users request is refused from the start: the fault is set the moment the mock
  // tenant is up, before the first request leaves.
  await page.addInitScript(() => {
    let control: MockTenantControl | undefined
    Object.defineProperty(window, 'mockTenant', {
      configurable: true,
      get: () => control,
      set: (value: MockTenantControl) => {
        control = value
        value.failNext({ method: 'GET', path: '/api/v1/users/' }, 403, 50)
      },
    })
  })
  await page.goto('/')
  const newest = [...SEED_WEBHOOKS].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))
  await expect.poll(() => ownerCells(page), { timeout: 15_000 }).toEqual(newest.map((w) => w.ownerId))
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(page.getByText(/forbidden|could not/i)).toHaveCount(0)
})

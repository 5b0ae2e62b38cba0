import { SEED_WEBHOOKS } from '../mocks/seed'
import { expect, expectNoAxeViolations, test } from './fixtures'

test('the console opens on the mock tenant and lists the seeded webhooks', async ({ page }) => {
  await page.goto('/')
  const table = page.getByRole('table', { name: 'Webhooks' })
  await expect(table).toBeVisible()
  // Newest first, as the API sorts by default; 14 seeded webhooks fit one page.
  const newest = [...SEED_WEBHOOKS].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))
  const rows = table.getByRole('row')
  await expect(rows).toHaveCount(SEED_WEBHOOKS.length + 1)
  await expect(rows.nth(1)).toContainText(newest[0]!.name!)
  await expect(rows.nth(SEED_WEBHOOKS.length)).toContainText(newest.at(-1)!.name!)
  await expect(page.getByText('Built-in mock tenant')).toBeVisible()
  await expectNoAxeViolations(page)
})

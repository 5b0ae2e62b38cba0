import type { Page } from '@playwright/test'
import type { MockTenantControl } from '../mocks/browser'
import { SEED_WEBHOOKS } from '../mocks/seed'
import { expect, expectNoAxeViolations, test, webhooksTable, webhookRow } from './fixtures'

// Journeys through the webhooks table on the seeded mock tenant. Every
// expectation is computed from mocks/seed.ts, sorted and filtered the way
// the API documents it.

type Seeded = (typeof SEED_WEBHOOKS)[number]

const byText = (field: 'name' | 'url' | 'createdAt' | 'updatedAt', desc: boolean) => (a: Seeded, b: Seeded) =>
  (desc ? -1 : 1) * (a[field] ?? '').localeCompare(b[field] ?? '', 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id)
const namesSortedBy = (field: 'name' | 'url' | 'createdAt' | 'updatedAt', desc: boolean, list: Seeded[] = SEED_WEBHOOKS) =>
  [...list].sort(byText(field, desc)).map((w) => w.name!)
const seeded = (id: string) => SEED_WEBHOOKS.find((w) => w.id === id)!

/** A toast in the notifications region (screen readers get it from its live announcement). */
const notification = (page: Page, text: string) =>
  page
    .getByRole('region', { name: /^Notifications/ })
    .getByRole('listitem')
    .filter({ hasText: text })

/** The names in the table, top to bottom (the first line of each row's first cell), read in one go. */
const shownNames = (page: Page): Promise<string[]> =>
  webhooksTable(page)
    .getByRole('row')
    .evaluateAll((rows) =>
      rows
        .map((row) => (row as HTMLTableRowElement).cells[0])
        .filter((cell): cell is HTMLTableCellElement => cell?.tagName === 'TD' && cell.colSpan === 1)
        .map((cell) => cell.innerText.split('\n')[0]!.trim()),
    )

async function openTable(page: Page, search = '') {
  await page.goto(`/${search}`)
  await expect(webhooksTable(page)).toBeVisible()
  await expect(webhooksTable(page)).not.toHaveAttribute('aria-busy', 'true')
  await expect(webhooksTable(page).getByRole('row').nth(1)).toBeVisible()
}

const mockTenant = (page: Page) => ({
  failNext: (...[match, status, times = 1]: Parameters<MockTenantControl['failNext']>) =>
    page.evaluate(([m, s, t]) => window.mockTenant.failNext(m, s, t), [match, status, times] as const),
  reset: () => page.evaluate(() => window.mockTenant.reset()),
})

// Journeys of many steps, each with axe scans: more than the default 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 })

test.beforeEach(async ({ page }) => {
  // The mock tenant keeps its state across reloads; every journey starts from the seed.
  await page.goto('/')
  await page.waitForFunction(() => 'mockTenant' in window)
  await mockTenant(page).reset()
})

test('shows every column, the quota count, newest first by default', async ({ page }) => {
  await openTable(page)
  const table = webhooksTable(page)
  for (const name of ['Name', 'URL', 'Events', 'Level', 'Origin', 'Status', 'Owner', 'Created', 'Updated']) {
    await expect(table.getByRole('columnheader', { name, exact: true })).toBeVisible()
  }
  await expect(table.getByRole('columnheader', { name: 'Created' })).toHaveAttribute('aria-sort', 'descending')
  await expect.poll(() => shownNames(page)).toEqual(namesSortedBy('createdAt', true))
  await expect(page.getByText(`${SEED_WEBHOOKS.length} of 100 webhooks`)).toBeVisible()

  // Description beneath the name; automation-owned webhooks are marked.
  const slack = seeded('wh-slack-app-events')
  await expect(webhookRow(page, slack.name!)).toContainText(slack.description!)
  await expect(webhookRow(page, seeded('wh-automation-sales').name!)).toContainText('Managed by an automation')

  // A disabled webhook's reason is on a focusable element, shown on focus.
  const broken = seeded('wh-broken-endpoint')
  const status = webhookRow(page, broken.name!).getByRole('button', { name: 'Disabled' })
  await expect(status).toHaveAccessibleDescription(broken.disabledReason!)
  const tooltip = page.getByRole('tooltip').filter({ hasText: broken.disabledReason! })
  await expect(tooltip).toHaveCSS('position', 'absolute') // visually hidden until asked for
  await status.focus()
  await expect(tooltip).toHaveCSS('position', 'fixed')
  expect((await tooltip.boundingBox())!.width).toBeGreaterThan(50)
  await expectNoAxeViolations(page)
  await page.keyboard.press('Escape')
  await expect(tooltip).toHaveCSS('position', 'absolute')
  await status.hover()
  await expect(tooltip).toHaveCSS('position', 'fixed')
})

test('sorts each sortable column both ways by its header, and Back returns to the previous order', async ({ page }) => {
  await openTable(page)
  const table = webhooksTable(page)
  const header = (name: string) => table.getByRole('columnheader', { name })
  const sortButton = (name: string) => header(name).getByRole('button', { name })

  // Text columns start A to Z, dates newest first; the next click turns the order round.
  const columns = [
    ['Name', 'name', false],
    ['URL', 'url', false],
    ['Updated', 'updatedAt', true],
    ['Created', 'createdAt', true],
  ] as const
  for (const [label, field, descFirst] of columns) {
    for (const desc of [descFirst, !descFirst]) {
      await sortButton(label).click()
      await expect(header(label)).toHaveAttribute('aria-sort', desc ? 'descending' : 'ascending')
      await expect.poll(() => shownNames(page)).toEqual(namesSortedBy(field, desc))
      for (const [other] of columns.filter(([name]) => name !== label)) {
        await expect(header(other)).not.toHaveAttribute('aria-sort')
      }
    }
  }
  expect(new URL(page.url()).searchParams.get('sort')).toBe('+createdAt')
  await expectNoAxeViolations(page)

  await page.goBack()
  await expect(header('Created')).toHaveAttribute('aria-sort', 'descending')
  await expect.poll(() => shownNames(page)).toEqual(namesSortedBy('createdAt', true))
  await page.goBack()
  await expect(header('Updated')).toHaveAttribute('aria-sort', 'ascending')
})

test('filters by part of a name, by part of a URL, and by several filters at once', async ({ page }) => {
  await openTable(page)
  const newest = (list: Seeded[]) => namesSortedBy('createdAt', true, list)

  await page.getByRole('searchbox', { name: 'Name' }).fill('SYNC')
  const byName = SEED_WEBHOOKS.filter((w) => w.name!.toLowerCase().includes('sync'))
  expect(byName.length).toBeGreaterThan(1)
  await expect.poll(() => shownNames(page)).toEqual(newest(byName))
  expect(new URL(page.url()).searchParams.get('name')).toBe('SYNC')
  await expectNoAxeViolations(page)

  await page.getByRole('searchbox', { name: 'Name' }).fill('')
  await page.getByRole('searchbox', { name: 'URL' }).fill('acme-corp.example.com/qlik')
  const byUrl = SEED_WEBHOOKS.filter((w) => w.url!.includes('acme-corp.example.com/qlik'))
  await expect.poll(() => shownNames(page)).toEqual(newest(byUrl))

  // URL part + Status + Origin (several values) together.
  await page.getByRole('searchbox', { name: 'URL' }).fill('acme')
  await page.getByRole('combobox', { name: 'Status' }).selectOption('Enabled')
  const origin = page.getByRole('button', { name: /^Origin/ })
  await origin.click()
  await expect(origin).toHaveAttribute('aria-expanded', 'true')
  await page.getByRole('checkbox', { name: 'api', exact: true }).check()
  // Keyboard: Tab to the next checkbox, Space ticks it.
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('checkbox', { name: 'management-console' })).toBeFocused()
  await page.keyboard.press('Space')
  await expect(origin).toHaveAccessibleName('Origin 2 selected')
  await expectNoAxeViolations(page)
  await page.keyboard.press('Escape')
  await expect(origin).toBeFocused()
  await expect(origin).toHaveAttribute('aria-expanded', 'false')
  const combined = SEED_WEBHOOKS.filter(
    (w) => w.url!.toLowerCase().includes('acme') && w.enabled && ['api', 'management-console'].includes(w.origin ?? 'api'),
  )
  expect(combined.length).toBeGreaterThan(0)
  await expect.poll(() => shownNames(page)).toEqual(newest(combined))
  const params = new URL(page.url()).searchParams
  expect([params.get('url'), params.get('status'), params.get('origin')]).toEqual(['acme', 'enabled', 'api,management-console'])

  // Event types (several: a webhook must have all of them) and level.
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect.poll(() => shownNames(page)).toEqual(newest(SEED_WEBHOOKS))
  await page.getByRole('button', { name: /^Event types/ }).click()
  await page.getByRole('group', { name: 'Analytics apps' }).getByRole('checkbox', { name: 'App created' }).check()
  await page.getByRole('checkbox', { name: 'App deleted' }).check()
  await page.keyboard.press('Escape')
  await page.getByRole('combobox', { name: 'Level' }).selectOption('tenant')
  const withEvents = SEED_WEBHOOKS.filter(
    (w) =>
      ['com.qlik.v1.app.created', 'com.qlik.v1.app.deleted'].every((e) => w.eventTypes?.includes(e)) && (w.level ?? 'tenant') === 'tenant',
  )
  await expect.poll(() => shownNames(page)).toEqual(newest(withEvents))

  // Nothing matches: the table says so and offers to clear.
  await page.getByRole('searchbox', { name: 'Name' }).fill('no such webhook')
  await expect(webhooksTable(page)).toContainText('No webhooks match these filters.')
  await expectNoAxeViolations(page)
  await webhooksTable(page).getByRole('button', { name: 'Clear filters' }).click()
  await expect.poll(() => shownNames(page)).toEqual(newest(SEED_WEBHOOKS))
  await expect(page.getByRole('searchbox', { name: 'Name' })).toHaveValue('')
  await expect(page.getByRole('combobox', { name: 'Level' })).toHaveValue('')
})

test('pages forward and back with cursors, and a reload keeps the view', async ({ page }) => {
  await openTable(page)
  // The seed has fewer webhooks than the smallest page: add some through the API.
  const extra = 30
  await page.evaluate(async (count) => {
    for (let i = 0; i < count; i++) {
      const response = await fetch('/api/v1/webhooks', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: `Paging ${String(i).padStart(2, '0')}`, url: `https://paging${i}.example.com/hook`, level: 'user' }),
      })
      if (!response.ok) throw new Error(`POST answered ${response.status}`)
    }
  }, extra)
  await openTable(page, '?sort=%2Bname')
  const total = SEED_WEBHOOKS.length + extra
  await expect(page.getByText(`${total} of 100 webhooks`)).toBeVisible()
  const allNames = [
    ...SEED_WEBHOOKS.map((w) => w.name!),
    ...Array.from({ length: extra }, (_, i) => `Paging ${String(i).padStart(2, '0')}`),
  ].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))

  const previous = page.getByRole('button', { name: 'Previous' })
  const next = page.getByRole('button', { name: 'Next' })
  await expect.poll(() => shownNames(page)).toEqual(allNames.slice(0, 20))
  await expect(previous).toHaveAttribute('aria-disabled', 'true')
  await next.click()
  await expect.poll(() => shownNames(page)).toEqual(allNames.slice(20, 40))
  await next.click()
  await expect.poll(() => shownNames(page)).toEqual(allNames.slice(40))
  await expect(next).toHaveAttribute('aria-disabled', 'true')
  await expectNoAxeViolations(page)

  await previous.click()
  await expect.poll(() => shownNames(page)).toEqual(allNames.slice(20, 40))

  // Reload: same page, same sort.
  await page.reload()
  await expect.poll(() => shownNames(page)).toEqual(allNames.slice(20, 40))
  await expect(webhooksTable(page).getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending')

  // Back steps through the pages visited.
  await page.goBack()
  await expect.poll(() => shownNames(page)).toEqual(allNames.slice(40))

  // A change of filter or page size starts again at the first page.
  await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('50')
  await expect.poll(() => shownNames(page)).toEqual(allNames)
  expect(new URL(page.url()).searchParams.get('next')).toBeNull()
  await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('20')
  await next.click()
  await expect.poll(() => shownNames(page)).toEqual(allNames.slice(20, 40))
  await page.getByRole('searchbox', { name: 'Name' }).fill('Paging')
  await expect.poll(() => shownNames(page)).toEqual(allNames.filter((n) => n.startsWith('Paging')).slice(0, 20))
})

test('a shared link with filters and sort shows the same view after a reload', async ({ page }) => {
  await openTable(page, '?sort=-url&status=disabled&level=tenant')
  const expected = SEED_WEBHOOKS.filter((w) => !w.enabled && (w.level ?? 'tenant') === 'tenant').sort(byText('url', true))
  await expect.poll(() => shownNames(page)).toEqual(expected.map((w) => w.name))
  await page.reload()
  await expect.poll(() => shownNames(page)).toEqual(expected.map((w) => w.name))
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('disabled')
  await expect(page.getByRole('combobox', { name: 'Level' })).toHaveValue('tenant')
  await expect(webhooksTable(page).getByRole('columnheader', { name: 'URL' })).toHaveAttribute('aria-sort', 'descending')
})

test('disables a webhook from its menu, keeps it after a reload, then enables it again (keyboard only)', async ({ page }) => {
  await openTable(page)
  const slack = seeded('wh-slack-app-events')
  const more = page.getByRole('button', { name: `More actions for ${slack.name}` })
  await more.focus()
  await page.keyboard.press('Enter')
  const menu = page.getByRole('menu', { name: `More actions for ${slack.name}` })
  // The demo build adds the mock's "Send test event" before Delete.
  await expect(menu.getByRole('menuitem')).toHaveText(['Edit', 'Disable webhook', 'Send test event', 'Delete'])
  await expect(menu.getByRole('menuitem', { name: 'Edit' })).toBeFocused()
  await expectNoAxeViolations(page)
  // Escape closes and returns to the button; Arrow Down opens again.
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)
  await expect(more).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem', { name: 'Disable webhook' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(more).toBeFocused()
  await expect(webhookRow(page, slack.name!)).toContainText('Disabled')
  await expect(notification(page, 'Webhook disabled')).toBeVisible()

  await page.reload()
  await expect(webhookRow(page, slack.name!)).toContainText('Disabled')

  await page.getByRole('button', { name: `More actions for ${slack.name}` }).click()
  await page.getByRole('menuitem', { name: 'Enable webhook' }).click()
  await expect(webhookRow(page, slack.name!)).toContainText('Enabled')
  await page.reload()
  await expect(webhookRow(page, slack.name!)).toContainText('Enabled')
  await expectNoAxeViolations(page)
})

test('enabling a webhook the API disabled clears its reason', async ({ page }) => {
  await openTable(page)
  const audit = seeded('wh-api-key-audit')
  await page.getByRole('button', { name: `More actions for ${audit.name}` }).click()
  await page.getByRole('menuitem', { name: 'Enable webhook' }).click()
  await expect(webhookRow(page, audit.name!)).toContainText('Enabled')
  await expect(webhookRow(page, audit.name!).getByRole('button', { name: 'Disabled' })).toHaveCount(0)
})

test('a PATCH the API refuses rolls the row back and says why', async ({ page }) => {
  await openTable(page)
  const slack = seeded('wh-slack-app-events')
  await mockTenant(page).failNext({ method: 'PATCH', path: '/api/core/webhooks/' }, 500)
  await page.getByRole('button', { name: `More actions for ${slack.name}` }).click()
  await page.getByRole('menuitem', { name: 'Disable webhook' }).click()
  const toast = notification(page, `Could not disable “${slack.name}”`)
  await expect(toast).toBeVisible()
  await expect(toast).toContainText('Injected by mockTenant.failNext.')
  await expect(webhookRow(page, slack.name!)).toContainText('Enabled')
  await expect(webhookRow(page, slack.name!)).not.toContainText('Disabled')
  await expectNoAxeViolations(page)
  // The server still has it enabled.
  await page.reload()
  await expect(webhookRow(page, slack.name!)).toContainText('Enabled')
})

test('deletes a webhook after a confirmation that names it', async ({ page }) => {
  await openTable(page)
  const victim = seeded('wh-legacy-export')
  await page.getByRole('button', { name: `More actions for ${victim.name}` }).click()
  await page.getByRole('menuitem', { name: 'Delete' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Delete webhook?' })
  await expect(dialog).toContainText(`“${victim.name}”`)
  await expectNoAxeViolations(page)

  // Cancel keeps it.
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(webhookRow(page, victim.name!)).toHaveCount(1)

  await page.getByRole('button', { name: `More actions for ${victim.name}` }).click()
  await page.getByRole('menuitem', { name: 'Delete' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
  await expect(notification(page, 'Webhook deleted')).toBeVisible()
  await expect(webhookRow(page, victim.name!)).toHaveCount(0)
  // The row and its menu are gone; focus lands on the page heading, not on <body>.
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeFocused()
  await expect(page.getByText(`${SEED_WEBHOOKS.length - 1} of 100 webhooks`)).toBeVisible()
  await page.reload()
  await expect
    .poll(() => shownNames(page))
    .toEqual(
      namesSortedBy(
        'createdAt',
        true,
        SEED_WEBHOOKS.filter((w) => w.id !== victim.id),
      ),
    )
})

test('editing a webhook an automation owns warns first; Create new opens the form', async ({ page }) => {
  await openTable(page)
  const managed = seeded('wh-automation-sales')
  await page.getByRole('button', { name: `More actions for ${managed.name}` }).click()
  await page.getByRole('menuitem', { name: 'Edit' }).click()
  const warning = page.getByRole('alertdialog', { name: 'Edit a webhook managed by an automation?' })
  await expect(warning).toContainText(managed.name!)
  await expectNoAxeViolations(page)
  await warning.getByRole('button', { name: 'Cancel' }).click()
  expect(new URL(page.url()).searchParams.get('edit')).toBeNull()

  await page.getByRole('button', { name: `More actions for ${managed.name}` }).click()
  await page.getByRole('menuitem', { name: 'Edit' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Edit anyway' }).click()
  await expect(page).toHaveURL(/[?&]edit=wh-automation-sales/)
  await expect(page.getByRole('dialog')).toBeVisible()

  // Other webhooks open the form at once.
  await page.goto('/')
  const plain = seeded('wh-reload-monitor')
  await page.getByRole('button', { name: `More actions for ${plain.name}` }).click()
  await page.getByRole('menuitem', { name: 'Edit' }).click()
  await expect(page).toHaveURL(/[?&]edit=wh-reload-monitor/)
  await expect(page.getByRole('dialog')).toBeVisible()

  await page.goto('/')
  await page.getByRole('button', { name: 'Create new' }).first().click()
  await expect(page).toHaveURL(/[?&]create=1/)
  await expect(page.getByRole('dialog')).toBeVisible()
})

test('expands and collapses a delivery history from its row', async ({ page }) => {
  await openTable(page)
  const slack = seeded('wh-slack-app-events')
  const toggle = webhookRow(page, slack.name!).getByRole('button', { name: 'Show delivery history' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await toggle.click()
  const hide = page.getByRole('button', { name: 'Hide delivery history' })
  await expect(hide).toHaveAttribute('aria-expanded', 'true')
  await expect(page).toHaveURL(/[?&]history=wh-slack-app-events/)
  const controlled = await hide.getAttribute('aria-controls')
  await expect(page.locator(`[id="${controlled}"]`)).toBeVisible()
  await page.reload()
  await expect(page.getByRole('button', { name: 'Hide delivery history' })).toHaveAttribute('aria-expanded', 'true')
  await page.getByRole('button', { name: 'Hide delivery history' }).click()
  expect(new URL(page.url()).searchParams.get('history')).toBeNull()
  await expect(page.getByRole('button', { name: 'Hide delivery history' })).toHaveCount(0)
})

test('a failed list shows the API message, its trace id and a Retry that recovers', async ({ page }) => {
  await openTable(page)
  // The Health column reads each webhook's deliveries in the background, and a fault on
  // /api/core/webhooks would meet those reads first: let them finish.
  await expect(page.getByText('Loading health…')).toHaveCount(0, { timeout: 30_000 })
  // The client retries server errors twice; fail all three tries of the next list request.
  await mockTenant(page).failNext({ method: 'GET', path: '/api/core/webhooks' }, 500, 3)
  await page.getByRole('combobox', { name: 'Status' }).selectOption('Disabled')
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load webhooks' })
  await expect(alert).toBeVisible({ timeout: 15_000 })
  await expect(alert).toContainText(/Trace ID: \S+/)
  await expectNoAxeViolations(page)
  await alert.getByRole('button', { name: 'Retry' }).click()
  const disabled = SEED_WEBHOOKS.filter((w) => !w.enabled)
  await expect.poll(() => shownNames(page)).toEqual(namesSortedBy('createdAt', true, disabled))
  await expect(alert).toHaveCount(0)
})

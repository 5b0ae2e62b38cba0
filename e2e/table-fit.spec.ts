import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'

// The webhooks table fits the window: whatever the API allows in a name, a URL or a
// description, the page never scrolls sideways from 1024 px up, each cell keeps to its
// lines and shows the whole value on hover and keyboard focus; narrower, the table
// scrolls in its own region.

const longName = 'N'.repeat(512)
const longUrl = `https://hooks.example.com/${'a'.repeat(2048 - 'https://hooks.example.com/'.length)}`
const longDescription = `${'Description '.repeat(85)}1234`.slice(0, 1024)
const emojiName = '🦄'.repeat(256)

// Three widths and several page loads each: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 })

/** Creates webhooks through the mock tenant's API, as any client would. */
async function createWebhooks(page: Page, bodies: object[]) {
  await page.goto('/')
  await expect(page.getByRole('table', { name: 'Webhooks' })).not.toHaveAttribute('aria-busy', 'true', { timeout: 20_000 })
  for (const body of bodies) {
    const status = await page.evaluate(
      (json) =>
        fetch('/api/v1/webhooks', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json }).then((r) => r.status),
      JSON.stringify(body),
    )
    expect(status).toBe(201)
  }
}

const layout = (page: Page) =>
  page.evaluate(() => {
    const table = document.querySelector('table')!
    const scroller = table.parentElement!
    const lineHeight = parseFloat(getComputedStyle(table).lineHeight)
    const rows = [...table.tBodies[0]!.rows].filter((row) => row.cells.length > 1)
    return {
      pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      tableScrolls: scroller.scrollWidth > scroller.clientWidth,
      lineHeight,
      nameHeights: rows.map((row) => (row.cells[0]!.querySelector('.webhook-name') as HTMLElement).getBoundingClientRect().height),
      nameCellContent: rows.map((row) => [...row.cells[0]!.children].reduce((sum, child) => sum + child.getBoundingClientRect().height, 0)),
      rowHeights: rows.map((row) => Math.round(row.getBoundingClientRect().height)),
    }
  })

test('a 512-character name without spaces, a 2048-character URL, a long description and 256 emoji leave no horizontal scroll at 1440, 1280 and 1024 px', async ({
  page,
}) => {
  await createWebhooks(page, [
    { name: longName, url: longUrl, description: longDescription, eventTypes: ['com.qlik.v1.app.reload.finished'] },
    { name: emojiName, url: 'https://hooks.example.com/emoji', description: emojiName, eventTypes: ['com.qlik.v1.app.created'] },
  ])
  for (const width of [1440, 1280, 1024]) {
    await page.setViewportSize({ width, height: 900 })
    await page.goto('/')
    const table = page.getByRole('table', { name: 'Webhooks' })
    await expect(table.getByRole('button', { name: `More actions for ${longName}` })).toBeVisible({ timeout: 20_000 })
    // Measured with the Health column filled in, failure runs included.
    await expect(page.getByText('Loading health…')).toHaveCount(0, { timeout: 30_000 })
    const found = await layout(page)
    expect(found.pageScrolls, `page scrolls sideways at ${width} px`).toBe(false)
    expect(found.tableScrolls, `table scrolls at ${width} px`).toBe(false)
    // One line per name, two with the description: nothing wraps a word per line.
    for (const height of found.nameHeights) expect(height).toBeLessThanOrEqual(found.lineHeight * 1.1)
    for (const height of found.nameCellContent) expect(height).toBeLessThanOrEqual(found.lineHeight * 2.1)
    expect(new Set(found.rowHeights).size, `rows of one height at ${width} px: ${found.rowHeights.join(', ')}`).toBe(1)
  }
})

test('a cut name and URL show whole on hover and on keyboard focus, and dates keep to one line with the time on hover', async ({
  page,
}) => {
  await createWebhooks(page, [{ name: longName, url: longUrl, eventTypes: ['com.qlik.v1.app.created'] }])
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto('/')
  const table = page.getByRole('table', { name: 'Webhooks' })
  const row = table.getByRole('row').filter({ has: page.getByRole('button', { name: `More actions for ${longName}` }) })

  await row.getByText(longName, { exact: true }).first().hover()
  await expect(page.getByRole('tooltip', { name: longName })).toBeVisible()

  // Keyboard: Tab from the row's first focusable value reaches the URL; each shows whole.
  await row.getByText(longName, { exact: true }).first().focus()
  await expect(page.getByRole('tooltip', { name: longName })).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(row.getByText(longUrl, { exact: true }).first()).toBeFocused()
  await expect(page.getByRole('tooltip', { name: longUrl })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('tooltip', { name: longUrl })).toHaveCount(0)

  const created = row.locator('time').first()
  await expect(created).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, /) // the visible date, then the time for screen readers
  expect(await created.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(24)
  await expect(created).toHaveAttribute('title', /\d{1,2}:\d{2}/)
  await expectNoAxeViolations(page)
})

test('below 1024 px the table scrolls in its own region and the page does not', async ({ page }) => {
  await createWebhooks(page, [{ name: longName, url: longUrl, eventTypes: ['com.qlik.v1.app.created'] }])
  for (const width of [900, 700]) {
    await page.setViewportSize({ width, height: 800 })
    await page.goto('/')
    await expect(page.getByRole('button', { name: `More actions for ${longName}` })).toBeAttached({ timeout: 20_000 })
    const found = await layout(page)
    expect(found.pageScrolls, `page scrolls sideways at ${width} px`).toBe(false)
    if (width === 700) expect(found.tableScrolls).toBe(true)
  }
})

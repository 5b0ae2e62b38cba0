import type { Locator, Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'

// Demo controls, "Rate limits": the switch of the mock's rate limiter, kept
// across a reload like the rest of the demo state, reached with the keyboard.

/** A write the limiter counts in Tier 2, sent from the page to the mock's service worker: its status. */
const patchDescription = (page: Page) =>
  page.evaluate(async () => {
    const response = await fetch('/api/core/webhooks/wh-teams-publish', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'qlik-api-version': '2026-11' },
      body: JSON.stringify([{ op: 'replace', path: '/description', value: 'Patched under the rate limits' }]),
    })
    return response.status
  })

/** Tabs forward until `target` has the focus, as a keyboard user would reach it. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error('Tab never reached the control')
}

async function openDemoControls(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Demo controls' }).focus()
  await page.keyboard.press('Enter')
  const panel = page.getByRole('dialog', { name: 'Demo controls' })
  await expect(panel).toBeVisible()
  return panel
}

test('Rate limits in Demo controls turns the mock’s limiter off and on, with the keyboard, and survives a reload', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('table', { name: 'Webhooks' })).toBeVisible()
  // The table can show before the mock's control is attached.
  await page.waitForFunction(() => 'mockTenant' in window)
  // No write allowed at all: the switch's effect is plain to see.
  await page.evaluate(() => window.mockTenant.configure({ rateLimits: { tier1: 1000, tier2: 0 } }))
  expect(await patchDescription(page)).toBe(429)

  let panel = await openDemoControls(page)
  let toggle = panel.getByRole('checkbox', { name: 'Rate limits' })
  await expect(toggle).toBeChecked()
  await expect(toggle).toHaveAccessibleDescription(/1,000 reads \(Tier 1\) and 0 writes \(Tier 2\) a minute/)
  await expectNoAxeViolations(page)

  await tabTo(page, toggle)
  await page.keyboard.press('Space')
  await expect(toggle).not.toBeChecked()
  await expect(toggle).toHaveAccessibleDescription('Off: the mock answers every request, however many.')
  expect(await page.evaluate(() => window.mockTenant.getConfig().rateLimits)).toBe(false)
  expect(await patchDescription(page)).toBe(204)

  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  await page.reload()
  await expect(page.getByRole('table', { name: 'Webhooks' })).toBeVisible()
  panel = await openDemoControls(page)
  toggle = panel.getByRole('checkbox', { name: 'Rate limits' })
  await expect(toggle, 'still off after the reload').not.toBeChecked()

  await tabTo(page, toggle)
  await page.keyboard.press('Space')
  await expect(toggle).toBeChecked()
  // On again means Qlik's own figures.
  expect(await page.evaluate(() => window.mockTenant.getConfig().rateLimits)).toEqual({ tier1: 1000, tier2: 100 })
  await expect(toggle).toHaveAccessibleDescription(/1,000 reads \(Tier 1\) and 100 writes \(Tier 2\) a minute/)
  expect(await patchDescription(page)).toBe(204)
})

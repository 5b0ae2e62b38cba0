import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'

// The light and dark themes: the system's choice by default, the header's "Dark theme"
// button over it, remembered in this browser.

const luminance = (page: Page, selector: string, property: 'color' | 'backgroundColor') =>
  page.locator(selector).evaluate((element, prop) => {
    const style = getComputedStyle(element)
    const channels = style[prop].match(/[\d.]+/g)!.slice(0, 3)
    const [r, g, b] = channels.map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  }, property)

async function openTable(page: Page) {
  await page.goto('/')
  await expect(page.getByRole('table', { name: 'Webhooks' }).getByRole('row').nth(1)).toBeVisible()
}

test.describe('with the system in dark mode', () => {
  test.use({ colorScheme: 'dark' })

  test('the page is dark with light text, and the toggle shows it pressed', async ({ page }) => {
    await openTable(page)
    expect(await luminance(page, 'body', 'backgroundColor')).toBeLessThan(0.05)
    expect(await luminance(page, 'body', 'color')).toBeGreaterThan(0.6)
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true')
    await expectNoAxeViolations(page)
  })

  test('the toggle turns the light theme on, and the choice survives a reload', async ({ page }) => {
    await openTable(page)
    const toggle = page.getByRole('button', { name: 'Dark theme' })
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    expect(await luminance(page, 'body', 'backgroundColor')).toBeGreaterThan(0.8)
    await page.reload()
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'false')
    expect(await luminance(page, 'body', 'backgroundColor')).toBeGreaterThan(0.8)
  })
})

test('in light mode the toggle turns the dark theme on with the keyboard, and it survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await openTable(page)
  const toggle = page.getByRole('button', { name: 'Dark theme' })
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  expect(await luminance(page, 'body', 'backgroundColor')).toBeGreaterThan(0.8)
  await toggle.focus()
  await page.keyboard.press('Enter')
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  expect(await luminance(page, 'body', 'backgroundColor')).toBeLessThan(0.05)
  await page.reload()
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true')
  expect(await luminance(page, 'body', 'backgroundColor')).toBeLessThan(0.05)
  // The scan sets the choice aside to see both themes, then puts it back.
  await expectNoAxeViolations(page)
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true')
})

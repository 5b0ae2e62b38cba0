import AxeBuilder from '@axe-core/playwright'
import { expect, test as base, type Page } from '@playwright/test'

const THEME_KEY = 'qlik-webhooks-console/theme'

async function scan(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

/**
 * Scans the page as it is now with axe (WCAG 2.1 AA and best practices), once in the light
 * theme and once in the dark one, and fails on any violation in either. Each theme is shown
 * the way a person gets it: by the system's colour scheme, with a choice made with the
 * "Dark theme" button set aside for the scan (the console follows another tab's storage
 * change) and put back afterwards, as are the colour scheme and the page's state.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Two full scans take a while on a busy machine: give the test the time they need.
  base.info().setTimeout(base.info().timeout + 30_000)
  const before = await page.evaluate((key) => {
    const choice = localStorage.getItem(key)
    localStorage.removeItem(key)
    window.dispatchEvent(new StorageEvent('storage', { key }))
    return { choice, dark: matchMedia('(prefers-color-scheme: dark)').matches }
  }, THEME_KEY)
  const summary: string[] = []
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme)
    summary.push(...(await scan(page)).map((violation) => `${colorScheme} theme: ${violation}`))
  }
  await page.emulateMedia({ colorScheme: before.dark ? 'dark' : 'light' })
  await page.evaluate(
    ([key, choice]) => {
      if (choice) localStorage.setItem(key, choice)
      window.dispatchEvent(new StorageEvent('storage', { key }))
    },
    [THEME_KEY, before.choice] as const,
  )
  expect(summary, 'axe violations').toEqual([])
}

export const test = base.extend<{ consoleErrors: string[] }>({
  // Any uncaught error in the page fails the test that caused it.
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      await use(errors)
      expect(errors, 'uncaught errors in the page').toEqual([])
    },
    { auto: true },
  ],
})

/** The webhooks table. */
export const webhooksTable = (page: Page) => page.getByRole('table', { name: 'Webhooks' })

/** One webhook's row in the webhooks table, found by the name its row menu carries. */
export const webhookRow = (page: Page, name: string) =>
  webhooksTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: `More actions for ${name}`, exact: true }) })

export { expect }

import { expect, expectNoAxeViolations, test } from './fixtures'

// Single-key shortcuts of the webhooks page: "/" the Name filter, "n" Create new, "?" the list.

test('"/" focuses the Name filter, "n" opens Create new, "?" lists the shortcuts; none fires while typing or with a modifier', async ({
  page,
}) => {
  await page.goto('/')
  const table = page.getByRole('table', { name: 'Webhooks' })
  await expect(table).not.toHaveAttribute('aria-busy', 'true', { timeout: 20_000 })
  await table.getByRole('button', { name: 'Created' }).focus()

  await page.keyboard.press('/')
  const nameFilter = page.getByRole('searchbox', { name: 'Name' })
  await expect(nameFilter).toBeFocused()
  await expect(nameFilter).toHaveValue('')

  // Typing in a field types: "n", "?" and "/" are letters there.
  await page.keyboard.type('n?/')
  await expect(nameFilter).toHaveValue('n?/')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await nameFilter.fill('')
  await nameFilter.blur()

  // With a modifier held, nothing happens.
  await page.keyboard.press('Alt+n')
  await page.keyboard.press('Control+/')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(nameFilter).not.toBeFocused()

  await page.keyboard.press('n')
  const form = page.getByRole('dialog', { name: 'Create webhook' })
  await expect(form).toBeVisible()
  await expect(page).toHaveURL(/create=1/)
  // Inside the form, "?" is just a character.
  await form.getByLabel('Name', { exact: true }).focus()
  await page.keyboard.type('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0)
  await form.getByRole('button', { name: 'Cancel' }).click()
  await page.getByRole('alertdialog', { name: 'Discard your changes?' }).getByRole('button', { name: 'Discard changes' }).click()
  await expect(form).toHaveCount(0)

  await page.keyboard.press('?')
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(list).toBeVisible()
  await expect(list.getByRole('table', { name: 'On this page' }).getByRole('row')).toHaveCount(4)
  await expect(list.getByRole('table', { name: 'In the table' })).toContainText('More actions')
  await expectNoAxeViolations(page)
  await page.keyboard.press('Escape')
  await expect(list).toHaveCount(0)

  // The same list from the button, for those who do not know the key.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
  await expect(list).toBeVisible()
  await list.getByRole('button', { name: 'Close' }).click()
  await expect(list).toHaveCount(0)
})

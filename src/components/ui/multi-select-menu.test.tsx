import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { MultiSelectMenu } from './multi-select-menu'

function Filter() {
  const [selected, setSelected] = useState<string[]>([])
  return (
    <MultiSelectMenu
      label="Origin"
      options={[
        { value: 'api', label: 'api', group: 'Sources' },
        { value: 'automations', label: 'automations', group: 'Sources' },
        { value: 'other', label: 'other' },
      ]}
      selected={selected}
      onChange={setSelected}
    />
  )
}

describe('MultiSelectMenu', () => {
  it('shows checkboxes by group, summarises the choice on its button, Escape closes and returns focus', async () => {
    const user = userEvent.setup()
    render(<Filter />)
    const button = screen.getByRole('button', { name: 'Origin Any' })
    await user.click(button)
    expect(button).toHaveAttribute('aria-expanded', 'true')
    const group = screen.getByRole('group', { name: 'Sources' })
    expect(screen.getByRole('checkbox', { name: 'api' })).toHaveFocus()
    await user.keyboard(' ')
    expect(button).toHaveAccessibleName('Origin api')
    await user.click(screen.getByRole('checkbox', { name: 'other' }))
    expect(button).toHaveAccessibleName('Origin 2 selected')
    expect(group).toContainElement(screen.getByRole('checkbox', { name: 'automations' }))

    await user.click(screen.getByRole('button', { name: 'Clear selection' }))
    expect(button).toHaveAccessibleName('Origin Any')
    expect(screen.getByRole('checkbox', { name: 'api' })).toHaveFocus()

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument()
    expect(button).toHaveFocus()
    expect(button).toHaveAttribute('aria-expanded', 'false')
  })

  it('ticks an option when its text is clicked, and stays open until focus or a click goes elsewhere', async () => {
    const user = userEvent.setup()
    render(
      <>
        <Filter />
        <button type="button">Elsewhere</button>
      </>,
    )
    const button = screen.getByRole('button', { name: 'Origin Any' })
    await user.click(button)
    // The label's text is not focusable: focus leaves the checkbox for nowhere in particular.
    await user.click(screen.getByText('automations'))
    expect(screen.getByRole('checkbox', { name: 'automations' })).toBeChecked()
    expect(button).toHaveAttribute('aria-expanded', 'true')

    await user.click(screen.getByRole('button', { name: 'Elsewhere' }))
    expect(button).toHaveAttribute('aria-expanded', 'false')
  })
})

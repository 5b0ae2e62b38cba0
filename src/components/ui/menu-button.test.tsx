import { render, screen } from '@testing-library/react'
import { lazy } from 'react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { MenuButton } from './menu-button'

// As the rows use it: the menu's code is a chunk loaded on the first open.
const MenuPopup = lazy(() => import('./menu-popup').then((m) => ({ default: m.MenuPopup })))

function renderMenu() {
  const edit = vi.fn()
  const remove = vi.fn()
  render(
    <MenuButton label="More actions for Alpha" icon="⋯">
      {(popup) => (
        <MenuPopup
          {...popup}
          items={[
            { label: 'Edit', onSelect: edit },
            { label: 'Disable webhook', onSelect: vi.fn() },
            { label: 'Delete', destructive: true, onSelect: remove },
          ]}
        />
      )}
    </MenuButton>,
  )
  return { edit, remove, button: screen.getByRole('button', { name: 'More actions for Alpha' }) }
}

describe('MenuButton', () => {
  it('opens on Enter with focus on the first item, moves with arrows (wrapping), Escape returns to the button', async () => {
    const user = userEvent.setup()
    const { button } = renderMenu()
    expect(button).toHaveAttribute('aria-haspopup', 'menu')
    expect(button).toHaveAttribute('aria-expanded', 'false')
    button.focus()
    await user.keyboard('{Enter}')
    const menu = await screen.findByRole('menu', { name: 'More actions for Alpha' })
    expect(button).toHaveAttribute('aria-expanded', 'true')
    expect(button).toHaveAttribute('aria-controls', menu.id)
    expect(screen.getByRole('menuitem', { name: 'Edit' })).toHaveFocus()
    await user.keyboard('{ArrowUp}')
    expect(screen.getByRole('menuitem', { name: 'Delete' })).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('menuitem', { name: 'Edit' })).toHaveFocus()
    await user.keyboard('{End}')
    expect(screen.getByRole('menuitem', { name: 'Delete' })).toHaveFocus()
    await user.keyboard('{Home}d')
    expect(screen.getByRole('menuitem', { name: 'Disable webhook' })).toHaveFocus()
    await user.keyboard('d')
    expect(screen.getByRole('menuitem', { name: 'Delete' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('menu')).not.toBeInTheDocument()
    expect(button).toHaveFocus()
  })

  it('Arrow Up opens on the last item; choosing one closes the menu, returns focus and runs it', async () => {
    const user = userEvent.setup()
    const { button, remove, edit } = renderMenu()
    button.focus()
    await user.keyboard('{ArrowUp}')
    expect(await screen.findByRole('menuitem', { name: 'Delete' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(remove).toHaveBeenCalledOnce()
    expect(edit).not.toHaveBeenCalled()
    expect(screen.queryByRole('menu')).not.toBeInTheDocument()
    expect(button).toHaveFocus()
  })

  it('closes on a click outside and on Tab', async () => {
    const user = userEvent.setup()
    const { button } = renderMenu()
    await user.click(button)
    expect(await screen.findByRole('menu')).toBeInTheDocument()
    await user.click(document.body)
    expect(screen.queryByRole('menu')).not.toBeInTheDocument()
    await user.click(button)
    expect(await screen.findByRole('menu')).toBeInTheDocument()
    await user.keyboard('{Tab}')
    expect(screen.queryByRole('menu')).not.toBeInTheDocument()
  })

  it('a click on the button closes the open menu', async () => {
    const user = userEvent.setup()
    const { button } = renderMenu()
    await user.click(button)
    expect(await screen.findByRole('menu')).toBeInTheDocument()
    await user.click(button)
    expect(screen.queryByRole('menu')).not.toBeInTheDocument()
    expect(button).toHaveAttribute('aria-expanded', 'false')
  })
})

import { DropdownMenu as Menu } from 'radix-ui'
import { Fragment, type ReactElement } from 'react'

export type MenuItem = { label: string; onSelect: () => void; destructive?: boolean; disabled?: boolean }

/**
 * A menu button: arrow keys move, Enter selects, Escape closes and returns focus.
 * `inline`: as for Tooltip, the menu stays next to its trigger, inside the page's landmarks.
 */
export function DropdownMenu({ trigger, items, inline }: { trigger: ReactElement; items: MenuItem[]; inline?: boolean }) {
  const Portal = inline ? Fragment : Menu.Portal
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger asChild>{trigger}</Menu.Trigger>
      <Portal>
        <Menu.Content className="menu" align="end" sideOffset={4}>
          {items.map((item) => (
            <Menu.Item
              key={item.label}
              className={item.destructive ? 'menu-item menu-item-danger' : 'menu-item'}
              disabled={item.disabled}
              onSelect={item.onSelect}
            >
              {item.label}
            </Menu.Item>
          ))}
        </Menu.Content>
      </Portal>
    </Menu.Root>
  )
}


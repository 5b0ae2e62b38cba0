import { DropdownMenu as Menu } from 'radix-ui'
import type { ReactElement } from 'react'

export type MenuItem = { label: string; onSelect: () => void; destructive?: boolean; disabled?: boolean }

/** A menu button: arrow keys move, Enter selects, Escape closes and returns focus. */
export function DropdownMenu({ trigger, items }: { trigger: ReactElement; items: MenuItem[] }) {
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger asChild>{trigger}</Menu.Trigger>
      <Menu.Portal>
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
      </Menu.Portal>
    </Menu.Root>
  )
}


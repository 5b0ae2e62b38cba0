import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'

export type MenuItem = { label: string; onSelect: () => void; destructive?: boolean; disabled?: boolean }

type MenuButtonProps = {
  /** Accessible name of the button, e.g. "More actions for Slack alerts". */
  label: string
  /** What the button shows (an icon); hidden from assistive technology, which reads `label`. */
  icon: ReactNode
  items: MenuItem[]
  className?: string
}

type Position = { top: number; right: number } | { bottom: number; right: number }

/**
 * A menu button after the WAI-ARIA pattern, with no dependencies: Enter,
 * Space or Arrow Down open it on the first item (Arrow Up on the last),
 * arrow keys, Home, End and a typed letter move, Enter chooses, Escape or
 * Tab closes, and focus returns to the button. The menu renders next to the
 * button (so it stays inside the page's landmarks) with fixed positioning
 * (so a scrolling table does not clip it). Radix's DropdownMenu would bring
 * its popup code (about 15 kB gzip) onto the first page with every row.
 */
export function MenuButton({ label, icon, items, className }: MenuButtonProps) {
  const [open, setOpen] = useState(false)
  const [position, setPosition] = useState<Position>({ top: 0, right: 0 })
  const focusOnOpen = useRef<'first' | 'last'>('first')
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const menuId = useId()
  const buttonId = useId()

  const menuItems = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])

  const place = () => {
    const rect = button.current?.getBoundingClientRect()
    if (!rect) return
    const right = Math.max(0, window.innerWidth - rect.right)
    // Open upwards when the lower part of the window has no room for the menu.
    const below = window.innerHeight - rect.bottom
    setPosition(
      below < 40 * items.length + 16 && rect.top > below
        ? { bottom: window.innerHeight - rect.top + 4, right }
        : { top: rect.bottom + 4, right },
    )
  }

  const show = (focus: 'first' | 'last') => {
    place()
    focusOnOpen.current = focus
    setOpen(true)
  }

  const close = (returnFocus: boolean) => {
    setOpen(false)
    if (returnFocus) button.current?.focus()
  }

  useLayoutEffect(() => {
    if (!open) return
    const all = menuItems()
    ;(focusOnOpen.current === 'first' ? all[0] : all.at(-1))?.focus({ preventScroll: true })
  }, [open])

  useEffect(() => {
    if (!open) return
    const outside = (event: Event) => {
      const target = event.target as Node
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false)
    }
    // Fixed positioning: follow the button when the page or the table scrolls.
    document.addEventListener('pointerdown', outside)
    window.addEventListener('scroll', place, true)
    window.addEventListener('resize', place)
    return () => {
      document.removeEventListener('pointerdown', outside)
      window.removeEventListener('scroll', place, true)
      window.removeEventListener('resize', place)
    }
    // `place` reads only refs and props that do not change while the menu is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      show(event.key === 'ArrowDown' ? 'first' : 'last')
    }
  }

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const all = menuItems()
    const index = all.indexOf(document.activeElement as HTMLElement)
    const move = (to: number) => {
      event.preventDefault()
      all[(to + all.length) % all.length]?.focus({ preventScroll: true })
    }
    if (event.key === 'ArrowDown') move(index + 1)
    else if (event.key === 'ArrowUp') move(index - 1)
    else if (event.key === 'Home') move(0)
    else if (event.key === 'End') move(all.length - 1)
    else if (event.key === 'Escape') {
      event.preventDefault()
      close(true)
    } else if (event.key === 'Tab') close(false)
    else if (event.key.length === 1 && /\S/.test(event.key)) {
      const letter = event.key.toLowerCase()
      const order = [...all.slice(index + 1), ...all.slice(0, index + 1)]
      const match = order.find((item) => item.textContent?.trim().toLowerCase().startsWith(letter))
      if (match) move(all.indexOf(match))
    }
  }

  return (
    <>
      <button
        ref={button}
        id={buttonId}
        type="button"
        className={className}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : show('first'))}
        onKeyDown={onButtonKeyDown}
      >
        <span aria-hidden="true">{icon}</span>
      </button>
      {open ? (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          tabIndex={-1}
          aria-labelledby={buttonId}
          className="menu menu-fixed"
          style={position}
          onKeyDown={onMenuKeyDown}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={item.destructive ? 'menu-item menu-item-danger' : 'menu-item'}
              aria-disabled={item.disabled || undefined}
              onClick={() => {
                if (item.disabled) return
                close(true)
                item.onSelect()
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </>
  )
}

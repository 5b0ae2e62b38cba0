import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react'
import type { MenuPopupHandle } from './menu-button'

export type MenuItem = { label: string; onSelect: () => void; destructive?: boolean; disabled?: boolean }

/**
 * The open menu of a MenuButton, in a chunk of its own that loads on the
 * first open: arrow keys, Home, End and a typed letter move, Enter chooses,
 * Escape or Tab closes, and focus returns to the button. It renders next to
 * the button (so it stays inside the page's landmarks) with fixed
 * positioning (so a scrolling table does not clip it).
 */
export function MenuPopup({ items, id, labelledBy, anchor, focus, close }: MenuPopupHandle & { items: MenuItem[] }) {
  const menu = useRef<HTMLDivElement>(null)

  const menuItems = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])

  // Written to the element's style, not kept in state: a scroll moves the menu without a render.
  const place = () => {
    const rect = anchor.current?.getBoundingClientRect()
    const style = menu.current?.style
    if (!rect || !style) return
    style.right = `${Math.max(0, window.innerWidth - rect.right)}px`
    // Open upwards when the lower part of the window has no room for the menu.
    const below = window.innerHeight - rect.bottom
    const up = below < 40 * items.length + 16 && rect.top > below
    style.top = up ? '' : `${rect.bottom + 4}px`
    style.bottom = up ? `${window.innerHeight - rect.top + 4}px` : ''
  }

  useLayoutEffect(() => {
    place()
    const all = menuItems()
    ;(focus === 'first' ? all[0] : all.at(-1))?.focus({ preventScroll: true })
    // Once, as the menu opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    const outside = (event: Event) => {
      const target = event.target as Node
      if (!menu.current?.contains(target) && !anchor.current?.contains(target)) close(false)
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
    // `place` and `close` read only refs and props that do not change while the menu is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const onKeyDown = (event: KeyboardEvent) => {
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
    <div ref={menu} id={id} role="menu" tabIndex={-1} aria-labelledby={labelledBy} className="menu menu-fixed" onKeyDown={onKeyDown}>
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
  )
}

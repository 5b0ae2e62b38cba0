import { Suspense, useId, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react'

/** What a MenuButton hands the menu it opens (usually a MenuPopup, from menu-popup.tsx). */
export type MenuPopupHandle = {
  id: string
  labelledBy: string
  /** The button: the menu is placed by it, and clicks on it are not "outside". */
  anchor: RefObject<HTMLButtonElement | null>
  /** The item that gets focus when the menu opens. */
  focus: 'first' | 'last'
  close: (returnFocus: boolean) => void
}

type MenuButtonProps = {
  /** Accessible name of the button, e.g. "More actions for Slack alerts". */
  label: string
  /** What the button shows (an icon); hidden from assistive technology, which reads `label`. */
  icon: ReactNode
  className?: string
  /** The open menu. It may be lazy: the button is on the first page, the menu's code comes with the first open. */
  children: (popup: MenuPopupHandle) => ReactNode
  /** When the pointer or the focus reaches the button: a chance to fetch the menu's code before the click. */
  onPrepare?: () => void
}

/**
 * A menu button after the WAI-ARIA pattern, with no dependencies: Enter,
 * Space or Arrow Down open it on the first item, Arrow Up on the last; the
 * menu (MenuPopup) does the rest. Radix's DropdownMenu would bring its popup
 * code (about 15 kB gzip) onto the first page with every row.
 */
export function MenuButton({ label, icon, className, children, onPrepare }: MenuButtonProps) {
  const [open, setOpen] = useState<'first' | 'last' | false>(false)
  const button = useRef<HTMLButtonElement>(null)
  const id = useId()
  const buttonId = useId()

  const close = (returnFocus: boolean) => {
    setOpen(false)
    if (returnFocus) button.current?.focus()
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      setOpen(event.key === 'ArrowDown' ? 'first' : 'last')
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
        aria-expanded={Boolean(open)}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(open ? false : 'first')}
        onKeyDown={onKeyDown}
        onPointerEnter={onPrepare}
        onFocus={onPrepare}
      >
        <span aria-hidden="true">{icon}</span>
      </button>
      {open ? <Suspense fallback={null}>{children({ id, labelledBy: buttonId, anchor: button, focus: open, close })}</Suspense> : null}
    </>
  )
}

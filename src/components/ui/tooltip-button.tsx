import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

type TooltipButtonProps = {
  children: ReactNode
  tooltip: string
  className?: string
}

/**
 * A button with a tooltip, without a popup library: the tooltip text is
 * the button's description at all times (screen readers get it without
 * hovering) and shows on hover and on keyboard focus, stays while the
 * pointer is over it, and Escape hides it. It is positioned fixed above the
 * button (below near the top of the window) so that a scrolling table does
 * not clip it. For first-page places where Tooltip's weight is not wanted.
 */
export function TooltipButton({ children, tooltip, className }: TooltipButtonProps) {
  const id = useId()
  const [place, setPlace] = useState<{ left: number; top: number; above: boolean } | null>(null)
  const button = useRef<HTMLButtonElement>(null)
  const hideTimer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(hideTimer.current), [])

  const show = () => {
    clearTimeout(hideTimer.current)
    const rect = button.current?.getBoundingClientRect()
    if (!rect) return
    const above = rect.top > 120
    setPlace({ left: rect.left, top: above ? rect.top - 6 : rect.bottom + 6, above })
  }
  // A short grace period lets the pointer cross the gap onto the tooltip.
  const hideSoon = () => {
    clearTimeout(hideTimer.current)
    hideTimer.current = setTimeout(() => setPlace(null), 150)
  }

  return (
    // Pointer handlers keep the tooltip open while hovered; the button inside is the interactive element.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <span className="tooltip-button" onMouseEnter={show} onMouseLeave={hideSoon}>
      <button
        ref={button}
        type="button"
        className={className}
        aria-describedby={id}
        onFocus={show}
        onBlur={() => setPlace(null)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setPlace(null)
        }}
      >
        {children}
      </button>
      <span
        id={id}
        role="tooltip"
        className={place ? `tooltip tooltip-fixed${place.above ? ' tooltip-above' : ''}` : 'visually-hidden'}
        style={place ? { left: place.left, top: place.top } : undefined}
      >
        {tooltip}
      </span>
    </span>
  )
}

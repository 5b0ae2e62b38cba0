import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

// One observer for every truncated cell of a page: a table of 100 rows has hundreds.
// It reports each element once when observed, after the browser's next layout, and
// again on every resize: measuring there reads a layout already done, where measuring
// in an effect would force one inside the task that rendered the rows.
let observer: ResizeObserver | undefined
const watched = new WeakMap<Element, () => void>()
function watch(element: Element, onResize: () => void): () => void {
  if (typeof ResizeObserver === 'undefined') return () => {}
  observer ??= new ResizeObserver((entries) => entries.forEach((entry) => watched.get(entry.target)?.()))
  watched.set(element, onResize)
  observer.observe(element)
  return () => {
    watched.delete(element)
    observer?.unobserve(element)
  }
}

type TruncatedTextProps = {
  /** The value, shown on one line and cut with an ellipsis when it does not fit. */
  children: string
  /** Shown whole on hover and keyboard focus; the value itself when left out. */
  full?: ReactNode
  className?: string
}

/**
 * Text that keeps to one line of its cell, however long and whatever it is made of (a
 * 2048-character URL, 512 characters without a space, a row of emoji). When it is cut, or
 * when `full` says more, it can take focus, and hovering or focusing it shows the whole of
 * it. Screen readers read the element's text, which is never cut, and `full` as its
 * description, whether or not it shows.
 */
export function TruncatedText({ children, full, className }: TruncatedTextProps) {
  const id = useId()
  const element = useRef<HTMLSpanElement>(null)
  const [cut, setCut] = useState(false)
  const [place, setPlace] = useState<{ left: number; top: number; above: boolean } | null>(null)

  useEffect(() => {
    const node = element.current
    if (!node) return
    return watch(node, () => setCut(node.scrollWidth > node.clientWidth + 1))
  }, [children])

  const explains = cut || full !== undefined
  const show = () => {
    const rect = element.current?.getBoundingClientRect()
    if (!explains || !rect) return
    const above = rect.top > window.innerHeight / 2
    setPlace({ left: Math.max(8, Math.min(rect.left, window.innerWidth - 360)), top: above ? rect.top - 4 : rect.bottom + 4, above })
  }
  const hide = () => setPlace(null)

  return (
    <>
      {/* Focusable only when there is more to see, so that keyboard users can see it too. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <span
        ref={element}
        className={['truncate', className].filter(Boolean).join(' ')}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={explains ? 0 : undefined}
        aria-describedby={full !== undefined ? id : undefined}
        onMouseEnter={show}
        onMouseLeave={hide}
        onFocus={show}
        onBlur={hide}
        onKeyDown={(event) => {
          if (event.key === 'Escape') hide()
        }}
      >
        {children}
      </span>
      {full !== undefined ? (
        <span id={id} className="visually-hidden">
          {full}
        </span>
      ) : null}
      {place ? (
        <span
          role="tooltip"
          className={`tooltip tooltip-fixed tooltip-wide${place.above ? ' tooltip-above' : ''}`}
          style={{ left: place.left, top: place.top }}
        >
          {full ?? children}
        </span>
      ) : null}
    </>
  )
}

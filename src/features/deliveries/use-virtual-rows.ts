import { useVirtualizer } from '@tanstack/react-virtual'
import type { RefObject } from 'react'

/** Below this many rows every row is rendered: virtual rows only pay off for long lists. */
export const VIRTUALIZE_FROM = 200
// A delivery row's height at the default font size (its event cell holds two lines): a row measured at the
// height estimated changes nothing, while each that differs makes the virtualizer recount every row after it.
const ROW_ESTIMATE_PX = 53
const OVERSCAN = 12

/**
 * Which rows of a long table to render: those in view of `scrollRef` plus a
 * margin, with the space of the others kept above and below (spacer rows),
 * so that the scroll bar and the table's layout stay as for every row.
 */
export function useVirtualRows(count: number, scrollRef: RefObject<HTMLElement | null>) {
  const enabled = count >= VIRTUALIZE_FROM
  // The build does not run the React Compiler, which is what this rule protects; the virtualizer re-renders on scroll itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    enabled,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: OVERSCAN,
  })
  if (!enabled) return { enabled, indexes: Array.from({ length: count }, (_, i) => i), before: 0, after: 0, measure: undefined }
  const items = virtualizer.getVirtualItems()
  const before = items[0]?.start ?? 0
  const after = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0
  return { enabled, indexes: items.map((item) => item.index), before, after, measure: virtualizer.measureElement }
}

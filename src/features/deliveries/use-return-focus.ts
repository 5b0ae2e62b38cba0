import { useCallback, useEffect, useRef } from 'react'

/**
 * Gives focus back to the control that opened a dialog once `open` turns
 * false. The dialogs here open from URL state or from a row, with no radix
 * Trigger, and radix then leaves focus on <body> when they close. Call the
 * returned function in the opening control's handler.
 */
export function useReturnFocus(open: boolean): () => void {
  const opener = useRef<HTMLElement | null>(null)
  useEffect(() => {
    if (open) return
    const element = opener.current
    opener.current = null
    if (!element) return
    // Radix moves focus in a timeout of its own when a dialog unmounts; this one runs after it.
    const timer = setTimeout(() => element.isConnected && element.focus(), 0)
    return () => clearTimeout(timer)
  }, [open])
  return useCallback(() => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
  }, [])
}

import { useEffect, useRef } from 'react'

export type Shortcuts = Record<string, () => void>

/**
 * Single-key shortcuts of a page. None fires while the person types (an input, a text area,
 * a select, anything editable), while a menu, list box or dialog has the keys, or when
 * Control, Alt or Meta is held: those keys belong to the browser and to the control.
 * Shift only counts as part of the character ("?" is Shift+/ on most layouts).
 */
export function useKeyboardShortcuts(shortcuts: Shortcuts): void {
  const current = useRef(shortcuts)
  useEffect(() => {
    current.current = shortcuts
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return
      const target = event.target instanceof Element ? event.target : null
      if (target?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"]), [role="menu"], [role="listbox"]'))
        return
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return
      const action = current.current[event.key]
      if (!action) return
      event.preventDefault()
      action()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
}

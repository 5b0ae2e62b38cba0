import { useRef } from 'react'

/**
 * Gives focus back to whatever had it when a dialog opened. Radix returns
 * focus to the dialog's Trigger, and ours have none: they open from URL
 * state, a row's menu or a lazy chunk, so focus would otherwise land on
 * <body>. Spread the result on Radix's Dialog or AlertDialog Content.
 */
export function useFocusReturn() {
  const opener = useRef<HTMLElement | null>(null)
  return {
    onOpenAutoFocus: () => {
      const active = document.activeElement
      opener.current = active instanceof HTMLElement && active !== document.body ? active : null
    },
    onCloseAutoFocus: (event: Event) => {
      const element = opener.current
      opener.current = null
      // Gone (a deleted row's button): leave focus where the action put it.
      if (!element?.isConnected) return
      event.preventDefault()
      element.focus()
    },
  }
}

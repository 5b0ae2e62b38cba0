import { lazy, Suspense, useState } from 'react'
import { Button } from '../../components/ui/button'
import { setSearch } from '../../lib/url-state'
import { useKeyboardShortcuts } from './use-keyboard-shortcuts'

/** Id of the Name filter's input, which "/" focuses. */
export const NAME_FILTER_ID = 'webhooks-name-filter'

// The list is a dialog: its code is not first-page material.
const KeyboardShortcutsDialog = lazy(() => import('./keyboard-shortcuts-dialog').then((m) => ({ default: m.KeyboardShortcutsDialog })))

/** The webhooks page's shortcuts: "/" the Name filter, "n" Create new, "?" this list, in a dialog. */
export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false)
  useKeyboardShortcuts({
    '/': () => document.getElementById(NAME_FILTER_ID)?.focus(),
    n: () => setSearch({ create: '1' }),
    '?': () => setOpen(true),
  })
  return (
    <>
      <Button variant="ghost" className="shortcuts-button" aria-keyshortcuts="?" onClick={() => setOpen(true)}>
        Keyboard shortcuts
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <KeyboardShortcutsDialog onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  )
}

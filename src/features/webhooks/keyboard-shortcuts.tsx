import { lazy, Suspense, useState } from 'react'
import { Button } from '../../components/ui/button'
import { setSearch } from '../../lib/url-state'
import { useKeyboardShortcuts } from './use-keyboard-shortcuts'

/** Id of the Name filter's input, which "/" focuses. */
export const NAME_FILTER_ID = 'webhooks-name-filter'

// The list is a dialog: its code is not first-page material.
const Dialog = lazy(() => import('../../components/ui/dialog').then((m) => ({ default: m.Dialog })))

const PAGE_KEYS: [keys: string[], what: string][] = [
  [['/'], 'Focus the Name filter'],
  [['n'], 'Create a new webhook'],
  [['?'], 'Show these shortcuts'],
]
const TABLE_KEYS: [keys: string[], what: string][] = [
  [['Tab'], 'Move between filters, column headers, row buttons and the pager'],
  [['Enter'], 'On a column header: sort by it, or turn its order round'],
  [['Enter', 'Space', '↓'], 'On “More actions”: open the row’s menu (↑: on its last item)'],
  [['↑', '↓', 'Home', 'End'], 'In a menu: move; a typed letter moves to the item it starts'],
  [['Enter'], 'In a menu: choose'],
  [['Space'], 'In the Event types or Origin panel: tick an option'],
  [['Esc'], 'Close a menu, panel, tooltip or dialog'],
  [['Enter', 'Space'], 'On the history button: show or hide the row’s delivery history'],
]

function KeyList({ caption, keys }: { caption: string; keys: [string[], string][] }) {
  return (
    <table className="shortcut-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Keys</th>
          <th scope="col">What they do</th>
        </tr>
      </thead>
      <tbody>
        {keys.map(([combo, what]) => (
          <tr key={`${combo.join()}${what}`}>
            <td>
              {combo.map((key, index) => (
                <span key={key}>
                  {index ? ' or ' : null}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </td>
            <td>{what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

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
          <Dialog open onOpenChange={setOpen} title="Keyboard shortcuts" description="Single keys work when no field has the focus.">
            <KeyList caption="On this page" keys={PAGE_KEYS} />
            <KeyList caption="In the table" keys={TABLE_KEYS} />
            <div className="dialog-actions">
              <Button onClick={() => setOpen(false)}>Close</Button>
            </div>
          </Dialog>
        </Suspense>
      ) : null}
    </>
  )
}

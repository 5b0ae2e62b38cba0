import { Button } from '../../components/ui/button'
import { Dialog } from '../../components/ui/dialog'

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

/** The list of shortcuts, in a dialog. */
export function KeyboardShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      open
      onOpenChange={(next) => !next && onClose()}
      title="Keyboard shortcuts"
      description="Single keys work when no field has the focus."
    >
      <KeyList caption="On this page" keys={PAGE_KEYS} />
      <KeyList caption="In the table" keys={TABLE_KEYS} />
      <div className="dialog-actions">
        <Button onClick={onClose}>Close</Button>
      </div>
    </Dialog>
  )
}

/** Where a list item is wrong: its place in the page, its id when readable, the field and whether it is missing. */
type UnreadableItem = { index: number; id?: string; field: string; problem: 'missing' | 'invalid' }

/**
 * A table row in place of a list item the console could not read: where it
 * is wrong, so the rest of the page stays usable and nothing is hidden.
 */
export function UnreadableRow({
  item,
  noun,
  colSpan,
  rowIndex,
}: {
  item: UnreadableItem
  noun: string
  colSpan: number
  /** Its aria-rowindex, in a table that counts its rows (aria-rowcount). */
  rowIndex?: number
}) {
  const what = item.problem === 'missing' ? `its “${item.field}” is missing` : `its “${item.field}” is not in the documented format`
  return (
    <tr className="unreadable-row" aria-rowindex={rowIndex}>
      <td colSpan={colSpan}>
        <span aria-hidden="true">⚠ </span>
        {`Could not read ${noun} ${item.index + 1} of this page${item.id ? ` (id ${item.id})` : ''}: ${what}. The API sent it, but the console cannot show it.`}
      </td>
    </tr>
  )
}

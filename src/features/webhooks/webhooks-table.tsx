import { replaceEqualDeep } from '@tanstack/react-query'
import { useTable, type Row } from '@tanstack/react-table'
import { Fragment, memo, useDeferredValue, useMemo, type ReactNode } from 'react'
import type { UnreadableItem, Webhook } from '../../api'
import { UnreadableRow } from '../../components/ui/unreadable-row'
import { historyRegionId } from './row-context'
import { isSortColumn, nextSort, PAGE_SIZES, type Sort } from './table-state'
import { webhookColumnsWith, webhookTableFeatures, type WebhookColumn } from './webhook-columns'

const noRows: Webhook[] = []
const noUnreadable: UnreadableItem[] = []
// As many placeholder rows as the smallest page holds: they push the pager
// below the fold before the rows come, so that it does not jump when they do.
const SKELETON_ROWS = PAGE_SIZES[0]

/**
 * The last version of each webhook shown. A sort, a filter or a page is a
 * query of its own, so its answer is all new objects; swapping in the
 * previous object of every webhook whose data did not change lets its row
 * (memoised on that object) skip rendering.
 */
let shown = new Map<string, Webhook>()

function keepUnchanged(rows: Webhook[]): Webhook[] {
  const next = new Map<string, Webhook>()
  const kept = rows.map((row) => {
    const previous = shown.get(row.id)
    const stable = previous ? replaceEqualDeep(previous, row) : row
    next.set(row.id, stable)
    return stable
  })
  shown = next
  return kept
}

type WebhookRowProps = {
  row: Row<typeof webhookTableFeatures, Webhook>
  FlexRender: ReturnType<typeof useTable<typeof webhookTableFeatures, Webhook>>['FlexRender']
  expanded: boolean
  columnCount: number
  renderExpanded: (webhook: Webhook) => ReactNode
}

/**
 * One webhook's row. Its cells read only the webhook and the (module-level)
 * column definitions, so it renders again only when the webhook's data or
 * its expansion changes; the history renderer counts only while it is open.
 */
const WebhookRow = memo(
  function WebhookRow({ row, FlexRender, expanded, columnCount, renderExpanded }: WebhookRowProps) {
    return (
      <Fragment>
        <tr className={expanded ? 'row-expanded' : undefined}>
          {row.getAllCells().map((cell) => (
            <td key={cell.id} className={`col-${cell.column.id}`}>
              <FlexRender cell={cell} />
            </td>
          ))}
        </tr>
        {expanded ? (
          <tr className="history-row">
            <td colSpan={columnCount} id={historyRegionId(row.original)}>
              {renderExpanded(row.original)}
            </td>
          </tr>
        ) : null}
      </Fragment>
    )
  },
  (before, after) =>
    before.row.original === after.row.original &&
    before.expanded === after.expanded &&
    before.columnCount === after.columnCount &&
    before.row.getAllCells().length === after.row.getAllCells().length &&
    (!after.expanded || before.renderExpanded === after.renderExpanded),
)

type WebhooksTableProps = {
  labelledBy: string
  /** Undefined while the first page loads: the table shows placeholder rows. */
  rows: Webhook[] | undefined
  /** Items of the page the API sent in a shape the console cannot read; each gets a row saying why. */
  unreadable?: UnreadableItem[] | undefined
  sort: Sort
  onSortChange: (sort: Sort) => void
  expandedId: string | undefined
  renderExpanded: (webhook: Webhook) => ReactNode
  /** What an empty page says, in place of rows. */
  empty: ReactNode
  extraColumns?: WebhookColumn[] | undefined
}

export function WebhooksTable({
  labelledBy,
  rows: givenRows,
  unreadable: givenUnreadable = noUnreadable,
  sort,
  onSortChange,
  expandedId,
  renderExpanded,
  empty,
  extraColumns,
}: WebhooksTableProps) {
  // React Query hands a new page over in a synchronous render, which builds every row in
  // one task. Deferred, the rows are built in a render React splits into slices of a few
  // milliseconds, between which the page can paint and answer input.
  const rows = useDeferredValue(givenRows)
  const unreadable = useDeferredValue(givenUnreadable)
  const columns = useMemo(() => webhookColumnsWith(extraColumns), [extraColumns])
  const data = useMemo(() => (rows ? keepUnchanged(rows) : noRows), [rows])
  const table = useTable({
    features: webhookTableFeatures,
    columns,
    data,
    getRowId: (row) => row.id,
  })
  const columnCount = columns.length
  const loading = rows === undefined

  return (
    <div className="table-scroll">
      <table className="webhooks-table" aria-labelledby={labelledBy} aria-busy={loading || undefined}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const field = header.column.id
                const direction = sort.field === field ? (sort.desc ? 'desc' : 'asc') : undefined
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}
                    className={`col-${field}`}
                  >
                    {isSortColumn(field) ? (
                      <button type="button" className="sort-button" onClick={() => onSortChange(nextSort(sort, field))}>
                        <table.FlexRender header={header} />
                        <span aria-hidden="true" className={`sort-icon${direction ? ' sort-active' : ''}`}>
                          {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                )
              })}
            </tr>
          ))}
        </thead>
        <tbody className={loading ? 'skeleton-body' : undefined}>
          {loading ? (
            Array.from({ length: SKELETON_ROWS }, (_, index) => (
              <tr key={index} className="skeleton-row" aria-hidden="true">
                {/* Each placeholder as wide as its column's content usually is: the columns keep their widths. */}
                {table.getAllLeafColumns().map((column) => (
                  <td key={column.id} className={`col-${column.id}`}>
                    <span className="skeleton" />
                  </td>
                ))}
              </tr>
            ))
          ) : rows.length === 0 && unreadable.length === 0 ? (
            <tr>
              <td colSpan={columnCount} className="empty-cell">
                {empty}
              </td>
            </tr>
          ) : (
            table
              .getRowModel()
              .rows.map((row) => (
                <WebhookRow
                  key={row.id}
                  row={row}
                  FlexRender={table.FlexRender}
                  expanded={expandedId === row.id}
                  columnCount={columnCount}
                  renderExpanded={renderExpanded}
                />
              ))
          )}
          {loading
            ? null
            : unreadable.map((item) => <UnreadableRow key={`unreadable-${item.index}`} item={item} noun="webhook" colSpan={columnCount} />)}
        </tbody>
      </table>
    </div>
  )
}

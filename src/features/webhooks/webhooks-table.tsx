import { useTable, type SortingState, type Updater } from '@tanstack/react-table'
import { Fragment, useMemo, type ReactNode } from 'react'
import type { UnreadableItem, Webhook } from '../../api'
import { UnreadableRow } from '../../components/ui/unreadable-row'
import { historyRegionId } from './row-actions'
import { fromSorting, toSorting, type Sort } from './table-state'
import { webhookColumnsWith, webhookTableFeatures, type WebhookColumn } from './webhook-columns'

const noRows: Webhook[] = []
const SKELETON_ROWS = 6

const ariaSort = (direction: false | 'asc' | 'desc') =>
  direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined

type WebhooksTableProps = {
  labelledBy: string
  /** Undefined while the first page loads: the table shows placeholder rows. */
  rows: Webhook[] | undefined
  /** Items of the page the API sent in a shape the console cannot read; each gets a row saying why. */
  unreadable?: UnreadableItem[]
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
  rows,
  unreadable = [],
  sort,
  onSortChange,
  expandedId,
  renderExpanded,
  empty,
  extraColumns,
}: WebhooksTableProps) {
  const sorting = toSorting(sort)
  const columns = useMemo(() => webhookColumnsWith(extraColumns), [extraColumns])
  const table = useTable({
    features: webhookTableFeatures,
    columns,
    data: rows ?? noRows,
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) =>
      onSortChange(fromSorting(typeof updater === 'function' ? updater(sorting) : updater)),
    manualSorting: true,
    enableMultiSort: false,
    // The API always sorts by something: a third click turns the order round, not off.
    enableSortingRemoval: false,
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
                const direction = header.column.getIsSorted()
                return (
                  <th key={header.id} scope="col" aria-sort={ariaSort(direction)} className={`col-${header.column.id}`}>
                    {header.column.getCanSort() ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
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
        <tbody>
          {loading ? (
            Array.from({ length: SKELETON_ROWS }, (_, index) => (
              <tr key={index} className="skeleton-row" aria-hidden="true">
                {Array.from({ length: columnCount }, (_, cell) => (
                  <td key={cell}>
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
            table.getRowModel().rows.map((row) => (
              <Fragment key={row.id}>
                <tr className={expandedId === row.id ? 'row-expanded' : undefined}>
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className={`col-${cell.column.id}`}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
                {expandedId === row.id ? (
                  <tr className="history-row">
                    <td colSpan={columnCount} id={historyRegionId(row.original)}>
                      {renderExpanded(row.original)}
                    </td>
                  </tr>
                ) : null}
              </Fragment>
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

import { useQuery } from '@tanstack/react-query'
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table'
import type { Webhook } from '../../api'
import { webhookListQuery } from './queries'

const features = tableFeatures({})
const column = createColumnHelper<typeof features, Webhook>()
const columns = column.columns([
  column.accessor('name', { header: 'Name' }),
  column.accessor('url', { header: 'URL' }),
  column.accessor('level', { header: 'Level' }),
  column.accessor('origin', { header: 'Origin' }),
  column.accessor('enabled', { header: 'Status', cell: (info) => (info.getValue() ? 'Enabled' : 'Disabled') }),
])
const noRows: Webhook[] = []

export function WebhooksPage() {
  const list = useQuery(webhookListQuery({ limit: 20, sort: '-createdAt' }))
  const table = useTable({ features, columns, data: list.data?.data ?? noRows, getRowId: (row) => row.id })

  return (
    <section aria-labelledby="webhooks-heading">
      <h1 id="webhooks-heading">Webhooks</h1>
      {list.isPending ? (
        <p role="status">Loading webhooks…</p>
      ) : list.isError ? (
        <p role="alert">Could not load webhooks: {list.error.message}</p>
      ) : (
        <table aria-labelledby="webhooks-heading">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th key={header.id} scope="col">
                    <table.FlexRender header={header} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

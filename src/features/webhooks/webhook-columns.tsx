import { useQuery } from '@tanstack/react-query'
import { createColumnHelper, rowSortingFeature, tableFeatures, type ColumnDef } from '@tanstack/react-table'
import type { Webhook } from '../../api'
import { webhookDisplayName } from '../../wording/display-name'
import { TooltipButton } from '../../components/ui/tooltip-button'
import { eventTypesQuery } from './queries'
import { RowActionsCell } from './row-actions'

// Sorting is the API's (manual); the table model only holds which column
// is sorted and which way, so that headers can show and toggle it.
export const webhookTableFeatures = tableFeatures({ rowSortingFeature })
const column = createColumnHelper<typeof webhookTableFeatures, Webhook>()

/** A column of the webhooks table, such as one another feature adds through the app. */
export type WebhookColumn = ColumnDef<typeof webhookTableFeatures, Webhook>

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

function DateCell({ value }: { value: string | undefined }) {
  if (!value) return null
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return <>{value}</>
  return <time dateTime={value}>{dateFormat.format(date)}</time>
}

function NameCell({ webhook }: { webhook: Webhook }) {
  return (
    <>
      <span className="webhook-name">{webhookDisplayName(webhook)}</span>
      {webhook.description ? <span className="webhook-description">{webhook.description}</span> : null}
    </>
  )
}

function EventsCell({ names }: { names: string[] | undefined }) {
  const catalogue = useQuery(eventTypesQuery())
  if (!names?.length) return <span className="muted">None</span>
  const title = (name: string) => catalogue.data?.data.find((type) => type.name === name)?.title ?? name
  return (
    <ul className="event-list">
      {names.map((name) => (
        <li key={name}>{title(name)}</li>
      ))}
    </ul>
  )
}

function OriginCell({ origin }: { origin: Webhook['origin'] }) {
  const value = origin ?? 'api'
  return (
    <>
      <span className="origin">{value}</span>
      {value === 'automations' ? <span className="badge badge-automation">Managed by an automation</span> : null}
    </>
  )
}

function StatusCell({ webhook }: { webhook: Webhook }) {
  if (webhook.enabled) return <span className="status status-enabled">Enabled</span>
  if (!webhook.disabledReason) return <span className="status status-disabled">Disabled</span>
  return (
    <TooltipButton tooltip={webhook.disabledReason} className="status status-disabled status-with-reason">
      Disabled
      {/* Drawn, not a character: "ⓘ" is missing from common fonts (Liberation). */}
      <svg aria-hidden="true" className="status-info" viewBox="0 0 16 16" width="12" height="12">
        <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <rect x="7.25" y="7" width="1.5" height="5" fill="currentColor" />
        <circle cx="8" cy="4.75" r="1" fill="currentColor" />
      </svg>
    </TooltipButton>
  )
}

const dataColumns = column.columns([
  column.accessor('name', { header: 'Name', cell: (info) => <NameCell webhook={info.row.original} /> }),
  column.accessor('url', { header: 'URL', cell: (info) => <span className="webhook-url">{info.getValue()}</span> }),
  column.accessor('eventTypes', { header: 'Events', enableSorting: false, cell: (info) => <EventsCell names={info.getValue()} /> }),
  column.accessor('level', { header: 'Level', enableSorting: false, cell: (info) => info.getValue() ?? 'tenant' }),
  column.accessor('origin', { header: 'Origin', enableSorting: false, cell: (info) => <OriginCell origin={info.getValue()} /> }),
  column.accessor('enabled', { header: 'Status', enableSorting: false, cell: (info) => <StatusCell webhook={info.row.original} /> }),
  column.accessor('ownerId', { header: 'Owner', enableSorting: false, cell: (info) => <span className="mono">{info.getValue()}</span> }),
  column.accessor('createdAt', { header: 'Created', sortDescFirst: true, cell: (info) => <DateCell value={info.getValue()} /> }),
  column.accessor('updatedAt', { header: 'Updated', sortDescFirst: true, cell: (info) => <DateCell value={info.getValue()} /> }),
])

const actionsColumn = column.display({
  id: 'actions',
  header: () => <span className="visually-hidden">Actions</span>,
  cell: (info) => <RowActionsCell webhook={info.row.original} />,
})

const defaultColumns: WebhookColumn[] = [...dataColumns, actionsColumn]

/** The table's columns, with `extra` ones before the row actions. */
export const webhookColumnsWith = (extra: WebhookColumn[] = []): WebhookColumn[] =>
  extra.length ? [...dataColumns, ...extra, actionsColumn] : defaultColumns

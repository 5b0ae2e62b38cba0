import { useQuery } from '@tanstack/react-query'
import { createColumnHelper, tableFeatures, type ColumnDef } from '@tanstack/react-table'
import type { Webhook } from '../../api'
import { webhookDisplayName } from '../../wording/display-name'
import { TooltipButton } from '../../components/ui/tooltip-button'
import { TruncatedText } from '../../components/ui/truncated-text'
import { PersonName } from './person-name'
import { eventTypesQuery } from './queries'
import { RowActionsCell } from './row-actions'

// The table model holds columns, headers and rows only: sorting is the API's,
// and the headers read and write it through the URL (table-state.ts, nextSort).
export const webhookTableFeatures = tableFeatures({})
const column = createColumnHelper<typeof webhookTableFeatures, Webhook>()

/** A column of the webhooks table, such as one another feature adds through the app. */
export type WebhookColumn = ColumnDef<typeof webhookTableFeatures, Webhook>

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' })
const exactFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long' })

/** One line, "Nov 18, 2026"; the time on hover, and read with the date by screen readers. */
function DateCell({ value }: { value: string | undefined }) {
  if (!value) return null
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return <TruncatedText>{value}</TruncatedText>
  return (
    <time dateTime={value} title={exactFormat.format(date)} className="table-date">
      {dayFormat.format(date)}
      <span className="visually-hidden">, {timeFormat.format(date)}</span>
    </time>
  )
}

function NameCell({ webhook }: { webhook: Webhook }) {
  return (
    <>
      <TruncatedText className="webhook-name">{webhookDisplayName(webhook)}</TruncatedText>
      {webhook.description ? <TruncatedText className="webhook-description">{webhook.description}</TruncatedText> : null}
    </>
  )
}

/** The titles on one line, in the order the webhook lists them; all of them on hover and focus. */
function EventsCell({ names }: { names: string[] | undefined }) {
  const catalogue = useQuery(eventTypesQuery())
  if (!names?.length) return <span className="muted">None</span>
  const title = (name: string) => catalogue.data?.data.find((type) => type.name === name)?.title ?? name
  const titles = names.map(title)
  return (
    <TruncatedText className="event-titles" full={titles.length > 1 ? titles.join(', ') : undefined}>
      {titles.join(', ')}
    </TruncatedText>
  )
}

function OriginCell({ origin }: { origin: Webhook['origin'] }) {
  const value = origin ?? 'api'
  return (
    <>
      <TruncatedText className="origin">{value}</TruncatedText>
      {value === 'automations' ? <TruncatedText className="badge badge-automation">Managed by an automation</TruncatedText> : null}
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
  column.accessor('url', { header: 'URL', cell: (info) => <TruncatedText className="webhook-url">{info.getValue() ?? ''}</TruncatedText> }),
  column.accessor('eventTypes', { header: 'Events', cell: (info) => <EventsCell names={info.getValue()} /> }),
  column.accessor('level', { header: 'Level', cell: (info) => info.getValue() ?? 'tenant' }),
  column.accessor('origin', { header: 'Origin', cell: (info) => <OriginCell origin={info.getValue()} /> }),
  column.accessor('enabled', { header: 'Status', cell: (info) => <StatusCell webhook={info.row.original} /> }),
  column.accessor('ownerId', { header: 'Owner', cell: (info) => <PersonName userId={info.getValue()} /> }),
  column.accessor('createdAt', { header: 'Created', cell: (info) => <DateCell value={info.getValue()} /> }),
  column.accessor('updatedAt', { header: 'Updated', cell: (info) => <DateCell value={info.getValue()} /> }),
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

import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useDeferredValue, useId, useMemo, useState } from 'react'
import { isApiError, type Delivery, type Webhook } from '../../api'
import { describeError } from '../../wording/describe-error'
import { webhookDisplayName } from '../../wording/display-name'
import { Button } from '../../components/ui/button'
import { ErrorState } from '../../components/ui/error-state'
import { ConfirmDialog } from '../../components/ui/confirm-dialog'
import { toast } from '../../components/ui/toast'
import { formatUtc } from '../../lib/relative-time'
import { useSearchParams } from '../../lib/url-state'
import { DeliveryFilters } from './delivery-filters'
import { DeliveryTable } from './delivery-table'
import { EventTitleContext, useEventTitle, type EventTitle } from './event-title'
import { readHistoryFilters, toDeliveriesParams, writeHistoryFilters, type HistoryFilters } from './history-params'
import { useResendDelivery } from './mutations'
import { DELIVERY_REFRESH_MS, deliveryHistoryQuery } from './queries'
import { usePinnedDeliveries } from './pinned-deliveries'
import { usePinnedResends } from './use-pinned-resends'
import { deliveryIndexQuery } from './background'
import { BulkResendControls } from './bulk-resend-controls'
import { BulkResendPanel } from './bulk-resend-panel'
import { DeliverySettingsButton } from './delivery-settings-dialog'
import { ExportButtons } from './export-buttons'
import { FailureSummary } from './failure-summary'
import { describeSearchProgress, hasViewFilters, readViewFilters, viewRows, writeViewFilters, type ViewFilters } from './view-filters'
import { useNow } from '../../lib/use-now'

// The viewer carries the JSON tree, the HMAC check and the format mapping:
// a chunk of its own, loaded when a delivery is opened.
const PayloadViewer = lazy(() => import('./payload-viewer').then((m) => ({ default: m.PayloadViewer })))

const noTitle: EventTitle = () => undefined

type DeliveryHistoryProps = {
  webhook: Webhook
  /** A delivery action may have changed the webhook itself (a failed resend counts toward disabling it). */
  onWebhookChanged: (webhookId: string) => void
  /** Catalogue titles of event types, shown in the rows and the payload viewer. */
  eventTitle?: EventTitle
}

/** The delivery history of one webhook (the API keeps 7 days), with filters, paging, resend and the payload viewer. */
export function DeliveryHistory({ webhook, onWebhookChanged, eventTitle = noTitle }: DeliveryHistoryProps) {
  const [params, setSearch] = useSearchParams()
  const filters = readHistoryFilters(params)
  const [paused, setPaused] = useState(false)
  // The clock the view's 7 days are measured against.
  const now = useNow(60_000)
  const { filters: view, errors: viewErrors } = readViewFilters(params, now)
  const deferredView = useDeferredValue(view)
  const viewMode = hasViewFilters(deferredView)
  // The auto-refresh reads what is shown: the pages, or, while From, To or a search
  // shows rows of the index, the index's newer pages (one request when nothing is new).
  const refresh = (on: boolean) => (on && !paused ? DELIVERY_REFRESH_MS : false)
  const history = useInfiniteQuery({
    ...deliveryHistoryQuery(webhook.id, toDeliveriesParams(filters)),
    refetchInterval: refresh(!viewMode),
  })
  const [toResend, setToResend] = useState<Delivery | null>(null)
  const resend = useResendDelivery(webhook.id, onWebhookChanged)
  const headingId = useId()
  const name = webhookDisplayName(webhook)
  const openDeliveryId = params.get('history') === webhook.id ? params.get('delivery') : null

  const { pinned: resentRows, rows: pagedRows, pin } = usePinnedResends(history.data?.pages, filters)
  // Deliveries made outside the history (a test event) stand on top too, with their own label.
  const external = usePinnedDeliveries(webhook.id)
  const pinned = useMemo(
    () => [
      ...resentRows.map((delivery) => ({ delivery, label: 'New: resent' })),
      ...external.filter((p) => !resentRows.includes(p.delivery)),
    ],
    [resentRows, external],
  )
  const pinnedRows = useMemo(() => pinned.map((p) => p.delivery), [pinned])
  // Every delivery of the 7 days, read in the background: the failure summary,
  // "Select all failed", and the view when From, To or a search is on.
  const index = useQuery({ ...deliveryIndexQuery(webhook.id), refetchInterval: refresh(viewMode) })
  const indexed = index.data
  const matches = useCallback(
    (deliveries: readonly Delivery[]) => viewRows(deliveries, filters, deferredView),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the filters' values, not the object read anew each render
    [filters.status, filters.eventType, filters.sort, deferredView.from, deferredView.to, deferredView.search],
  )
  const viewed = useMemo(() => (viewMode ? matches(indexed?.deliveries ?? []) : undefined), [viewMode, matches, indexed])
  const pinnedIds = useMemo(() => new Set(pinnedRows.map((d) => d.id)), [pinnedRows])
  const rows = useMemo(() => (viewed ?? pagedRows).filter((d) => !pinnedIds.has(d.id)), [viewed, pagedRows, pinnedIds])
  const failedOf = useCallback((deliveries: readonly Delivery[]) => matches(deliveries).filter((d) => d.status === 'fail'), [matches])
  // The API has no date filter: once the pages read go past From, the view is whole.
  const oldestRead = indexed?.deliveries.at(-1)?.triggeredAt
  const pastFrom = Boolean(
    deferredView.from !== undefined && oldestRead && Date.parse(oldestRead) < deferredView.from && !deferredView.search,
  )
  const viewWhole = Boolean(indexed?.complete || pastFrom)

  const [selected, setSelected] = useState<Map<string, Delivery>>(() => new Map())
  const toggle = useCallback(
    (delivery: Delivery, on: boolean) =>
      setSelected((current) => {
        const next = new Map(current)
        if (on) next.set(delivery.id, delivery)
        else next.delete(delivery.id)
        return next
      }),
    [],
  )

  const eventTypes = useMemo(() => {
    const names = new Set(webhook.eventTypes ?? [])
    rows.forEach((d) => names.add(d.eventType))
    if (filters.eventType) names.add(filters.eventType)
    return [...names].sort()
  }, [webhook.eventTypes, rows, filters.eventType])

  const setFilters = (patch: Partial<HistoryFilters>) => setSearch(writeHistoryFilters({ ...filters, ...patch }))
  // Typing in the search box replaces the URL entry rather than adding one per keystroke.
  const setView = (patch: Partial<ViewFilters>) => setSearch(writeViewFilters(patch), 'search' in patch ? 'replace' : 'push')
  const filtered = Boolean(filters.status || filters.eventType || hasViewFilters(view))
  const clearFilters = () =>
    setSearch({
      ...writeHistoryFilters({ ...filters, status: undefined, eventType: undefined }),
      ...writeViewFilters({ from: undefined, to: undefined, search: '' }),
    })
  const openDelivery = useCallback((delivery: Delivery) => setSearch({ delivery: delivery.id }), [setSearch])

  const confirmResend = () => {
    if (!toResend) return
    resend.mutate(toResend, {
      onSuccess: (created) => {
        pin(created)
        setToResend(null)
        if (created.status === 'success') {
          toast({ tone: 'success', title: 'Delivery resent', description: `The receiver answered ${describeOutcome(created)}.` })
        } else {
          toast({ tone: 'error', title: 'Resend failed', description: `The new delivery failed: ${describeOutcome(created)}.` })
        }
      },
      onError: (error) => {
        setToResend(null)
        toast({ tone: 'error', title: 'Could not resend the delivery', description: describeError(error) })
      },
    })
  }

  const pages = history.data?.pages
  const unreadable = useMemo(() => (pages ?? []).flatMap((page) => page.unreadable), [pages])
  const listed = useMemo(() => (pinnedRows.length ? [...pinnedRows, ...rows] : rows), [pinnedRows, rows])

  // One table for both views; items the API sent that the console cannot read stay visible in each, as rows saying why.
  const deliveryTable = (
    <DeliveryTable
      labelledBy={headingId}
      pinned={pinned}
      rows={rows}
      unreadable={unreadable}
      onOpen={openDelivery}
      onResend={setToResend}
      selected={selected}
      onToggle={toggle}
    />
  )

  // A refresh of what is shown, not the first read of it.
  const refreshing = viewMode
    ? index.isFetching && index.data?.complete
    : history.isFetching && !history.isFetchingNextPage && history.data !== undefined

  return (
    <EventTitleContext.Provider value={eventTitle}>
      <section className="delivery-history" aria-labelledby={headingId}>
        <div className="delivery-history-header">
          <h2 id={headingId} className="delivery-history-title">
            Delivery history <span className="muted">of {name}, last 7 days</span>
          </h2>
          <div className="delivery-refresh">
            {/* Not a live region: announcing every background refresh would drown a screen reader. */}
            <span className="muted">
              {paused ? 'Auto-refresh paused' : refreshing ? 'Refreshing…' : `Refreshes every ${DELIVERY_REFRESH_MS / 1000} seconds`}
            </span>
            <Button onClick={() => setPaused(!paused)}>{paused ? 'Resume auto-refresh' : 'Pause auto-refresh'}</Button>
            <DeliverySettingsButton />
          </div>
        </div>
        {webhook.enabled === false ? (
          <p className="delivery-note">
            This webhook is disabled{webhook.disabledReason ? `: ${webhook.disabledReason}` : '.'} Resending still sends to its URL, and a
            failure still counts.
          </p>
        ) : null}

        {indexed ? <FailureSummary deliveries={indexed.deliveries} complete={indexed.complete} /> : null}
        <BulkResendPanel webhookId={webhook.id} />

        <DeliveryFilters
          filters={filters}
          eventTypes={eventTypes}
          onChange={setFilters}
          onClear={clearFilters}
          view={view}
          viewErrors={viewErrors}
          onViewChange={setView}
          now={now}
        />

        <div className="delivery-toolbar">
          <BulkResendControls
            webhookId={webhook.id}
            failedOf={failedOf}
            index={indexed}
            now={now}
            selected={selected}
            onSelect={setSelected}
            onWebhookChanged={() => onWebhookChanged(webhook.id)}
          />
          <ExportButtons webhookName={name} deliveries={listed} />
        </div>
        {viewMode ? (
          <p role="status" className="muted delivery-searched">
            {index.isError
              ? `Could not read every delivery: ${describeError(index.error)}`
              : describeSearchProgress({
                  read: indexed?.deliveries ?? [],
                  complete: Boolean(indexed?.complete),
                  pastFrom,
                  from: deferredView.from,
                  matches: rows.length,
                })}
          </p>
        ) : null}

        {viewMode ? (
          rows.length === 0 && pinnedRows.length === 0 ? (
            viewWhole || index.isError ? (
              <div className="empty-state">
                <p>No deliveries match these filters in the last 7 days.</p>
                <Button onClick={clearFilters}>Clear filters</Button>
              </div>
            ) : null
          ) : (
            deliveryTable
          )
        ) : history.isPending ? (
          <p role="status" aria-busy="true" className="delivery-loading">
            Loading deliveries…
          </p>
        ) : history.isError && !history.data ? (
          <ErrorState
            title="Could not load the delivery history"
            message={describeError(history.error)}
            traceId={isApiError(history.error) ? history.error.traceId : undefined}
            onRetry={() => void history.refetch()}
            retrying={history.isFetching}
          />
        ) : rows.length === 0 && pinnedRows.length === 0 ? (
          <div className="empty-state">
            <p>{filtered ? 'No deliveries match these filters in the last 7 days.' : 'No deliveries in the last 7 days.'}</p>
            {filtered ? <Button onClick={clearFilters}>Clear filters</Button> : <NoDeliveriesYet webhook={webhook} />}
          </div>
        ) : (
          <>
            {deliveryTable}
            <div className="delivery-more">
              <span className="muted" role="status">
                {rows.length + pinnedRows.length} {rows.length + pinnedRows.length === 1 ? 'delivery' : 'deliveries'} shown
                {history.hasNextPage ? '; more are available' : ''}
              </span>
              {history.hasNextPage ? (
                <Button onClick={() => void history.fetchNextPage()} disabled={history.isFetchingNextPage}>
                  {history.isFetchingNextPage ? 'Loading more…' : 'Load more'}
                </Button>
              ) : null}
            </div>
            {history.isError ? (
              <p role="alert" className="error-title">
                Could not refresh: {describeError(history.error)}
              </p>
            ) : null}
          </>
        )}

        <ConfirmDialog
          open={toResend !== null}
          onOpenChange={(open) => !open && !resend.isPending && setToResend(null)}
          title="Resend this delivery?"
          description={
            toResend ? (
              <>
                The original {toResend.eventType} payload of {formatUtc(toResend.triggeredAt)} is sent again, to the webhook’s current URL (
                {webhook.url ?? 'none'}) with its current headers and secret. It is recorded as a new delivery, and if it fails it counts
                toward automatically disabling the webhook.
              </>
            ) : (
              ''
            )
          }
          confirmLabel={resend.isPending ? 'Resending…' : 'Resend'}
          onConfirm={confirmResend}
          busy={resend.isPending}
        />

        {openDeliveryId ? (
          <Suspense fallback={<p role="status">Opening the delivery…</p>}>
            <PayloadViewer
              key={openDeliveryId}
              webhookId={webhook.id}
              deliveryId={openDeliveryId}
              onClose={() => setSearch({ delivery: null })}
            />
          </Suspense>
        ) : null}
      </section>
    </EventTitleContext.Provider>
  )
}

function describeOutcome(delivery: Delivery): string {
  const status = delivery.response?.statusCode
  const parts = [status ? `HTTP ${status}` : 'no HTTP answer', delivery.statusMessage].filter(Boolean)
  return parts.join(', ')
}

const createdFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** An empty history: since when the webhook exists, and what would make a delivery. */
function NoDeliveriesYet({ webhook }: { webhook: Webhook }) {
  const created = webhook.createdAt ? new Date(webhook.createdAt) : undefined
  const eventTitle = useEventTitle()
  const events = (webhook.eventTypes ?? []).map((name) => eventTitle(name) ?? name)
  return (
    <>
      {created && !Number.isNaN(created.getTime()) ? <p>This webhook was created on {createdFormat.format(created)}.</p> : null}
      <p>
        Qlik sends a delivery each time one of its events happens in the tenant
        {events.length ? <> ({events.join(', ')})</> : null}
        {webhook.enabled ? '' : ', once the webhook is enabled'}.
        {__BACKEND__ === 'mock'
          ? ' On the built-in mock tenant, choose Send test event in this webhook’s menu, or turn on Live traffic in Demo controls.'
          : null}
      </p>
    </>
  )
}

import { useInfiniteQuery } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useState } from 'react'
import { describeError, isApiError, webhookDisplayName, type Delivery, type Webhook } from '../../api'
import { Button } from '../../components/ui/button'
import { UnreadableRow } from '../../components/ui/unreadable-row'
import { ErrorState } from '../../components/ui/error-state'
import { ConfirmDialog } from '../../components/ui/confirm-dialog'
import { toast } from '../../components/ui/toast'
import { formatUtc } from '../../lib/relative-time'
import { useSearchParams } from '../../lib/url-state'
import { DeliveryRow } from './delivery-row'
import { DELIVERY_SORT_OPTIONS, readHistoryFilters, toDeliveriesParams, writeHistoryFilters, type HistoryFilters } from './history-params'
import { useResendDelivery } from './mutations'
import { DELIVERY_REFRESH_MS, deliveryHistoryQuery } from './queries'

// The viewer carries the JSON tree, the HMAC check and the format mapping:
// a chunk of its own, loaded when a delivery is opened.
const PayloadViewer = lazy(() => import('./payload-viewer').then((m) => ({ default: m.PayloadViewer })))

/** The delivery history of one webhook (the API keeps 7 days), with filters, paging, resend and the payload viewer. */
export function DeliveryHistory({ webhook }: { webhook: Webhook }) {
  const [params, setSearch] = useSearchParams()
  const filters = readHistoryFilters(params)
  const [paused, setPaused] = useState(false)
  const history = useInfiniteQuery({
    ...deliveryHistoryQuery(webhook.id, toDeliveriesParams(filters)),
    refetchInterval: paused ? false : DELIVERY_REFRESH_MS,
  })
  // Each resend remembers the filters it was made under (see pinnedRows).
  const [resent, setResent] = useState<{ delivery: Delivery; view: string }[]>([])
  const [toResend, setToResend] = useState<Delivery | null>(null)
  const resend = useResendDelivery(webhook.id)
  const headingId = useId()
  const name = webhookDisplayName(webhook)
  const openDeliveryId = params.get('history') === webhook.id ? params.get('delivery') : null

  // A resend's result stays on top of the view it was made in, whatever it
  // was (a success resent from the failures, say); another view of the list
  // shows what the API lists for it.
  const filtersView = `${filters.status ?? ''}|${filters.eventType ?? ''}`
  const pinnedRows = useMemo(() => resent.filter((r) => r.view === filtersView).map((r) => r.delivery), [resent, filtersView])

  const rows = useMemo(() => {
    const pinned = new Set(pinnedRows.map((d) => d.id))
    const seen = new Set<string>()
    const list: Delivery[] = []
    // Pages are fetched at different times, so a delivery can reach two of them.
    for (const page of history.data?.pages ?? []) {
      for (const delivery of page.data) {
        if (seen.has(delivery.id) || pinned.has(delivery.id)) continue
        seen.add(delivery.id)
        list.push(delivery)
      }
    }
    return list
  }, [history.data, pinnedRows])

  const eventTypes = useMemo(() => {
    const names = new Set(webhook.eventTypes ?? [])
    rows.forEach((d) => names.add(d.eventType))
    if (filters.eventType) names.add(filters.eventType)
    return [...names].sort()
  }, [webhook.eventTypes, rows, filters.eventType])

  const setFilters = (patch: Partial<HistoryFilters>) => setSearch(writeHistoryFilters({ ...filters, ...patch }))
  const filtered = Boolean(filters.status || filters.eventType)
  const clearFilters = () => setFilters({ status: undefined, eventType: undefined })
  const now = useNow(30_000)
  const openDelivery = useCallback((delivery: Delivery) => setSearch({ delivery: delivery.id }), [setSearch])

  const confirmResend = () => {
    if (!toResend) return
    resend.mutate(toResend, {
      onSuccess: (created) => {
        setResent((current) => [{ delivery: created, view: filtersView }, ...current])
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

  return (
    <section className="delivery-history" aria-labelledby={headingId}>
      <div className="delivery-history-header">
        <h2 id={headingId} className="delivery-history-title">
          Delivery history <span className="muted">of {name}, last 7 days</span>
        </h2>
        <div className="delivery-refresh">
          {/* Not a live region: announcing every background refresh would drown a screen reader. */}
          <span className="muted">
            {paused
              ? 'Auto-refresh paused'
              : history.isFetching && !history.isFetchingNextPage && history.data
                ? 'Refreshing…'
                : `Refreshes every ${DELIVERY_REFRESH_MS / 1000} seconds`}
          </span>
          <Button onClick={() => setPaused(!paused)}>{paused ? 'Resume auto-refresh' : 'Pause auto-refresh'}</Button>
        </div>
      </div>
      {webhook.enabled === false ? (
        <p className="delivery-note">
          This webhook is disabled{webhook.disabledReason ? `: ${webhook.disabledReason}` : '.'} Resending still sends to its URL, and a
          failure still counts.
        </p>
      ) : null}

      <div className="delivery-filters" role="group" aria-label="Filter and sort deliveries">
        <div className="delivery-field">
          <label className="field-label" htmlFor={`${headingId}-status`}>
            Status
          </label>
          <select
            id={`${headingId}-status`}
            className="input"
            value={filters.status ?? ''}
            onChange={(e) => setFilters({ status: (e.target.value || undefined) as HistoryFilters['status'] })}
          >
            <option value="">All statuses</option>
            <option value="success">Success</option>
            <option value="fail">Failed</option>
          </select>
        </div>
        <div className="delivery-field">
          <label className="field-label" htmlFor={`${headingId}-event`}>
            Event type
          </label>
          <select
            id={`${headingId}-event`}
            className="input"
            value={filters.eventType ?? ''}
            onChange={(e) => setFilters({ eventType: e.target.value || undefined })}
          >
            <option value="">All event types</option>
            {eventTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <div className="delivery-field">
          <label className="field-label" htmlFor={`${headingId}-sort`}>
            Sort
          </label>
          <select
            id={`${headingId}-sort`}
            className="input"
            value={filters.sort}
            onChange={(e) => setFilters({ sort: e.target.value as HistoryFilters['sort'] })}
          >
            {DELIVERY_SORT_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        {filtered ? <Button onClick={clearFilters}>Clear filters</Button> : null}
      </div>

      {history.isPending ? (
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
          {filtered ? <Button onClick={clearFilters}>Clear filters</Button> : null}
        </div>
      ) : (
        <>
          <table className="delivery-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Event type</th>
                <th scope="col">Triggered</th>
                <th scope="col">HTTP status</th>
                <th scope="col">Status message</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pinnedRows.map((delivery) => (
                <DeliveryRow key={delivery.id} delivery={delivery} now={now} isNew onOpen={openDelivery} onResend={setToResend} />
              ))}
              {rows.map((delivery) => (
                <DeliveryRow key={delivery.id} delivery={delivery} now={now} onOpen={openDelivery} onResend={setToResend} />
              ))}
              {(history.data?.pages ?? []).flatMap((page, p) =>
                page.unreadable.map((item) => (
                  <UnreadableRow key={`unreadable-${p}-${item.index}`} item={item} noun="delivery" colSpan={6} />
                )),
              )}
            </tbody>
          </table>
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
  )
}

/**
 * The clock relative times are read against. It ticks on its own, not with
 * each fetch, so that Load more renders only the new rows (the others are
 * memoised) instead of all of them.
 */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

function describeOutcome(delivery: Delivery): string {
  const status = delivery.response?.statusCode
  const parts = [status ? `HTTP ${status}` : 'no HTTP answer', delivery.statusMessage].filter(Boolean)
  return parts.join(', ')
}

import { useInfiniteQuery } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useId, useMemo, useState } from 'react'
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
import { readHistoryFilters, toDeliveriesParams, writeHistoryFilters, type HistoryFilters } from './history-params'
import { useResendDelivery } from './mutations'
import { DELIVERY_REFRESH_MS, deliveryHistoryQuery } from './queries'
import { usePinnedResends } from './use-pinned-resends'

// The viewer carries the JSON tree, the HMAC check and the format mapping:
// a chunk of its own, loaded when a delivery is opened.
const PayloadViewer = lazy(() => import('./payload-viewer').then((m) => ({ default: m.PayloadViewer })))

type DeliveryHistoryProps = {
  webhook: Webhook
  /** A delivery action may have changed the webhook itself (a failed resend counts toward disabling it). */
  onWebhookChanged: (webhookId: string) => void
}

/** The delivery history of one webhook (the API keeps 7 days), with filters, paging, resend and the payload viewer. */
export function DeliveryHistory({ webhook, onWebhookChanged }: DeliveryHistoryProps) {
  const [params, setSearch] = useSearchParams()
  const filters = readHistoryFilters(params)
  const [paused, setPaused] = useState(false)
  const history = useInfiniteQuery({
    ...deliveryHistoryQuery(webhook.id, toDeliveriesParams(filters)),
    refetchInterval: paused ? false : DELIVERY_REFRESH_MS,
  })
  const [toResend, setToResend] = useState<Delivery | null>(null)
  const resend = useResendDelivery(webhook.id, onWebhookChanged)
  const headingId = useId()
  const name = webhookDisplayName(webhook)
  const openDeliveryId = params.get('history') === webhook.id ? params.get('delivery') : null

  const { pinned: pinnedRows, rows, pin } = usePinnedResends(history.data?.pages, filters)

  const eventTypes = useMemo(() => {
    const names = new Set(webhook.eventTypes ?? [])
    rows.forEach((d) => names.add(d.eventType))
    if (filters.eventType) names.add(filters.eventType)
    return [...names].sort()
  }, [webhook.eventTypes, rows, filters.eventType])

  const setFilters = (patch: Partial<HistoryFilters>) => setSearch(writeHistoryFilters({ ...filters, ...patch }))
  const filtered = Boolean(filters.status || filters.eventType)
  const clearFilters = () => setFilters({ status: undefined, eventType: undefined })
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

      <DeliveryFilters filters={filters} eventTypes={eventTypes} onChange={setFilters} onClear={clearFilters} />

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
          <DeliveryTable
            labelledBy={headingId}
            pinned={pinnedRows}
            rows={rows}
            unreadable={(history.data?.pages ?? []).flatMap((page) => page.unreadable)}
            onOpen={openDelivery}
            onResend={setToResend}
          />
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

function describeOutcome(delivery: Delivery): string {
  const status = delivery.response?.statusCode
  const parts = [status ? `HTTP ${status}` : 'no HTTP answer', delivery.statusMessage].filter(Boolean)
  return parts.join(', ')
}

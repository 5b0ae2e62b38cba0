import { useQuery } from '@tanstack/react-query'
import { useMemo, useRef, type ReactNode } from 'react'
import { isApiError, type Webhook } from '../../api'
import { describeError } from '../../wording/describe-error'
import { Button } from '../../components/ui/button'
import type { MenuItem } from '../../components/ui/menu-popup'
import { ErrorState } from '../../components/ui/error-state'
import { setSearch, useSearchParams } from '../../lib/url-state'
import { KeyboardShortcuts } from './keyboard-shortcuts'
import { webhookCountQuery, webhookListQuery } from './queries'
import { clearFiltersUpdate, hasFilters, isFirstPage, parseTableState, sortUpdate, toGetWebhooksParams } from './table-state'
import type { WebhookColumn } from './webhook-columns'
import { WebhooksDialogsHost, WebhooksDialogsProvider } from './webhooks-dialogs-provider'
import { RowMenuItemsContext } from './row-context'
import { WebhooksFilters } from './webhooks-filters'
import { WebhooksPagination } from './webhooks-pagination'
import { WebhooksTable } from './webhooks-table'
import { useRefusedCursor } from './use-refused-cursor'

/** Documented tenant limit (help.qlik.com, "Webhook limits"); the API does not report it. */
export const TENANT_WEBHOOK_QUOTA = 100

function QuotaCount() {
  const count = useQuery(webhookCountQuery())
  return (
    <p className="quota">
      {count.isSuccess
        ? `${count.data.atLeast ? 'At least ' : ''}${count.data.count} of ${TENANT_WEBHOOK_QUOTA} webhooks`
        : count.isError
          ? 'Could not count the webhooks'
          : 'Counting webhooks…'}
    </p>
  )
}

type WebhooksPageProps = {
  /** What shows under an expanded row (the app passes the delivery history). */
  renderExpanded: (webhook: Webhook) => ReactNode
  /** Columns another feature knows, shown before the row actions; the app passes them in. */
  extraColumns?: WebhookColumn[]
  /**
   * For the "Failing" status: which of these webhooks are failing, from their
   * deliveries (a hook the app passes in); `checked` of them are known so far.
   */
  useFailingIds?: (ids: string[]) => { failing: ReadonlySet<string>; checked: number }
  /** More items of each row's menu, before Delete; the app passes them in (mock mode: "Send test event"). */
  extraRowItems?: (webhook: Webhook) => MenuItem[]
}

const noFailing = () => ({ failing: new Set<string>(), checked: 0 })

export function WebhooksPage({ renderExpanded, extraColumns, useFailingIds = noFailing, extraRowItems }: WebhooksPageProps) {
  const [params] = useSearchParams()
  const state = useMemo(() => parseTableState(params), [params])
  const query = useMemo(() => toGetWebhooksParams(state), [state])
  const list = useQuery(webhookListQuery(query))
  const failingMode = state.status === 'failing'
  const listed = list.data?.data
  const listedIds = useMemo(() => (failingMode ? (listed ?? []).map((w) => w.id) : []), [failingMode, listed])
  const failing = useFailingIds(listedIds)
  const rows = failingMode ? listed?.filter((w) => failing.failing.has(w.id)) : listed
  const heading = useRef<HTMLHeadingElement>(null)
  const cursor = useRefusedCursor({ hasCursor: Boolean(query.next || query.prev), error: list.error, params })
  const listFailed = list.isError && !cursor.refused

  const expandedId = params.get('history') ?? undefined
  const filtered = hasFilters(state)

  const empty = !isFirstPage(state) ? (
    <div className="empty-state">
      <p>This page is empty.</p>
      <Button onClick={() => setSearch({ next: null, prev: null })}>First page</Button>
    </div>
  ) : filtered ? (
    <div className="empty-state">
      <p>No webhooks match these filters.</p>
      <Button onClick={() => setSearch(clearFiltersUpdate())}>Clear filters</Button>
    </div>
  ) : (
    <div className="empty-state">
      <p>
        No webhooks yet. A webhook sends an HTTPS request to a service of yours whenever a chosen event happens in the tenant, such as an
        app reload finishing.
      </p>
      <Button variant="primary" onClick={() => setSearch({ create: '1' })}>
        Create new
      </Button>
    </div>
  )

  return (
    <WebhooksDialogsProvider>
      <RowMenuItemsContext.Provider value={extraRowItems}>
        <section aria-labelledby="webhooks-heading" className="webhooks-page">
          <div className="page-header">
            <h1 id="webhooks-heading" ref={heading} tabIndex={-1}>
              Webhooks
            </h1>
            <QuotaCount />
            <KeyboardShortcuts />
            <Button variant="primary" className="create-button" onClick={() => setSearch({ create: '1' })}>
              Create new
            </Button>
          </div>

          <WebhooksFilters state={state} />

          <p role="status" className="refetch-status">
            {list.isFetching && !list.isPending
              ? 'Updating webhooks…'
              : failingMode && listed && failing.checked < listed.length
                ? `Checking deliveries: ${failing.checked} of ${listed.length} webhooks checked…`
                : ''}
          </p>

          {/* The live region is always there, so that a notice put into it is announced. */}
          <div className={cursor.notice ? 'page-notice' : undefined}>
            <p role="status">{cursor.notice ?? ''}</p>
            {cursor.notice ? <Button onClick={cursor.dismiss}>Dismiss</Button> : null}
          </div>

          {listFailed ? (
            <ErrorState
              title="Could not load webhooks"
              message={describeError(list.error)}
              traceId={isApiError(list.error) ? list.error.traceId : undefined}
              onRetry={() => void list.refetch()}
              retrying={list.isFetching}
            />
          ) : null}

          {listFailed && !list.data ? null : (
            <WebhooksTable
              labelledBy="webhooks-heading"
              rows={rows}
              unreadable={failingMode ? undefined : list.data?.unreadable}
              sort={state.sort}
              onSortChange={(sort) => setSearch(sortUpdate(sort))}
              expandedId={expandedId}
              empty={empty}
              renderExpanded={renderExpanded}
              extraColumns={extraColumns}
            />
          )}

          {failingMode ? null : <WebhooksPagination limit={state.limit} links={list.data?.links} />}

          {/* The row and its menu are gone after a delete: give focus a sensible place to land. */}
          <WebhooksDialogsHost onDeleted={() => heading.current?.focus()} />
        </section>
      </RowMenuItemsContext.Provider>
    </WebhooksDialogsProvider>
  )
}

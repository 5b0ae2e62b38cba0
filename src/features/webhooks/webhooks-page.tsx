import { useQuery } from '@tanstack/react-query'
import { useMemo, useRef, type ReactNode } from 'react'
import { isApiError, type Webhook } from '../../api'
import { describeError } from '../../wording/describe-error'
import { Button } from '../../components/ui/button'
import { ErrorState } from '../../components/ui/error-state'
import { setSearch, useSearchParams } from '../../lib/url-state'
import { webhookCountQuery, webhookListQuery } from './queries'
import { clearFiltersUpdate, hasFilters, isFirstPage, parseTableState, sortUpdate, toGetWebhooksParams } from './table-state'
import type { WebhookColumn } from './webhook-columns'
import { WebhooksDialogs } from './webhooks-dialogs'
import { WebhooksDialogsProvider } from './webhooks-dialogs-provider'
import { WebhooksFilters } from './webhooks-filters'
import { WebhooksPagination } from './webhooks-pagination'
import { WebhooksTable } from './webhooks-table'

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
}

export function WebhooksPage({ renderExpanded, extraColumns }: WebhooksPageProps) {
  const [params] = useSearchParams()
  const state = useMemo(() => parseTableState(params), [params])
  const query = useMemo(() => toGetWebhooksParams(state), [state])
  const list = useQuery(webhookListQuery(query))
  const heading = useRef<HTMLHeadingElement>(null)

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
      <p>No webhooks yet.</p>
      <Button variant="primary" onClick={() => setSearch({ create: '1' })}>
        Create new
      </Button>
    </div>
  )

  return (
    <WebhooksDialogsProvider>
      <section aria-labelledby="webhooks-heading" className="webhooks-page">
        <div className="page-header">
          <h1 id="webhooks-heading" ref={heading} tabIndex={-1}>
            Webhooks
          </h1>
          <QuotaCount />
          <Button variant="primary" className="create-button" onClick={() => setSearch({ create: '1' })}>
            Create new
          </Button>
        </div>

        <WebhooksFilters state={state} />

        <p role="status" className="refetch-status">
          {list.isFetching && !list.isPending ? 'Updating webhooks…' : ''}
        </p>

        {list.isError ? (
          <ErrorState
            title="Could not load webhooks"
            message={describeError(list.error)}
            traceId={isApiError(list.error) ? list.error.traceId : undefined}
            onRetry={() => void list.refetch()}
            retrying={list.isFetching}
          />
        ) : null}

        {list.isError && !list.data ? null : (
          <WebhooksTable
            labelledBy="webhooks-heading"
            rows={list.data?.data}
            unreadable={list.data?.unreadable}
            sort={state.sort}
            onSortChange={(sort) => setSearch(sortUpdate(sort))}
            expandedId={expandedId}
            empty={empty}
            renderExpanded={renderExpanded}
            extraColumns={extraColumns}
          />
        )}

        <WebhooksPagination limit={state.limit} links={list.data?.links} />

        {/* The row and its menu are gone after a delete: give focus a sensible place to land. */}
        <WebhooksDialogs onDeleted={() => heading.current?.focus()} />
      </section>
    </WebhooksDialogsProvider>
  )
}

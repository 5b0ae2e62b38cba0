import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useMemo, useRef, useState } from 'react'
import { describeError, isApiError, webhookDisplayName, type Webhook } from '../../api'
import { Button } from '../../components/ui/button'
import { ErrorState } from '../../components/ui/error-state'
import { setSearch, useSearchParams } from '../../lib/url-state'
import { useDeleteWebhook, useSetWebhookEnabled } from './mutations'
import { webhookCountQuery, webhookListQuery } from './queries'
import { RowActionsContext, type RowActions } from './row-actions'
import { clearFiltersUpdate, hasFilters, isFirstPage, parseTableState, sortUpdate, toGetWebhooksParams } from './table-state'
import { WebhooksFilters } from './webhooks-filters'
import { WebhooksPagination } from './webhooks-pagination'
import { WebhooksTable } from './webhooks-table'

// The form and the delivery history are chunks of their own: the first page
// needs neither, and both are heavier than the table.
const WebhookFormDialog = lazy(() => import('./form').then((m) => ({ default: m.WebhookFormDialog })))
const DeliveryHistory = lazy(() => import('../deliveries').then((m) => ({ default: m.DeliveryHistory })))
// Confirmations come after a deliberate action; the dialog code is not first-page material either.
const ConfirmDialog = lazy(() => import('../../components/ui/confirm-dialog').then((m) => ({ default: m.ConfirmDialog })))

/** Documented tenant limit (help.qlik.com, "Webhook limits"); the API does not report it. */
export const TENANT_WEBHOOK_QUOTA = 100

/** Parameters of the delivery history; they belong to the webhook whose history is open. */
const closedHistory = { history: null, dstatus: null, devent: null, dsort: null, delivery: null }

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

export function WebhooksPage() {
  const [params] = useSearchParams()
  const state = useMemo(() => parseTableState(params), [params])
  const query = useMemo(() => toGetWebhooksParams(state), [state])
  const list = useQuery(webhookListQuery(query))
  const setEnabled = useSetWebhookEnabled()
  const deletion = useDeleteWebhook()
  const [toDelete, setToDelete] = useState<Webhook | null>(null)
  const [toEditManaged, setToEditManaged] = useState<Webhook | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)

  const expandedId = params.get('history') ?? undefined
  const formOpen = params.get('create') === '1' || Boolean(params.get('edit'))
  const filtered = hasFilters(state)

  const actions: RowActions = {
    edit: (webhook) => (webhook.origin === 'automations' ? setToEditManaged(webhook) : setSearch({ edit: webhook.id })),
    setEnabled: (webhook, enabled) => setEnabled.mutate({ webhook, enabled }),
    remove: setToDelete,
    toggleHistory: (webhook) => setSearch(expandedId === webhook.id ? closedHistory : { ...closedHistory, history: webhook.id }),
    expandedId,
  }

  const confirmDelete = (webhook: Webhook) =>
    deletion.mutate(webhook, {
      onSettled: (_data, error) => {
        setToDelete(null)
        if (!error && expandedId === webhook.id) setSearch(closedHistory, 'replace')
      },
      // The row and its menu are gone: give focus a sensible place to land.
      onSuccess: () => heading.current?.focus(),
    })

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
        <RowActionsContext.Provider value={actions}>
          <WebhooksTable
            labelledBy="webhooks-heading"
            rows={list.data?.data}
            unreadable={list.data?.unreadable}
            sort={state.sort}
            onSortChange={(sort) => setSearch(sortUpdate(sort))}
            expandedId={expandedId}
            empty={empty}
            renderExpanded={(webhook) => (
              <Suspense fallback={<p role="status">Loading delivery history…</p>}>
                <DeliveryHistory webhook={webhook} />
              </Suspense>
            )}
          />
        </RowActionsContext.Provider>
      )}

      <WebhooksPagination limit={state.limit} links={list.data?.links} />

      {toDelete ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            open
            onOpenChange={(open) => !open && !deletion.isPending && setToDelete(null)}
            title="Delete webhook?"
            description={<>“{webhookDisplayName(toDelete)}” will be deleted, with its delivery history. This cannot be undone.</>}
            confirmLabel="Delete"
            destructive
            busy={deletion.isPending}
            onConfirm={() => confirmDelete(toDelete)}
          />
        </Suspense>
      ) : null}

      {toEditManaged ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            open
            onOpenChange={(open) => !open && setToEditManaged(null)}
            title="Edit a webhook managed by an automation?"
            description={
              <>
                “{webhookDisplayName(toEditManaged)}” was created by Qlik Automate, and its automation owns it. Changes made here can break
                the automation, and the automation can overwrite them.
              </>
            }
            confirmLabel="Edit anyway"
            onConfirm={() => {
              setToEditManaged(null)
              setSearch({ edit: toEditManaged.id })
            }}
          />
        </Suspense>
      ) : null}

      {formOpen ? (
        <Suspense fallback={null}>
          <WebhookFormDialog />
        </Suspense>
      ) : null}
    </section>
  )
}

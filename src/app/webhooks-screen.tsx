import { useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useCallback } from 'react'
import type { Webhook } from '../api'
import type { MenuItem } from '../components/ui/menu-popup'
import { HealthLoading } from '../features/deliveries/health-loading'
import { useFailingIds } from '../features/deliveries/use-failing-ids'
import { refreshWebhook, useEventTitles, WebhooksPage, type WebhookColumn } from '../features/webhooks'

// The delivery history is a chunk of its own: the first page does not need it, and it is heavier than the table.
const DeliveryHistory = lazy(() => import('../features/deliveries').then((m) => ({ default: m.DeliveryHistory })))

// Health fills in after the table: its code is a small chunk of its own, not the history's, and not the first page's.
const HealthCell = lazy(() => import('../features/deliveries/health-cell').then((m) => ({ default: m.HealthCell })))
const healthColumn: WebhookColumn = {
  id: 'health',
  header: 'Health',
  cell: (info) => (
    <Suspense fallback={<HealthLoading />}>
      <HealthCell webhook={info.row.original} />
    </Suspense>
  ),
}
const extraColumns = [healthColumn]

/** Where the webhooks and deliveries features meet: the history under an expanded row, and what a delivery changes of its webhook. */
export function WebhooksScreen({ extraRowItems }: { extraRowItems?: (webhook: Webhook) => MenuItem[] } = {}) {
  const queryClient = useQueryClient()
  const eventTitle = useEventTitles()
  const onWebhookChanged = useCallback((webhookId: string) => void refreshWebhook(queryClient, webhookId), [queryClient])
  return (
    <WebhooksPage
      extraColumns={extraColumns}
      useFailingIds={useFailingIds}
      {...(extraRowItems ? { extraRowItems } : {})}
      renderExpanded={(webhook) => (
        <Suspense fallback={<p role="status">Loading delivery history…</p>}>
          <DeliveryHistory webhook={webhook} onWebhookChanged={onWebhookChanged} eventTitle={eventTitle} />
        </Suspense>
      )}
    />
  )
}

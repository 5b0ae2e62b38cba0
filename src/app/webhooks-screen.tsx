import { useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useCallback } from 'react'
import { refreshWebhook, WebhooksPage } from '../features/webhooks'

// The delivery history is a chunk of its own: the first page does not need it, and it is heavier than the table.
const DeliveryHistory = lazy(() => import('../features/deliveries').then((m) => ({ default: m.DeliveryHistory })))

/** Where the webhooks and deliveries features meet: the history under an expanded row, and what a delivery changes of its webhook. */
export function WebhooksScreen() {
  const queryClient = useQueryClient()
  const onWebhookChanged = useCallback((webhookId: string) => void refreshWebhook(queryClient, webhookId), [queryClient])
  return (
    <WebhooksPage
      renderExpanded={(webhook) => (
        <Suspense fallback={<p role="status">Loading delivery history…</p>}>
          <DeliveryHistory webhook={webhook} onWebhookChanged={onWebhookChanged} />
        </Suspense>
      )}
    />
  )
}

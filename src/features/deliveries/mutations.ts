import { useMutation, useQueryClient } from '@tanstack/react-query'
import { resendWebhookDelivery, type Delivery } from '../../api'
import { deliveryKeys } from './queries'

/**
 * Resends one delivery. The API answers 201 with a new delivery record
 * whose status may be `fail`: that is a result to show, not an error.
 * `onWebhookChanged` is how the webhook's owner (composed in src/app) hears of it.
 */
export function useResendDelivery(webhookId: string, onWebhookChanged: (webhookId: string) => void) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (delivery: Delivery) => resendWebhookDelivery(webhookId, delivery.id),
    onSuccess: (created) => {
      queryClient.setQueryData(deliveryKeys.detail(webhookId, created.id), created)
      // A failed resend counts toward automatic disabling, so the webhook
      // itself may have changed too: its owner refreshes it, this refreshes
      // the webhook's history, and nothing else.
      // Not awaited: the new delivery is already on screen, so the dialog need not wait for the refetches.
      void queryClient.invalidateQueries({ queryKey: deliveryKeys.lists(webhookId) })
      onWebhookChanged(webhookId)
    },
  })
}

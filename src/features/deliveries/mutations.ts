import { useMutation, useQueryClient } from '@tanstack/react-query'
import { resendWebhookDelivery, type Delivery } from '../../api'
import { refreshWebhook } from '../webhooks'
import { deliveryKeys } from './queries'

/**
 * Resends one delivery. The API answers 201 with a new delivery record
 * whose status may be `fail`: that is a result to show, not an error.
 */
export function useResendDelivery(webhookId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (delivery: Delivery) => resendWebhookDelivery(webhookId, delivery.id),
    onSuccess: (created) => {
      queryClient.setQueryData(deliveryKeys.detail(webhookId, created.id), created)
      // A failed resend counts toward automatic disabling, so the webhook
      // itself may have changed too: refresh its lists and detail, and this
      // webhook's history, and nothing else.
      // Not awaited: the new delivery is already on screen, so the dialog need not wait for the refetches.
      void queryClient.invalidateQueries({ queryKey: deliveryKeys.lists(webhookId) })
      void refreshWebhook(queryClient, webhookId)
    },
  })
}

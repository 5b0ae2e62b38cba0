import { useMutation, useQueryClient } from '@tanstack/react-query'
import { resendWebhookDelivery, type Delivery } from '../../api'
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
      // itself may have changed too. Its queries belong to the webhooks
      // feature: refresh whatever is on screen rather than name its keys.
      return queryClient.invalidateQueries({ refetchType: 'active' })
    },
  })
}

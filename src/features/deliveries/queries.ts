import { queryOptions } from '@tanstack/react-query'
import { getWebhookDeliveries, type GetWebhookDeliveriesParams } from '../../api'

// The only place delivery query keys are written.
export const deliveryKeys = {
  all: ['deliveries'] as const,
  lists: (webhookId: string) => [...deliveryKeys.all, webhookId, 'list'] as const,
  list: (webhookId: string, params: GetWebhookDeliveriesParams) => [...deliveryKeys.lists(webhookId), params] as const,
}

export const deliveryListQuery = (webhookId: string, params: GetWebhookDeliveriesParams) =>
  queryOptions({
    queryKey: deliveryKeys.list(webhookId, params),
    queryFn: ({ signal }) => getWebhookDeliveries(webhookId, params, { signal }),
  })

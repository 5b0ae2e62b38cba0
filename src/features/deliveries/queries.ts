import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { getWebhookDeliveries, getWebhookDeliveriesPage, getWebhookDelivery, type GetWebhookDeliveriesParams } from '../../api'

// The only place delivery query keys are written.
export const deliveryKeys = {
  all: ['deliveries'] as const,
  ofWebhook: (webhookId: string) => [...deliveryKeys.all, webhookId] as const,
  lists: (webhookId: string) => [...deliveryKeys.ofWebhook(webhookId), 'list'] as const,
  list: (webhookId: string, params: GetWebhookDeliveriesParams) => [...deliveryKeys.lists(webhookId), params] as const,
  /** Every delivery of the last 7 days, read in the background (background.ts). */
  index: (webhookId: string) => [...deliveryKeys.lists(webhookId), 'index'] as const,
  detail: (webhookId: string, deliveryId: string) => [...deliveryKeys.ofWebhook(webhookId), 'detail', deliveryId] as const,
}

/** While a history is open it refreshes itself this often, unless paused. */
export const DELIVERY_REFRESH_MS = 15_000

/** Pages follow the API's `links.next.href` as given, the way @qlik/api does. */
export const deliveryHistoryQuery = (webhookId: string, params: GetWebhookDeliveriesParams) =>
  infiniteQueryOptions({
    queryKey: deliveryKeys.list(webhookId, params),
    queryFn: ({ pageParam, signal }) =>
      pageParam ? getWebhookDeliveriesPage(pageParam, { signal }) : getWebhookDeliveries(webhookId, params, { signal }),
    initialPageParam: '',
    getNextPageParam: (last) => last.links.next?.href,
  })

export const deliveryQuery = (webhookId: string, deliveryId: string) =>
  queryOptions({
    queryKey: deliveryKeys.detail(webhookId, deliveryId),
    queryFn: ({ signal }) => getWebhookDelivery(webhookId, deliveryId, { signal }),
    // A delivery never changes once recorded.
    staleTime: Infinity,
  })

import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { getWebhooks, type GetWebhooksParams } from '../../api'

// The only place webhook query keys are written.
export const webhookKeys = {
  all: ['webhooks'] as const,
  lists: () => [...webhookKeys.all, 'list'] as const,
  list: (params: GetWebhooksParams) => [...webhookKeys.lists(), params] as const,
}

export const webhookListQuery = (params: GetWebhooksParams) =>
  queryOptions({
    queryKey: webhookKeys.list(params),
    queryFn: ({ signal }) => getWebhooks(params, { signal }),
    placeholderData: keepPreviousData,
  })

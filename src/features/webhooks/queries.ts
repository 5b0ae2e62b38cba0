import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query'
import { getWebhook, getWebhookEventTypes, getWebhooks, getWebhooksPage, type GetWebhooksParams } from '../../api'

// The only place webhook query keys are written.
export const webhookKeys = {
  all: ['webhooks'] as const,
  lists: () => [...webhookKeys.all, 'list'] as const,
  list: (params: GetWebhooksParams) => [...webhookKeys.lists(), params] as const,
  details: () => [...webhookKeys.all, 'detail'] as const,
  detail: (id: string) => [...webhookKeys.details(), id] as const,
  eventTypes: () => [...webhookKeys.all, 'event-types'] as const,
  // Not under lists(): counting walks every page, so only a create or a delete recounts.
  count: () => [...webhookKeys.all, 'count'] as const,
}

export const webhookListQuery = (params: GetWebhooksParams) =>
  queryOptions({
    queryKey: webhookKeys.list(params),
    queryFn: ({ signal }) => getWebhooks(params, { signal }),
    placeholderData: keepPreviousData,
  })

/** One webhook as the API returns it: no secret, encrypted headers by name only. */
export const webhookDetailQuery = (id: string) =>
  queryOptions({
    queryKey: webhookKeys.detail(id),
    queryFn: ({ signal }) => getWebhook(id, { signal }),
  })

/** The event catalogue changes with Qlik releases, not during a session. */
export const eventTypesQuery = () =>
  queryOptions({
    queryKey: webhookKeys.eventTypes(),
    queryFn: ({ signal }) => getWebhookEventTypes({ signal }),
    staleTime: 60 * 60 * 1000,
  })

/**
 * How many webhooks the caller can see. The API returns no total, so this
 * walks the whole list at the largest page size (100, the tenant quota:
 * one request in practice) along `links.next`.
 */
export const webhookCountQuery = () =>
  queryOptions({
    queryKey: webhookKeys.count(),
    queryFn: async ({ signal }) => {
      let page = await getWebhooks({ limit: 100 }, { signal })
      let count = page.data.length
      while (page.links.next) {
        page = await getWebhooksPage(page.links.next.href, { signal })
        count += page.data.length
      }
      return count
    },
  })

/** After a change to one webhook (edit, enable, a resend that may disable it): its lists and its detail. */
export function refreshWebhook(queryClient: QueryClient, id: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: webhookKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: webhookKeys.detail(id) }),
  ])
}

/** After a create or a delete: the lists and the count. */
export function refreshWebhookLists(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: webhookKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: webhookKeys.count() }),
  ])
}

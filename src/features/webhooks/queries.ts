import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query'
import {
  followPages,
  getWebhook,
  getWebhookEventTypes,
  getWebhooks,
  getWebhooksPage,
  MAX_PAGES_FOLLOWED,
  type GetWebhooksParams,
} from '../../api'

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

/** `atLeast` when the walk stopped before the last page (a page limit, a cursor that cycles). */
export type WebhookCount = { count: number; atLeast: boolean }

/**
 * How many webhooks the caller can see. The API returns no total, so this
 * walks the list at the largest page size (100, the tenant quota: one
 * request in practice) along `links.next`, within followPages' bounds.
 */
export const webhookCountQuery = () =>
  queryOptions({
    queryKey: webhookKeys.count(),
    queryFn: async ({ signal }): Promise<WebhookCount> => {
      const first = await getWebhooks({ limit: 100 }, { signal })
      const walk = await followPages(first, (href) => getWebhooksPage(href, { signal }), { maxPages: MAX_PAGES_FOLLOWED })
      return { count: walk.items.length, atLeast: !walk.complete }
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

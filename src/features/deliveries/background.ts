import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { getWebhookDeliveries, getWebhookDeliveriesPage, isApiError } from '../../api'
import { createScheduler } from '../../lib/request-scheduler'
import { EMPTY_INDEX, INDEX_PAGE_SIZE, loadDeliveryIndex, mergeIndex, type DeliveryIndex } from './delivery-index'
import { deliveryKeys } from './queries'

/** Qlik's tier 1 (every GET): 1,000 requests a minute per user. */
export const READ_TIER_PER_MINUTE = 1000

/**
 * The console's one queue of background reads: two in flight at most, and
 * no more than half of the read tier in any minute, so that the person's own
 * clicks (and other tools on the same key) keep the other half.
 */
export const backgroundReads = createScheduler({
  maxInFlight: 2,
  perMinute: READ_TIER_PER_MINUTE / 2,
  retryAfterMs: (error) => (isApiError(error) && error.status === 429 ? (error.retryAfterSeconds ?? 1) * 1000 : undefined),
})

/** Background data older than this is read again (newer pages only) when next needed. */
export const INDEX_STALE_MS = 60_000

/**
 * Every delivery of a webhook in the last 7 days. Pages are read through
 * `backgroundReads`; each page is written to the cache as it arrives, and a
 * refetch reads only what is newer (see delivery-index.ts). Under the lists
 * of the webhook, so that a resend's invalidation refreshes it too.
 */
export const deliveryIndexQuery = (webhookId: string) =>
  queryOptions({
    queryKey: deliveryKeys.index(webhookId),
    queryFn: ({ client, queryKey, signal }) => readIndex(client, queryKey, webhookId, signal),
    staleTime: INDEX_STALE_MS,
  })

async function readIndex(
  client: QueryClient,
  queryKey: readonly unknown[],
  webhookId: string,
  signal: AbortSignal,
): Promise<DeliveryIndex> {
  const previous = client.getQueryData<DeliveryIndex>(queryKey)
  let index = previous ?? EMPTY_INDEX
  const run = <T>(read: (signal: AbortSignal | undefined) => Promise<T>) => backgroundReads.run(read, { signal })
  await loadDeliveryIndex(
    previous,
    {
      first: () =>
        run((s) => getWebhookDeliveries(webhookId, { limit: INDEX_PAGE_SIZE, sort: '-triggeredAt' }, { ...(s ? { signal: s } : {}) })),
      follow: (href) => run((s) => getWebhookDeliveriesPage(href, { ...(s ? { signal: s } : {}) })),
    },
    (chunk) => {
      index = mergeIndex(index, chunk, Date.now())
      // What is known shows while the rest loads (health fills in, search counts up).
      client.setQueryData(queryKey, index)
    },
  )
  return index
}

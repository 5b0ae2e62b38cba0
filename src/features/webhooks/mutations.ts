import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { deleteWebhook, patchWebhook, type Webhook, type WebhookList } from '../../api'
import { describeError } from '../../wording/describe-error'
import { webhookDisplayName } from '../../wording/display-name'
import { toast } from '../../components/ui/toast'
import { refreshWebhook, refreshWebhookLists, webhookKeys } from './queries'

/** Rewrites one webhook in every cached list page. */
function updateCachedLists(queryClient: QueryClient, update: (list: WebhookList) => WebhookList) {
  queryClient.setQueriesData<WebhookList>({ queryKey: webhookKeys.lists() }, (old) => (old ? update(old) : old))
}

type EnabledVariables = { webhook: Webhook; enabled: boolean }

/**
 * Enables or disables a webhook at once in every list on screen, then asks
 * the API (PATCH /enabled, answered 204 with no body). A refusal puts the
 * rows back as they were and says why.
 */
export function useSetWebhookEnabled() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ webhook, enabled }: EnabledVariables) => patchWebhook(webhook.id, [{ op: 'replace', path: '/enabled', value: enabled }]),
    onMutate: async ({ webhook, enabled }) => {
      // A list fetch already under way would overwrite the optimistic row with the old state.
      await queryClient.cancelQueries({ queryKey: webhookKeys.lists() })
      await queryClient.cancelQueries({ queryKey: webhookKeys.detail(webhook.id) })
      const lists = queryClient.getQueriesData<WebhookList>({ queryKey: webhookKeys.lists() })
      const detail = queryClient.getQueryData<Webhook>(webhookKeys.detail(webhook.id))
      // Enabling clears the reason the API gave for an automatic disable, as the API itself does.
      const apply = (w: Webhook): Webhook =>
        w.id !== webhook.id ? w : enabled ? { ...w, enabled, disabledReason: undefined, disabledReasonCode: undefined } : { ...w, enabled }
      updateCachedLists(queryClient, (list) => ({ ...list, data: list.data.map(apply) }))
      if (detail) queryClient.setQueryData(webhookKeys.detail(webhook.id), apply(detail))
      return { lists, detail }
    },
    onError: (error, { webhook, enabled }, context) => {
      for (const [key, data] of context?.lists ?? []) queryClient.setQueryData(key, data)
      if (context?.detail) queryClient.setQueryData(webhookKeys.detail(webhook.id), context.detail)
      toast({
        tone: 'error',
        title: `Could not ${enabled ? 'enable' : 'disable'} “${webhookDisplayName(webhook)}”`,
        description: describeError(error),
      })
    },
    onSuccess: (_data, { webhook, enabled }) => {
      toast({ tone: 'success', title: enabled ? 'Webhook enabled' : 'Webhook disabled', description: webhookDisplayName(webhook) })
    },
    onSettled: (_data, _error, { webhook }) => refreshWebhook(queryClient, webhook.id),
  })
}

/** Deletes a webhook (and, on the API's side, its delivery history). */
export function useDeleteWebhook() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (webhook: Webhook) => deleteWebhook(webhook.id),
    onSuccess: (_data, webhook) => {
      updateCachedLists(queryClient, (list) => ({ ...list, data: list.data.filter((w) => w.id !== webhook.id) }))
      queryClient.removeQueries({ queryKey: webhookKeys.detail(webhook.id) })
      toast({ tone: 'success', title: 'Webhook deleted', description: `“${webhookDisplayName(webhook)}” was deleted.` })
    },
    onError: (error, webhook) => {
      toast({ tone: 'error', title: `Could not delete “${webhookDisplayName(webhook)}”`, description: describeError(error) })
    },
    onSettled: () => refreshWebhookLists(queryClient),
  })
}

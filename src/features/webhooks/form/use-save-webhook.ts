import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { createWebhook, patchWebhook, updateWebhook, type Webhook } from '../../../api'
import { whenOnline } from '../../../lib/online'
import { refreshWebhookLists, webhookKeys } from '../queries'
import { planSave, toCreateBody, type WebhookFormValues } from './form-model'
import { useWebhooksApi } from './use-webhooks-api'

export type SaveOutcome = { kind: 'created' | 'patched' | 'replaced' | 'unchanged'; webhook: Webhook }

/**
 * Saves the form. The values, which may hold a secret and encrypted header
 * values, never become the mutation's variables: react-query keeps those in
 * its mutation cache. They pass through a ref that is emptied as soon as the
 * request body is built, and the mutation is garbage-collected at once.
 * Offline, it waits for the connection before sending, and can be cancelled.
 */
export function useSaveWebhook(original: Webhook | undefined) {
  const queryClient = useQueryClient()
  const pending = useRef<WebhookFormValues | null>(null)
  const api = useWebhooksApi()
  const waiting = useRef<AbortController | null>(null)
  const [waitingForNetwork, setWaitingForNetwork] = useState(false)
  // A form closed while offline must not send later, unseen.
  useEffect(() => () => waiting.current?.abort(), [])
  const mutation = useMutation({
    gcTime: 0,
    // Offline, react-query would pause the mutation with no way to cancel it
    // and nothing to show: the wait is this hook's own, visible and cancellable.
    networkMode: 'always',
    mutationFn: async (): Promise<SaveOutcome> => {
      const values = pending.current
      pending.current = null
      if (!values) throw new Error('Nothing to save.')
      const controller = new AbortController()
      waiting.current = controller
      setWaitingForNetwork(true)
      try {
        await whenOnline(controller.signal)
      } finally {
        waiting.current = null
        setWaitingForNetwork(false)
      }
      if (!original) return { kind: 'created', webhook: await createWebhook(toCreateBody(values)) }
      const plan = planSave(values, original, api)
      if (plan.kind === 'none') return { kind: 'unchanged', webhook: original }
      if (plan.kind === 'replace') return { kind: 'replaced', webhook: await updateWebhook(original.id, plan.body) }
      await patchWebhook(original.id, plan.operations)
      return { kind: 'patched', webhook: original }
    },
    onSuccess: async ({ kind, webhook }) => {
      if (kind === 'unchanged') return
      // PATCH answers 204: the detail is read again rather than guessed.
      if (kind === 'patched') queryClient.removeQueries({ queryKey: webhookKeys.detail(webhook.id) })
      else queryClient.setQueryData(webhookKeys.detail(webhook.id), webhook)
      await (kind === 'created' ? refreshWebhookLists(queryClient) : queryClient.invalidateQueries({ queryKey: webhookKeys.lists() }))
    },
  })
  return {
    save: (values: WebhookFormValues) => {
      pending.current = values
      return mutation.mutateAsync()
    },
    isSaving: mutation.isPending,
    /** Save was pressed offline: the request goes out when the connection is back. */
    waitingForNetwork,
    /** Gives up a save that waits for the connection; `save` then rejects with WaitCancelled. */
    cancelWaiting: () => waiting.current?.abort(),
  }
}

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef } from 'react'
import { createWebhook, patchWebhook, updateWebhook, type Webhook } from '../../../api'
import { refreshWebhookLists, webhookKeys } from '../queries'
import { planSave, toCreateBody, type WebhookFormValues } from './form-model'
import { useWebhooksApi } from './use-webhooks-api'

export type SaveOutcome = { kind: 'created' | 'patched' | 'replaced' | 'unchanged'; webhook: Webhook }

/**
 * Saves the form. The values, which may hold a secret and encrypted header
 * values, never become the mutation's variables: react-query keeps those in
 * its mutation cache. They pass through a ref that is emptied as soon as the
 * request body is built, and the mutation is garbage-collected at once.
 */
export function useSaveWebhook(original: Webhook | undefined) {
  const queryClient = useQueryClient()
  const pending = useRef<WebhookFormValues | null>(null)
  const api = useWebhooksApi()
  const mutation = useMutation({
    gcTime: 0,
    mutationFn: async (): Promise<SaveOutcome> => {
      const values = pending.current
      pending.current = null
      if (!values) throw new Error('Nothing to save.')
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
  }
}

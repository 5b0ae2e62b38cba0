import { z } from 'zod'
import { LIMITS, webhookPostSchema, type Webhook, type WebhookPost } from '../../../api'

// The form's schema is the API's POST schema, field for field, with the
// shape a person edits (strings instead of absent values) and messages
// that say which rule failed.
const wire = webhookPostSchema.shape

export const webhookFormSchema = z.object({
  name: wire.name.trim().min(1, 'Enter a name.').max(LIMITS.name, `Use at most ${LIMITS.name} characters.`),
  description: z.string().max(LIMITS.description, `Use at most ${LIMITS.description} characters.`),
  url: wire.url.trim().min(1, 'Enter the URL that receives the events.'),
  eventTypes: z.array(z.string()).min(1, 'Choose at least one event.'),
  enabled: z.boolean(),
})

export type WebhookFormValues = z.infer<typeof webhookFormSchema>

export function emptyFormValues(): WebhookFormValues {
  return { name: '', description: '', url: '', eventTypes: [], enabled: true }
}

export function formValuesOf(webhook: Webhook): WebhookFormValues {
  return {
    name: webhook.name ?? '',
    description: webhook.description ?? '',
    url: webhook.url ?? '',
    eventTypes: webhook.eventTypes ?? [],
    enabled: webhook.enabled ?? false,
  }
}

/** Create sends everything; `enabled` explicitly, since the API's default is off. */
export function toCreateBody(values: WebhookFormValues): WebhookPost {
  return {
    name: values.name.trim(),
    url: values.url.trim(),
    ...(values.description.trim() ? { description: values.description.trim() } : {}),
    eventTypes: values.eventTypes,
    enabled: values.enabled,
  }
}

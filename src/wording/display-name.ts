import type { Webhook } from '../api'

/** How the console names a webhook: its name, or its id when it has none (every response field is optional). */
export const webhookDisplayName = (webhook: Pick<Webhook, 'id' | 'name'>): string => webhook.name || webhook.id

import { db, type StoredWebhook } from './db'
import { forbidden } from './http-utils'

// Who sees which webhook (webhooks-api.md §6): a tenant admin and a manager
// see every webhook of the tenant, a user with "Use webhooks" only their own;
// another user's webhook is answered 404, as if it did not exist.

export function canSee(webhook: StoredWebhook): boolean {
  const { persona, userId } = db.state.config
  if (persona === 'tenantAdmin' || persona === 'manager') return true
  return persona === 'user' && webhook.ownerId === userId
}

export function findVisibleWebhook(id: string): StoredWebhook | undefined {
  const webhook = db.state.webhooks.find((w) => w.id === id)
  return webhook && canSee(webhook) ? webhook : undefined
}

/** The answer to a caller without any webhook permission, or undefined when they have one. */
export function withoutPermission(): Response | undefined {
  return db.state.config.persona === 'none' ? forbidden('The "Use webhooks" or "Manage webhooks" permission is required.') : undefined
}

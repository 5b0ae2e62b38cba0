import { ApiError, isPermissionError } from '../api'

// How an error is said on screen. src/api classifies errors (ApiError,
// isPermissionError); the sentences a person reads are written here.

/** What an operation does, in words, for messages about it. */
const OPERATION_VERBS: Record<string, string> = {
  getWebhooks: 'list webhooks',
  getWebhook: 'read this webhook',
  getWebhookEventTypes: 'read the event types',
  createWebhook: 'create webhooks',
  updateWebhook: 'change this webhook',
  patchWebhook: 'change this webhook',
  deleteWebhook: 'delete this webhook',
  getWebhookDeliveries: 'read delivery history',
  getWebhookDelivery: 'read this delivery',
  resendWebhookDelivery: 'resend deliveries',
}

/** One line a person can act on, whatever went wrong. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const verb = OPERATION_VERBS[error.operation] ?? 'do this'
    if (isPermissionError(error)) {
      const detail = error.errors[0]?.detail
      return (
        `You do not have permission to ${verb}. It needs the “Use webhooks” permission (your own webhooks) ` +
        `or “Manage webhooks” (every webhook in the tenant); a tenant admin can grant them.` +
        (detail ? ` The tenant said: ${detail}` : '')
      )
    }
    if (error.status === 401) return `Could not ${verb}: you are not signed in, or the sign-in has expired (401 Unauthorized).`
  }
  if (error instanceof Error) return error.message
  return String(error)
}

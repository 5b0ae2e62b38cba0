import { useSyncExternalStore } from 'react'
import { currentWebhooksApi, subscribeWebhooksApi } from '../api'

// Which webhooks API answers: v1 after a fallback from Core. The notices of
// deprecated operations are in deprecation-notices.tsx.

export function useWebhooksApi() {
  return useSyncExternalStore(subscribeWebhooksApi, currentWebhooksApi, currentWebhooksApi)
}

/** "Webhooks API v1 (deprecated)" beside the backend badge once the console has fallen back to v1. */
export function ApiVersionBadge() {
  const api = useWebhooksApi()
  return api === 'v1' ? (
    <span
      className="backend-badge api-badge"
      title="This tenant has no Core webhooks API (/api/core/webhooks); the console uses /api/v1/webhooks."
    >
      Webhooks API v1 (deprecated)
    </span>
  ) : null
}

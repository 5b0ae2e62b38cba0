import { useSyncExternalStore } from 'react'
import { currentWebhooksApi, subscribeWebhooksApi } from '../../../api'

/** Which webhooks API saves the form: Core, or v1 after a fallback. */
export const useWebhooksApi = () => useSyncExternalStore(subscribeWebhooksApi, currentWebhooksApi, currentWebhooksApi)

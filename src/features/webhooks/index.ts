// What the app may use of this feature.
export { refreshWebhook } from './queries'
export { WebhooksPage } from './webhooks-page'
export type { WebhookColumn } from './webhook-columns'

// What other features may use of this one.
export { refreshWebhook } from './queries'

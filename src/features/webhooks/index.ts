// What other features may use of this one.
export { webhookKeys } from './queries'

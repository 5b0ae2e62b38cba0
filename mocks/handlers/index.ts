import { webhookHandlers } from './webhooks'

export const handlers = [...webhookHandlers]

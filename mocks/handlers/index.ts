import { faultHandler } from '../faults'
import { deliveryHandlers } from './deliveries'
import { userHandlers } from './users'
import { webhookHandlers } from './webhooks'

// The fault injector goes first: it answers only requests it was told to fail.
export const handlers = [faultHandler, ...deliveryHandlers, ...webhookHandlers, ...userHandlers]

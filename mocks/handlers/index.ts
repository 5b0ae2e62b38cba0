import { faultHandler } from '../faults'
import { methodNotAllowed } from '../method-not-allowed'
import { deliveryHandlers } from './deliveries'
import { userHandlers } from './users'
import { webhookHandlers } from './webhooks'

const served = [...deliveryHandlers, ...webhookHandlers, ...userHandlers]

// The fault injector goes first: it answers only requests it was told to fail.
// The 405 goes last: it answers only methods no other handler serves on a path.
export const handlers = [faultHandler, ...served, methodNotAllowed(served)]

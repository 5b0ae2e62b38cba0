import { buildUrl, request } from './http'
import { InvalidIdError, RESOURCE_ID_PATTERN } from './errors'
import type {
  Delivery,
  DeliveryList,
  EventTypes,
  Level,
  Origin,
  Webhook,
  WebhookBase,
  WebhookList,
  WebhookPatch,
  WebhookPost,
} from './schemas'
import { wire } from './wire'
import type { DeliverySortParam, WebhookSortParam } from './sort'

// One function per operation, named as Qlik's own SDK (@qlik/api) names them.

const BASE = '/api/v1/webhooks'
// Ids reach the path checked: "." and ".." survive encodeURIComponent and are
// dot segments. The functions that build such paths are async, so a refused id
// is a rejected promise like any other failure.
const checkedId = (id: string) => {
  if (!RESOURCE_ID_PATTERN.test(id)) throw new InvalidIdError(id)
  return id
}
const at = (id: string, ...rest: string[]) => [BASE, checkedId(id), ...rest].join('/')
const deliveryAt = (id: string, deliveryId: string, ...rest: string[]) => at(id, 'deliveries', checkedId(deliveryId), ...rest)

export type GetWebhooksParams = {
  eventTypes?: string[]
  origins?: Origin[]
  enabled?: boolean
  level?: Level
  name?: string
  url?: string
  ownerId?: string
  createdByUserId?: string
  updatedByUserId?: string
  limit?: number
  sort?: WebhookSortParam
  next?: string
  prev?: string
}

export type GetWebhookDeliveriesParams = {
  eventType?: string
  status?: 'success' | 'fail'
  sort?: DeliverySortParam
  limit?: number
  next?: string
  prev?: string
}

type Options = { signal?: AbortSignal }

export function getWebhooks(params: GetWebhooksParams = {}, options: Options = {}): Promise<WebhookList> {
  return request({ operation: 'getWebhooks', url: buildUrl(BASE, params), schema: wire('webhookListSchema'), ...options })
}

/** Follows a `links.next.href` or `links.prev.href` of a webhook list as given. */
export function getWebhooksPage(href: string, options: Options = {}): Promise<WebhookList> {
  return request({ operation: 'getWebhooks', url: href, schema: wire('webhookListSchema'), ...options })
}

export function createWebhook(body: WebhookPost, options: Options = {}): Promise<Webhook> {
  return request({
    operation: 'createWebhook',
    method: 'POST',
    url: buildUrl(BASE),
    body,
    schema: wire('webhookResponseSchema'),
    ...options,
  })
}

export async function getWebhook(id: string, options: Options = {}): Promise<Webhook> {
  return request({ operation: 'getWebhook', url: buildUrl(at(id)), schema: wire('webhookResponseSchema'), ...options })
}

/** RFC 6902 patch; the API answers 204 with no body, so re-read with getWebhook. */
export async function patchWebhook(id: string, operations: WebhookPatch[], options: Options = {}): Promise<void> {
  return request<void>({ operation: 'patchWebhook', method: 'PATCH', url: buildUrl(at(id)), body: operations, ...options })
}

/** Full replacement: omitted writable fields are cleared (secret and encrypted headers too). */
export async function updateWebhook(id: string, body: WebhookBase, options: Options = {}): Promise<Webhook> {
  return request({
    operation: 'updateWebhook',
    method: 'PUT',
    url: buildUrl(at(id)),
    body,
    schema: wire('webhookResponseSchema'),
    ...options,
  })
}

export async function deleteWebhook(id: string, options: Options = {}): Promise<void> {
  return request<void>({ operation: 'deleteWebhook', method: 'DELETE', url: buildUrl(at(id)), ...options })
}

export async function getWebhookDeliveries(
  id: string,
  params: GetWebhookDeliveriesParams = {},
  options: Options = {},
): Promise<DeliveryList> {
  return request({
    operation: 'getWebhookDeliveries',
    url: buildUrl(at(id, 'deliveries'), params),
    schema: wire('deliveryListSchema'),
    ...options,
  })
}

/** Follows a `links.next.href` or `links.prev.href` of a delivery list as given. */
export function getWebhookDeliveriesPage(href: string, options: Options = {}): Promise<DeliveryList> {
  return request({ operation: 'getWebhookDeliveries', url: href, schema: wire('deliveryListSchema'), ...options })
}

export async function getWebhookDelivery(id: string, deliveryId: string, options: Options = {}): Promise<Delivery> {
  return request({ operation: 'getWebhookDelivery', url: buildUrl(deliveryAt(id, deliveryId)), schema: wire('deliverySchema'), ...options })
}

/** Answers 201 with the new delivery, whose status may well be `fail`. */
export async function resendWebhookDelivery(id: string, deliveryId: string, options: Options = {}): Promise<Delivery> {
  return request({
    operation: 'resendWebhookDelivery',
    method: 'POST',
    url: buildUrl(deliveryAt(id, deliveryId, 'actions', 'resend')),
    schema: wire('deliverySchema'),
    ...options,
  })
}

export function getWebhookEventTypes(options: Options = {}): Promise<EventTypes> {
  return request({ operation: 'getWebhookEventTypes', url: buildUrl(`${BASE}/event-types`), schema: wire('eventTypesSchema'), ...options })
}

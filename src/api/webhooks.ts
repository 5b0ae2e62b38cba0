import { WEBHOOKS_BASE, setWebhooksApi, webhooksApiOf, type WebhooksApi } from './api-version'
import { InvalidIdError, isApiError, RESOURCE_ID_PATTERN } from './errors'
import { buildUrl, getApiConfig, request } from './http'
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
// The Core API is a base-path choice (src/api/api-version.ts), not a second client.

/** The webhooks API the client speaks to the configured backend now. */
export function currentWebhooksApi(): WebhooksApi {
  const { webhooksApi, backendKey } = getApiConfig()
  return webhooksApi === 'auto' ? webhooksApiOf(backendKey).api : webhooksApi
}

// Ids reach the path checked: "." and ".." survive encodeURIComponent and are
// dot segments. The functions that build such paths are async, so a refused id
// is a rejected promise like any other failure.
const checkedId = (id: string) => {
  if (!RESOURCE_ID_PATTERN.test(id)) throw new InvalidIdError(id)
  return id
}
const at = (base: string, id: string, ...rest: string[]) => [base, checkedId(id), ...rest].join('/')
const deliveryAt = (base: string, id: string, deliveryId: string, ...rest: string[]) =>
  at(base, id, 'deliveries', checkedId(deliveryId), ...rest)

/** Asked once per backend, when a Core call other than the list answers 404: is it the call, or is Core not there? */
const coreProbes = new Map<string, Promise<boolean>>()
function coreIsMissing(backendKey: string): Promise<boolean> {
  let probe = coreProbes.get(backendKey)
  if (!probe) {
    probe = request({ operation: 'getWebhooks', url: buildUrl(WEBHOOKS_BASE.core, { limit: 1 }) }).then(
      () => {
        setWebhooksApi(backendKey, { api: 'core', confirmed: true })
        return false
      },
      (error: unknown) => isApiError(error) && error.status === 404,
    )
    coreProbes.set(backendKey, probe)
    void probe.finally(() => coreProbes.delete(backendKey))
  }
  return probe
}

/**
 * Sends an operation under the current base path. In `auto`, a 404 on the
 * Core list (an older tenant or region) switches this backend to v1 for the
 * rest of the session and sends the operation again there; a 404 on another
 * Core operation does the same only when the Core list is missing too.
 */
async function onWebhooksApi<T>(send: (base: string) => Promise<T>, isList = false): Promise<T> {
  const { webhooksApi, backendKey } = getApiConfig()
  if (webhooksApi !== 'auto') return send(WEBHOOKS_BASE[webhooksApi])
  const choice = webhooksApiOf(backendKey)
  try {
    const result = await send(WEBHOOKS_BASE[choice.api])
    if (choice.api === 'core' && !choice.confirmed) setWebhooksApi(backendKey, { api: 'core', confirmed: true })
    return result
  } catch (error) {
    if (choice.api !== 'core' || choice.confirmed || !isApiError(error) || error.status !== 404) throw error
    if (!isList && !(await coreIsMissing(backendKey))) throw error
    setWebhooksApi(backendKey, { api: 'v1', confirmed: true })
    return send(WEBHOOKS_BASE.v1)
  }
}

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

export async function getWebhooks(params: GetWebhooksParams = {}, options: Options = {}): Promise<WebhookList> {
  return onWebhooksApi(
    (base) => request({ operation: 'getWebhooks', url: buildUrl(base, params), schema: wire('webhookListSchema'), ...options }),
    true,
  )
}

/** Follows a `links.next.href` or `links.prev.href` of a webhook list as given. */
export function getWebhooksPage(href: string, options: Options = {}): Promise<WebhookList> {
  return request({ operation: 'getWebhooks', url: href, schema: wire('webhookListSchema'), ...options })
}

export function createWebhook(body: WebhookPost, options: Options = {}): Promise<Webhook> {
  return onWebhooksApi((base) =>
    request({ operation: 'createWebhook', method: 'POST', url: buildUrl(base), body, schema: wire('webhookResponseSchema'), ...options }),
  )
}

export async function getWebhook(id: string, options: Options = {}): Promise<Webhook> {
  return onWebhooksApi((base) =>
    request({ operation: 'getWebhook', url: buildUrl(at(base, id)), schema: wire('webhookResponseSchema'), ...options }),
  )
}

/**
 * RFC 6902 patch; the API answers 204 with no body, so re-read with getWebhook.
 * v1 takes nine paths; Core also `/filter`, `/level`, `/ownerId`,
 * `/checkCertificateRevocation` and single header members.
 */
export async function patchWebhook(id: string, operations: WebhookPatch[], options: Options = {}): Promise<void> {
  return onWebhooksApi((base) =>
    request<void>({ operation: 'patchWebhook', method: 'PATCH', url: buildUrl(at(base, id)), body: operations, ...options }),
  )
}

/** Full replacement: omitted writable fields are cleared (secret and encrypted headers too). */
export async function updateWebhook(id: string, body: WebhookBase, options: Options = {}): Promise<Webhook> {
  return onWebhooksApi((base) =>
    request({
      operation: 'updateWebhook',
      method: 'PUT',
      url: buildUrl(at(base, id)),
      body,
      schema: wire('webhookResponseSchema'),
      ...options,
    }),
  )
}

export async function deleteWebhook(id: string, options: Options = {}): Promise<void> {
  return onWebhooksApi((base) => request<void>({ operation: 'deleteWebhook', method: 'DELETE', url: buildUrl(at(base, id)), ...options }))
}

export async function getWebhookDeliveries(
  id: string,
  params: GetWebhookDeliveriesParams = {},
  options: Options = {},
): Promise<DeliveryList> {
  return onWebhooksApi((base) =>
    request({
      operation: 'getWebhookDeliveries',
      url: buildUrl(at(base, id, 'deliveries'), params),
      schema: wire('deliveryListSchema'),
      ...options,
    }),
  )
}

/** Follows a `links.next.href` or `links.prev.href` of a delivery list as given. */
export function getWebhookDeliveriesPage(href: string, options: Options = {}): Promise<DeliveryList> {
  return request({ operation: 'getWebhookDeliveries', url: href, schema: wire('deliveryListSchema'), ...options })
}

export async function getWebhookDelivery(id: string, deliveryId: string, options: Options = {}): Promise<Delivery> {
  return onWebhooksApi((base) =>
    request({
      operation: 'getWebhookDelivery',
      url: buildUrl(deliveryAt(base, id, deliveryId)),
      schema: wire('deliverySchema'),
      ...options,
    }),
  )
}

/** Answers 201 with the new delivery, whose status may well be `fail`. */
export async function resendWebhookDelivery(id: string, deliveryId: string, options: Options = {}): Promise<Delivery> {
  return onWebhooksApi((base) =>
    request({
      operation: 'resendWebhookDelivery',
      method: 'POST',
      url: buildUrl(deliveryAt(base, id, deliveryId, 'actions', 'resend')),
      schema: wire('deliverySchema'),
      ...options,
    }),
  )
}

export async function getWebhookEventTypes(options: Options = {}): Promise<EventTypes> {
  return onWebhooksApi((base) =>
    request({ operation: 'getWebhookEventTypes', url: buildUrl(`${base}/event-types`), schema: wire('eventTypesSchema'), ...options }),
  )
}

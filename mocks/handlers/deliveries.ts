import { http, HttpResponse } from 'msw'
import { DELIVERY_SORT_FIELDS, DELIVERY_STATUSES } from '../../src/api/schemas'
import { findVisibleWebhook, withoutPermission } from '../access'
import { EVENT_TYPES } from '../catalogue'
import { db, type StoredDelivery } from '../db'
import { deliver, isRetained, retainedAt, toDeliveryResponse } from '../deliveries'
import { badRequest, notFound, paginate, readSort } from '../http-utils'
import { SEED_SECRETS } from '../seed'

// GET …/{id}/deliveries, GET …/{id}/deliveries/{deliveryId} and POST
// …/actions/resend (webhooks-api.md §2, §3, §8). Nothing older than the
// 7-day retention is ever returned or resent.

type Params = { id: string; deliveryId?: string }

// The mock writes every time with toISOString, so times (and ids) compare as plain strings:
// a page of a long history sorts thousands of records.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const byTriggeredAt = (a: StoredDelivery, b: StoredDelivery) => compare(a.triggeredAt, b.triggeredAt) || compare(a.id, b.id)

async function listDeliveries(webhookId: string, url: URL): Promise<Response> {
  const webhook = findVisibleWebhook(webhookId)
  if (!webhook) return notFound()
  const q = url.searchParams

  const status = q.get('status')
  if (status !== null && !(DELIVERY_STATUSES as readonly string[]).includes(status)) {
    return badRequest(`status must be success or fail, got "${status}".`)
  }
  const eventType = q.get('eventType')
  if (eventType !== null && !EVENT_TYPES.some((t) => t.name === eventType)) {
    return badRequest(`Unknown event type "${eventType}".`)
  }
  const sort = readSort(url, DELIVERY_SORT_FIELDS, { field: 'triggeredAt', desc: true })
  if (sort instanceof Response) return sort
  const { field } = sort
  const direction = sort.desc ? -1 : 1

  const retained = retainedAt()
  const items = db.state.deliveries.filter(
    (d) =>
      d.webhookId === webhook.id &&
      retained(d) &&
      (status === null || d.status === status) &&
      (eventType === null || d.eventType === eventType),
  )
  // Status sorts fail before success ascending; within a status, newest first.
  items.sort(
    field === 'status'
      ? (a, b) => direction * compare(a.status, b.status) || byTriggeredAt(b, a)
      : (a, b) => direction * byTriggeredAt(a, b),
  )

  const page = paginate(items, url)
  if (page instanceof Response) return page
  const data = await Promise.all(page.data.map((d) => toDeliveryResponse(d, SEED_SECRETS)))
  return HttpResponse.json({ data, links: page.links })
}

function findDelivery(webhookId: string, deliveryId: string): StoredDelivery | Response {
  const webhook = findVisibleWebhook(webhookId)
  if (!webhook) return notFound()
  const delivery = db.state.deliveries.find((d) => d.id === deliveryId && d.webhookId === webhook.id)
  return delivery && isRetained(delivery) ? delivery : notFound('Delivery')
}

const routes = (webhooks: string) => {
  const BASE = `${webhooks}/:id/deliveries`
  return [
    http.get<Params>(BASE, ({ params, request }) => withoutPermission() ?? listDeliveries(params.id, new URL(request.url))),
    http.get<Params>(`${BASE}/:deliveryId`, async ({ params }) => {
      const denied = withoutPermission()
      if (denied) return denied
      const delivery = findDelivery(params.id, params.deliveryId!)
      if (delivery instanceof Response) return delivery
      return HttpResponse.json(await toDeliveryResponse(delivery, SEED_SECRETS))
    }),
    http.post<Params>(`${BASE}/:deliveryId/actions/resend`, async ({ params }) => {
      const denied = withoutPermission()
      if (denied) return denied
      const original = findDelivery(params.id, params.deliveryId!)
      if (original instanceof Response) return original
      const webhook = findVisibleWebhook(params.id)!
      // The original payload, event id included, to the webhook as it is now; 201 even when it fails.
      const delivery = await deliver(webhook, original.eventType, original.payload)
      return HttpResponse.json(await toDeliveryResponse(delivery, SEED_SECRETS), { status: 201 })
    }),
  ]
}

// The same store answers under /api/core/webhooks, as the webhook handlers do.
export const deliveryHandlers = [...routes('*/api/v1/webhooks'), ...routes('*/api/core/webhooks')]

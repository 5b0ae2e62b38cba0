import { useQuery } from '@tanstack/react-query'
import type { Webhook } from '../../api'
import { deliveryListQuery } from './queries'

/** The delivery history of one webhook (the API keeps 7 days). */
export function DeliveryHistory({ webhook }: { webhook: Webhook }) {
  const list = useQuery(deliveryListQuery(webhook.id, { sort: '-triggeredAt', limit: 20 }))
  const title = `Delivery history of ${webhook.name ?? webhook.id}`
  return (
    <section className="delivery-history" aria-label={title}>
      {list.isPending ? (
        <p role="status">Loading deliveries…</p>
      ) : list.isError ? (
        <p role="alert">Could not load deliveries: {list.error.message}</p>
      ) : list.data.data.length === 0 ? (
        <p>No deliveries in the last 7 days.</p>
      ) : (
        <table aria-label={title}>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Event type</th>
              <th scope="col">Triggered</th>
              <th scope="col">HTTP status</th>
              <th scope="col">Status message</th>
            </tr>
          </thead>
          <tbody>
            {list.data.data.map((delivery) => (
              <tr key={delivery.id}>
                <td>{delivery.status === 'success' ? 'Success' : 'Failed'}</td>
                <td>{delivery.eventType}</td>
                <td>{delivery.triggeredAt}</td>
                <td>{delivery.response?.statusCode ?? '—'}</td>
                <td>{delivery.statusMessage ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

import { useEffect, useState } from 'react'
import type { Delivery, UnreadableItem } from '../../api'
import { UnreadableRow } from '../../components/ui/unreadable-row'
import { DeliveryRow } from './delivery-row'

type DeliveryTableProps = {
  labelledBy: string
  /** Deliveries just made by a resend, on top. */
  pinned: Delivery[]
  rows: Delivery[]
  /** Items the API sent that the console cannot read, each a row saying why. */
  unreadable?: UnreadableItem[]
  onOpen: (delivery: Delivery) => void
  onResend: (delivery: Delivery) => void
}

export function DeliveryTable({ labelledBy, pinned, rows, unreadable = [], onOpen, onResend }: DeliveryTableProps) {
  const now = useNow(30_000)
  return (
    <table className="delivery-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">Status</th>
          <th scope="col">Event type</th>
          <th scope="col">Triggered</th>
          <th scope="col">HTTP status</th>
          <th scope="col">Status message</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {pinned.map((delivery) => (
          <DeliveryRow key={delivery.id} delivery={delivery} now={now} isNew onOpen={onOpen} onResend={onResend} />
        ))}
        {rows.map((delivery) => (
          <DeliveryRow key={delivery.id} delivery={delivery} now={now} onOpen={onOpen} onResend={onResend} />
        ))}
        {unreadable.map((item, i) => (
          <UnreadableRow key={`unreadable-${i}`} item={item} noun="delivery" colSpan={6} />
        ))}
      </tbody>
    </table>
  )
}

/**
 * The clock relative times are read against. It ticks on its own, not with
 * each fetch, so that Load more renders only the new rows (the others are
 * memoised) instead of all of them.
 */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

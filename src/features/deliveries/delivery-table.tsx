import { useMemo, useRef } from 'react'
import type { Delivery, UnreadableItem } from '../../api'
import { UnreadableRow } from '../../components/ui/unreadable-row'
import { useNow } from '../../lib/use-now'
import { DeliveryRow } from './delivery-row'
import type { PinnedDelivery } from './pinned-deliveries'
import { useVirtualRows } from './use-virtual-rows'

const COLUMNS = 7

type DeliveryTableProps = {
  labelledBy: string
  /** Deliveries just made here (a resend, a test event), on top with their label. */
  pinned: PinnedDelivery[]
  rows: Delivery[]
  /** Items the API sent that the console cannot read, each a row saying why. */
  unreadable?: UnreadableItem[]
  onOpen: (delivery: Delivery) => void
  onResend: (delivery: Delivery) => void
  selected: ReadonlyMap<string, Delivery>
  onToggle: (delivery: Delivery, selected: boolean) => void
}

/** The history's rows; a long list renders only what is in view (useVirtualRows), in a scrolling box of its own. */
export function DeliveryTable({ labelledBy, pinned, rows, unreadable = [], onOpen, onResend, selected, onToggle }: DeliveryTableProps) {
  const now = useNow(30_000)
  const scrollRef = useRef<HTMLDivElement>(null)
  // Kept between renders: the virtual rows re-render this table on every scrolled frame.
  const all = useMemo(() => (pinned.length ? [...pinned.map((p) => p.delivery), ...rows] : rows), [pinned, rows])
  const labels = useMemo(() => new Map(pinned.map((p) => [p.delivery.id, p.label])), [pinned])
  const virtual = useVirtualRows(all.length, scrollRef)
  const table = (
    <table className="delivery-table" aria-labelledby={labelledBy} aria-rowcount={all.length + unreadable.length + 1}>
      <thead>
        <tr aria-rowindex={1}>
          <th scope="col">
            <span className="visually-hidden">Selected</span>
          </th>
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
        {virtual.before > 0 ? (
          <tr aria-hidden="true" className="virtual-spacer" style={{ height: virtual.before }}>
            <td colSpan={COLUMNS} />
          </tr>
        ) : null}
        {virtual.indexes.map((index) => {
          const delivery = all[index]!
          return (
            <DeliveryRow
              key={delivery.id}
              index={index}
              measure={virtual.measure}
              delivery={delivery}
              now={now}
              newLabel={labels.get(delivery.id)}
              onOpen={onOpen}
              onResend={onResend}
              selected={selected.has(delivery.id)}
              onToggle={onToggle}
            />
          )
        })}
        {virtual.after > 0 ? (
          <tr aria-hidden="true" className="virtual-spacer" style={{ height: virtual.after }}>
            <td colSpan={COLUMNS} />
          </tr>
        ) : null}
        {unreadable.map((item, i) => (
          <UnreadableRow key={`unreadable-${i}`} item={item} noun="delivery" colSpan={COLUMNS} rowIndex={all.length + i + 2} />
        ))}
      </tbody>
    </table>
  )
  if (!virtual.enabled) return table
  return (
    // Focusable so that the long list scrolls with the keyboard too.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div ref={scrollRef} className="delivery-scroll" role="region" aria-label="Deliveries, scrollable" tabIndex={0}>
      {table}
    </div>
  )
}

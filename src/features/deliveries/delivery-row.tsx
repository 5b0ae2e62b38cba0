import { memo } from 'react'
import type { Delivery } from '../../api'
import { Button } from '../../components/ui/button'
import { Tooltip } from '../../components/ui/tooltip'
import { EventName } from './event-name'
import { formatRelativeTime, formatUtc } from '../../lib/relative-time'

type DeliveryRowProps = {
  delivery: Delivery
  /** The time "3 minutes ago" is measured from. */
  now: number
  /** A delivery just made here (a resend, a test event), shown on top with this label. */
  newLabel?: string
  onOpen: (delivery: Delivery) => void
  onResend: (delivery: Delivery) => void
  selected: boolean
  onToggle: (delivery: Delivery, selected: boolean) => void
  /** Position in the whole list, for the virtual rows' measuring and aria-rowindex. */
  index: number
  measure?: (element: HTMLTableRowElement | null) => void
}

/** One delivery; memoised because a long history re-renders on every refresh. */
export const DeliveryRow = memo(function DeliveryRow({
  delivery,
  now,
  newLabel,
  onOpen,
  onResend,
  selected,
  onToggle,
  index,
  measure,
}: DeliveryRowProps) {
  const exact = formatUtc(delivery.triggeredAt)
  const ok = delivery.status === 'success'
  // Qlik documents success and fail; anything else is shown as sent, not taken for a failure.
  const known = ok || delivery.status === 'fail'
  const statusCode = delivery.response?.statusCode
  return (
    <tr className={newLabel ? 'delivery-new' : undefined} ref={measure} data-index={index} aria-rowindex={index + 2}>
      <td className="delivery-select">
        <input
          type="checkbox"
          checked={selected}
          onChange={(event) => onToggle(delivery, event.target.checked)}
          aria-label={`Select delivery: ${delivery.eventType}, ${ok ? 'success' : known ? 'failed' : delivery.status}, ${exact}`}
        />
      </td>
      <td>
        {known ? (
          <span className={`delivery-status ${ok ? 'delivery-success' : 'delivery-fail'}`}>
            <span aria-hidden="true">{ok ? '✓' : '✕'}</span> {ok ? 'Success' : 'Failed'}
          </span>
        ) : (
          <span className="delivery-status delivery-unknown">
            <span aria-hidden="true">?</span> Unknown status “{delivery.status}”
          </span>
        )}
        {newLabel ? <span className="badge delivery-new-badge">{newLabel}</span> : null}
      </td>
      <td className="delivery-event">
        <EventName eventType={delivery.eventType} />
      </td>
      <td>
        <Tooltip content={exact} inline>
          {/* Focusable so that keyboard users get the exact time too. */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
          <time dateTime={delivery.triggeredAt} tabIndex={0} className="delivery-time">
            {formatRelativeTime(delivery.triggeredAt, now)}
          </time>
        </Tooltip>
      </td>
      <td>
        {statusCode ?? (
          <>
            <span aria-hidden="true">—</span>
            <span className="visually-hidden">No HTTP answer</span>
          </>
        )}
      </td>
      <td className="delivery-message">{delivery.statusMessage}</td>
      <td>
        <div className="row-actions">
          <Button
            className="btn-small"
            onClick={() => onOpen(delivery)}
            aria-label={`View payload of the ${delivery.eventType} delivery of ${exact}`}
          >
            View payload
          </Button>
          <Button
            className="btn-small"
            onClick={() => onResend(delivery)}
            aria-label={`Resend the ${delivery.eventType} delivery of ${exact}`}
          >
            Resend
          </Button>
        </div>
      </td>
    </tr>
  )
})

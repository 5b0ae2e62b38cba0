import { memo } from 'react'
import type { Delivery } from '../../api'
import { Button } from '../../components/ui/button'
import { Tooltip } from '../../components/ui/tooltip'
import { formatRelativeTime, formatUtc } from '../../lib/relative-time'

type DeliveryRowProps = {
  delivery: Delivery
  /** The time "3 minutes ago" is measured from. */
  now: number
  /** A delivery just created by a resend, shown on top. */
  isNew?: boolean
  onOpen: (delivery: Delivery) => void
  onResend: (delivery: Delivery) => void
}

/** One delivery; memoised because a long history re-renders on every refresh. */
export const DeliveryRow = memo(function DeliveryRow({ delivery, now, isNew, onOpen, onResend }: DeliveryRowProps) {
  const exact = formatUtc(delivery.triggeredAt)
  const ok = delivery.status === 'success'
  // Qlik documents success and fail; anything else is shown as sent, not taken for a failure.
  const known = ok || delivery.status === 'fail'
  const statusCode = delivery.response?.statusCode
  return (
    <tr className={isNew ? 'delivery-new' : undefined}>
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
        {isNew ? <span className="badge delivery-new-badge">New: resent</span> : null}
      </td>
      <td className="delivery-event">{delivery.eventType}</td>
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

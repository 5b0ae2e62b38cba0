import { useId } from 'react'
import type { Delivery } from '../../api'
import { Button } from '../../components/ui/button'
import { formatUtc } from '../../lib/relative-time'
import { describeCreated, type ResendItemResult } from './bulk-resend'
import { cancelBulkResend, dismissBulkResend, useBulkResend } from './bulk-resend-store'

const PHASE_TITLES = {
  running: 'Resending deliveries',
  finished: 'Bulk resend finished',
  cancelled: 'Bulk resend cancelled',
  stopped: 'Bulk resend stopped',
} as const

const what = (delivery: Delivery) => `${delivery.eventType} of ${formatUtc(delivery.triggeredAt)}`

function resultText(result: ResendItemResult<Delivery>): string {
  switch (result.outcome) {
    case 'succeeded':
      return `delivered (${describeCreated(result.created)})`
    case 'failed':
      return `failed again (${describeCreated(result.created)})`
    case 'error':
      return `not resent: ${result.message}`
    case 'not-sent':
      return result.reason === 'cancelled' ? 'not sent: cancelled' : 'not sent: stopped'
    case 'pending':
      return 'waiting'
  }
}

/** Progress of a webhook's bulk resend, then its summary; shown wherever the history is, for as long as the run is kept. */
export function BulkResendPanel({ webhookId }: { webhookId: string }) {
  const run = useBulkResend(webhookId)
  const headingId = useId()
  if (!run) return null
  const { progress } = run
  const running = progress.phase === 'running'
  const sent = progress.results.filter((r) => r.outcome === 'succeeded' || r.outcome === 'failed')
  const notSent = progress.results.filter((r) => r.outcome === 'error' || r.outcome === 'not-sent')
  return (
    <section className="bulk-resend" aria-labelledby={headingId}>
      <h3 id={headingId} className="bulk-resend-title">
        {PHASE_TITLES[progress.phase]}
      </h3>
      <div className="bulk-resend-progress">
        <progress aria-label="Resend progress" max={Math.max(1, progress.total)} value={progress.done} />
        <span role="status">
          {progress.done} of {progress.total} resent: {progress.succeeded} succeeded, {progress.failed} failed
        </span>
        {running ? <Button onClick={() => cancelBulkResend(webhookId)}>Cancel</Button> : null}
      </div>
      {running ? <p className="muted">Keep this page open: reloading or leaving it stops the resend.</p> : null}
      {progress.reason ? (
        <p role="alert" className="bulk-resend-reason">
          {progress.reason}
        </p>
      ) : null}
      {running ? null : (
        <div className="bulk-resend-summary">
          <h4>Sent ({sent.length})</h4>
          {sent.length ? (
            <ul>
              {sent.map((r) => (
                <li key={r.item.id}>
                  {what(r.item)}: {resultText(r)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">None.</p>
          )}
          <h4>Not sent ({notSent.length})</h4>
          {notSent.length ? (
            <ul>
              {notSent.map((r) => (
                <li key={r.item.id}>
                  {what(r.item)}: {resultText(r)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">None.</p>
          )}
          <Button onClick={() => dismissBulkResend(webhookId)}>Close summary</Button>
        </div>
      )}
    </section>
  )
}

import { useId, useMemo } from 'react'
import type { Delivery } from '../../api'
import { formatUtc } from '../../lib/relative-time'
import { groupFailures } from './failure-causes'

/** A webhook's failures of the last 7 days by cause, each with what to fix. */
export function FailureSummary({ deliveries, complete }: { deliveries: readonly Delivery[]; complete: boolean }) {
  const headingId = useId()
  const groups = useMemo(() => groupFailures(deliveries), [deliveries])
  if (groups.length === 0) return null
  const total = groups.reduce((sum, g) => sum + g.count, 0)
  return (
    <section className="failure-summary" aria-labelledby={headingId}>
      <h3 id={headingId} className="failure-summary-title">
        Failures by cause{' '}
        <span className="muted">
          {total.toLocaleString('en-US')} in the last 7 days{complete ? '' : ' so far'}
        </span>
      </h3>
      <ul className="failure-groups">
        {groups.map((group) => (
          <li key={group.cause} className="failure-group">
            <span className="failure-cause">
              {group.label}: {group.count.toLocaleString('en-US')}
            </span>
            <span className="failure-hint">{group.hint}</span>
            <span className="muted failure-latest">
              Last on {formatUtc(group.latest.triggeredAt)}
              {group.latest.statusMessage ? `: ${group.latest.statusMessage}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}

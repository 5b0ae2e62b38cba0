import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { type Webhook } from '../../api'
import { deliveryIndexQuery } from './background'
import { computeHealth, describeChart, describeRun, describeShare, describeThreshold, type WebhookHealth } from './health'
import { useDeliverySettings } from './use-delivery-settings'
import { describeError } from '../../wording/describe-error'
import { TruncatedText } from '../../components/ui/truncated-text'
import { useNow } from '../../lib/use-now'
import { HealthLoading } from './health-loading'

const CHART_WIDTH = 70
const CHART_HEIGHT = 16
const BAR_GAP = 2

/** One bar a day, successes below and failures on top; the figures are its accessible name. */
export function HealthChart({ health }: { health: WebhookHealth }) {
  const most = Math.max(1, ...health.days.map((d) => d.delivered + d.failed))
  const width = (CHART_WIDTH - BAR_GAP * (health.days.length - 1)) / health.days.length
  return (
    <svg
      role="img"
      aria-label={describeChart(health)}
      className="health-chart"
      viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
      width={CHART_WIDTH}
      height={CHART_HEIGHT}
    >
      {health.days.map((day, i) => {
        const x = i * (width + BAR_GAP)
        const ok = (day.delivered / most) * CHART_HEIGHT
        const failed = (day.failed / most) * CHART_HEIGHT
        return (
          <g key={day.day}>
            <rect className="health-bar-base" x={x} y={CHART_HEIGHT - 1} width={width} height={1} />
            <rect className="health-bar-ok" x={x} y={CHART_HEIGHT - ok} width={width} height={ok} />
            <rect className="health-bar-fail" x={x} y={CHART_HEIGHT - ok - failed} width={width} height={failed} />
          </g>
        )
      })}
    </svg>
  )
}

/** The "Health" cell of a webhook's row: it fills in once the deliveries are read, and never holds the row up. */
export function HealthCell({ webhook }: { webhook: Pick<Webhook, 'id'> }) {
  const index = useQuery(deliveryIndexQuery(webhook.id))
  const { disableThreshold } = useDeliverySettings()
  // A minute is fine for 7-day figures.
  const now = useNow(60_000)
  const data = index.data
  const health = useMemo(
    () => (data?.complete ? computeHealth(data.deliveries, { now, threshold: disableThreshold }) : undefined),
    [data, now, disableThreshold],
  )
  if (index.isError) {
    return (
      <span className="health health-error" title={describeError(index.error)}>
        Health could not be loaded
      </span>
    )
  }
  if (!health) return <HealthLoading />
  if (health.total === 0) return <span className="health muted">No deliveries</span>
  const run = describeRun(health)
  return (
    <span className="health">
      <span className="health-summary">
        <span className="health-share">{describeShare(health)}</span>
        <HealthChart health={health} />
      </span>
      {/* One line, cut when narrow and shown whole on hover and focus: the rows keep one height. */}
      {run ? <TruncatedText className="health-run">{`${run}, ${describeThreshold(health)}`}</TruncatedText> : null}
    </span>
  )
}

import type { Delivery } from '../../api'

// A webhook's health, from its deliveries as the API lists them (7 days
// kept). Everything is computed here, without React, so that the table's
// cell, its chart's accessible name and the "Failing" filter agree.

export const RETENTION_MS = 7 * 24 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000
export const CHART_DAYS = 7

/** Qlik does not publish after how many failures in a row it disables a webhook: a console setting, 10 by default. */
export const DEFAULT_DISABLE_THRESHOLD = 10

export type DayBar = {
  /** The calendar day, `YYYY-MM-DD` in the time zone the chart is drawn in. */
  day: string
  /** "Nov 30". */
  label: string
  delivered: number
  failed: number
}

export type WebhookHealth = {
  total: number
  delivered: number
  failed: number
  /** Whole per cent of deliveries that succeeded; undefined without deliveries. */
  successPercent: number | undefined
  /** Oldest first, the last one today. */
  days: DayBar[]
  /** Failed deliveries since the last success, newest first. */
  failureRun: number
  /** The auto-disable threshold this was computed with. */
  threshold: number
  /** Failures in a row still to go before Qlik disables the webhook (0: at or past it). */
  remaining: number
  failedLast24h: number
}

type Countable = Pick<Delivery, 'status' | 'triggeredAt'>

export type HealthOptions = {
  now: number
  threshold?: number
  /** The time zone days are counted in; the browser's when left out. */
  timeZone?: string
  locale?: string
}

// Made once per time zone and locale: a formatter costs a third of a millisecond
// to build, and the health of a webhook is computed again as each page arrives.
const formats = new Map<string, { dayKey: Intl.DateTimeFormat; dayLabel: Intl.DateTimeFormat }>()
function dayFormats(timeZone: string | undefined, locale: string | undefined) {
  const key = `${timeZone ?? ''} ${locale ?? ''}`
  let made = formats.get(key)
  if (!made) {
    made = {
      dayKey: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
      dayLabel: new Intl.DateTimeFormat(locale ?? 'en-US', { timeZone, month: 'short', day: 'numeric' }),
    }
    formats.set(key, made)
  }
  return made
}

/** Every UTC offset in use is a whole number of quarter hours: a calendar day changes only on a quarter hour. */
const SLOT_MS = 15 * 60 * 1000

/**
 * Linear in the deliveries, with each time read once and at most one date
 * formatting per quarter hour of the 7 days (not one per delivery): a
 * 10,000-delivery webhook is counted in a few milliseconds.
 */
export function computeHealth(deliveries: readonly Countable[], options: HealthOptions): WebhookHealth {
  const { now, threshold = DEFAULT_DISABLE_THRESHOLD, timeZone, locale } = options
  const { dayKey, dayLabel } = dayFormats(timeZone, locale)

  const days: DayBar[] = []
  for (let back = CHART_DAYS - 1; back >= 0; back--) {
    const date = new Date(now - back * DAY_MS)
    days.push({ day: dayKey.format(date), label: dayLabel.format(date), delivered: 0, failed: 0 })
  }
  const bars = new Map(days.map((bar) => [bar.day, bar]))
  const barOfSlot = new Map<number, DayBar>()
  const barAt = (at: number): DayBar => {
    const slot = Math.floor(at / SLOT_MS)
    let bar = barOfSlot.get(slot)
    if (!bar) {
      // Seven days of retention reach into an eighth calendar day: those count in the oldest bar.
      bar = bars.get(dayKey.format(new Date(slot * SLOT_MS))) ?? (at < now ? days[0]! : days[days.length - 1]!)
      barOfSlot.set(slot, bar)
    }
    return bar
  }

  let total = 0
  let delivered = 0
  let failedLast24h = 0
  let newestSuccess = -Infinity
  const failureTimes: number[] = []
  for (const delivery of deliveries) {
    const at = Date.parse(delivery.triggeredAt)
    if (!(Number.isFinite(at) && at > now - RETENTION_MS && at <= now + DAY_MS)) continue
    total += 1
    const ok = delivery.status === 'success'
    const bar = barAt(at)
    if (ok) {
      delivered += 1
      bar.delivered += 1
      if (at > newestSuccess) newestSuccess = at
    } else {
      bar.failed += 1
      failureTimes.push(at)
      if (at > now - DAY_MS) failedLast24h += 1
    }
  }
  // The run: failures newer than the newest success, in whatever order the list gave them.
  let failureRun = 0
  for (const at of failureTimes) if (at > newestSuccess) failureRun += 1

  return {
    total,
    delivered,
    failed: total - delivered,
    successPercent: total ? Math.floor((delivered / total) * 100) : undefined,
    days,
    failureRun,
    threshold,
    remaining: Math.max(0, threshold - failureRun),
    failedLast24h,
  }
}

/** "Failing": a failure in the last 24 hours, or a run of failures that has not ended. */
export const isFailing = (health: Pick<WebhookHealth, 'failedLast24h' | 'failureRun'>): boolean =>
  health.failedLast24h > 0 || health.failureRun > 0

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/** "96% of 212", or "No deliveries". */
export function describeShare(health: WebhookHealth): string {
  if (health.successPercent === undefined) return 'No deliveries'
  return `${health.successPercent}% of ${health.total.toLocaleString('en-US')}`
}

/** The chart's accessible name: every bar's figures, newest day first. */
export function describeChart(health: WebhookHealth): string {
  const days = [...health.days].reverse().map((bar) => `${bar.delivered} delivered, ${bar.failed} failed on ${bar.label}`)
  return `Last 7 days: ${days.join('; ')}`
}

/** "4 failures in a row", or undefined when the last delivery succeeded. */
export function describeRun(health: WebhookHealth): string | undefined {
  if (health.failureRun === 0) return undefined
  return `${plural(health.failureRun, 'failure', 'failures')} in a row`
}

/** How close the run is to the automatic disable, e.g. "disables after 10 (6 more)". */
export function describeThreshold(health: WebhookHealth): string | undefined {
  if (health.failureRun === 0) return undefined
  return health.remaining === 0
    ? `reached the ${health.threshold} that disable it`
    : `disables after ${health.threshold} (${plural(health.remaining, 'more', 'more')})`
}

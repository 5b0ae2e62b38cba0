import { EVENT_TYPES } from './catalogue'
import { db } from './db'
import { raiseEvent, type RaisedEvent } from './events'
import { RESOURCES, resourceKindOf } from './resources'

// Live traffic for demos: while `liveTraffic` is on, an event every
// 60 / liveTrafficPerMinute seconds, so that histories, health and
// auto-disable move while someone watches. Off by default (and so in every
// test that does not turn it on).

let timer: ReturnType<typeof setInterval> | undefined
let timerInterval = 0
let listener: ((event: RaisedEvent) => void) | undefined

/** Called after each live event has been delivered (the browser saves the state and refreshes the console). */
export function onLiveEvent(next: ((event: RaisedEvent) => void) | undefined): void {
  listener = next
}

const pick = <T>(items: readonly T[], random: () => number): T | undefined => items[Math.floor(random() * items.length)]

/**
 * One realistic event: mostly of a type some enabled webhook listens to, so
 * that something moves, now and then any type of the catalogue; about a
 * resource of the right kind; reloads end in error one time in five.
 */
export async function raiseLiveEvent(random: () => number = Math.random): Promise<RaisedEvent> {
  const subscribed = db.state.webhooks.filter((w) => w.enabled).flatMap((w) => w.eventTypes ?? [])
  const catalogue = EVENT_TYPES.map((t) => t.name!).filter(Boolean)
  const eventType = (random() < 0.85 ? pick(subscribed, random) : undefined) ?? pick(catalogue, random)!
  const kind = resourceKindOf(eventType)
  const resource = kind
    ? pick(
        RESOURCES.filter((r) => r.kind === kind),
        random,
      )
    : undefined
  const failed = random() < 0.2
  const data =
    eventType === 'com.qlik.v1.app.reload.finished'
      ? { status: failed ? 'error' : 'ok' }
      : eventType === 'com.qlik.v1.reload.finished'
        ? { status: failed ? 'FAILED' : 'SUCCEEDED', succeeded: !failed }
        : undefined
  return raiseEvent({ eventType, ...(resource ? { resourceId: resource.id } : {}), ...(data ? { data } : {}) })
}

/** Starts, re-times or stops the live traffic to match the configuration. */
export function syncLiveTraffic(): void {
  const { liveTraffic, liveTrafficPerMinute } = db.state.config
  const interval = Math.round(60_000 / Math.min(600, Math.max(1, liveTrafficPerMinute || 6)))
  if (timer && (!liveTraffic || interval !== timerInterval)) {
    clearInterval(timer)
    timer = undefined
  }
  if (liveTraffic && !timer) {
    timerInterval = interval
    timer = setInterval(() => {
      raiseLiveEvent().then(
        (event) => listener?.(event),
        (error: unknown) => console.warn('Live traffic: an event could not be raised:', error),
      )
    }, interval)
  }
}

export function stopLiveTraffic(): void {
  if (timer) clearInterval(timer)
  timer = undefined
}

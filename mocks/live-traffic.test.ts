import { afterEach, describe, expect, it, vi } from 'vitest'
import { EVENT_TYPES } from './catalogue'
import { ConfigError, checkConfigPatch, configure } from './config'
import { db } from './db'
import { onLiveEvent, raiseLiveEvent, stopLiveTraffic } from './live-traffic'
import { deserializeState, serializeState } from './persistence'

afterEach(() => {
  stopLiveTraffic()
  onLiveEvent(undefined)
  vi.useRealTimers()
})

describe('live traffic', () => {
  it('is off by default, and raises an event every 60 / rate seconds once turned on, until turned off', async () => {
    // Only the interval is faked: signing a delivery awaits Web Crypto for real.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const settled = (n: number) => vi.waitFor(() => expect(events).toHaveLength(n))
    const before = db.state.deliveries.length
    expect(db.state.config.liveTraffic).toBe(false)
    const events: string[] = []
    await vi.advanceTimersByTimeAsync(120_000)
    expect(db.state.deliveries.length).toBe(before)

    onLiveEvent((event) => events.push(event.eventType))
    configure({ liveTraffic: true, liveTrafficPerMinute: 6 })
    await vi.advanceTimersByTimeAsync(9_999)
    expect(events).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    await settled(1)
    await vi.advanceTimersByTimeAsync(50_000)
    await settled(6)
    // Re-timed at once: 60 a minute is one a second.
    configure({ liveTrafficPerMinute: 60 })
    await vi.advanceTimersByTimeAsync(3_000)
    await settled(9)
    configure({ liveTraffic: false })
    await vi.advanceTimersByTimeAsync(60_000)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(events).toHaveLength(9)
    expect(events.every((type) => EVENT_TYPES.some((t) => t.name === type))).toBe(true)
  })

  it('mostly raises types an enabled webhook listens to, so that histories move', async () => {
    const subscribed = new Set(db.state.webhooks.filter((w) => w.enabled).flatMap((w) => w.eventTypes ?? []))
    let delivered = 0
    let seq = 0
    // A fixed sequence instead of Math.random: the same run every time.
    const random = () => ((seq = (seq * 9301 + 49297) % 233280), seq / 233280)
    const raised: string[] = []
    for (let i = 0; i < 40; i++) {
      const event = await raiseLiveEvent(random)
      raised.push(event.eventType)
      delivered += event.deliveries.length
    }
    expect(raised.filter((t) => subscribed.has(t)).length).toBeGreaterThan(25)
    expect(delivered).toBeGreaterThan(10)
  })
})

describe('the configuration', () => {
  const refused = (patch: unknown) => {
    try {
      checkConfigPatch(patch)
      return 'accepted'
    } catch (error) {
      return error instanceof ConfigError ? error.field : String(error)
    }
  }

  it('refuses a bad field by name, and takes the good ones', () => {
    expect(refused([])).toBe('body')
    expect(refused({ persona: 'root' })).toBe('persona')
    expect(refused({ userId: '' })).toBe('userId')
    expect(refused({ failureThreshold: 0 })).toBe('failureThreshold')
    expect(refused({ liveTraffic: 'yes' })).toBe('liveTraffic')
    expect(refused({ liveTrafficPerMinute: 601 })).toBe('liveTrafficPerMinute')
    expect(refused({ receivers: { 'wh-x': 'explodes' } })).toBe('receivers.wh-x')
    expect(refused({ colour: 'red' })).toBe('colour')
    expect(
      refused({ persona: 'user', receivers: { 'wh-x': 'fail-1-in-4', 'wh-y': 'slow' }, liveTraffic: true, liveTrafficPerMinute: 12 }),
    ).toBe('accepted')
  })

  it('survives a reload with the rest of the demo state', () => {
    configure({
      persona: 'user',
      userId: 'P7tRbN5mQw1xLs8vHc2GjKy6dUoF',
      failureThreshold: 4,
      receivers: { 'wh-di-alerts': 'fail-1-in-3' },
    })
    configure({ liveTraffic: true, liveTrafficPerMinute: 30 })
    stopLiveTraffic()
    expect(deserializeState(serializeState(db.state))!.config).toMatchObject({
      persona: 'user',
      userId: 'P7tRbN5mQw1xLs8vHc2GjKy6dUoF',
      failureThreshold: 4,
      receivers: { 'wh-di-alerts': 'fail-1-in-3' },
      liveTraffic: true,
      liveTrafficPerMinute: 30,
    })
  })
})

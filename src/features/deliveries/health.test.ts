import { describe, expect, it } from 'vitest'
import { classifyFailure, groupFailures } from './failure-causes'
import { computeHealth, describeChart, describeRun, describeShare, describeThreshold, isFailing } from './health'

const NOW = Date.parse('2026-11-30T15:00:00Z')
const HOUR = 60 * 60 * 1000
const at = (hoursAgo: number) => new Date(NOW - hoursAgo * HOUR).toISOString()
const ok = (hoursAgo: number) => ({ status: 'success' as const, triggeredAt: at(hoursAgo) })
const fail = (hoursAgo: number) => ({ status: 'fail' as const, triggeredAt: at(hoursAgo) })
const options = { now: NOW, timeZone: 'UTC', locale: 'en-US' }

describe('computeHealth', () => {
  it('counts the share of successes over the 7 days the API keeps', () => {
    const deliveries = [...Array.from({ length: 24 }, (_, i) => ok(i * 6 + 1)), fail(2), fail(30), ok(7 * 24 + 1)]
    const health = computeHealth(deliveries, options)
    expect(health).toMatchObject({ total: 26, delivered: 24, failed: 2, successPercent: 92 })
    expect(describeShare(health)).toBe('92% of 26')
  })

  it('rounds the share down, so that one failure never reads 100%', () => {
    const deliveries = [...Array.from({ length: 211 }, (_, i) => ok(i * 0.5 + 1)), fail(0.1)]
    expect(computeHealth(deliveries, options).successPercent).toBe(99)
  })

  it('draws one bar per calendar day, oldest first, and names every figure', () => {
    const health = computeHealth([ok(1), ok(2), fail(3), ok(20), fail(40), ok(6 * 24 + 10), ok(7 * 24 - 1)], options)
    expect(health.days.map((d) => d.label)).toEqual(['Nov 24', 'Nov 25', 'Nov 26', 'Nov 27', 'Nov 28', 'Nov 29', 'Nov 30'])
    expect(health.days.map((d) => [d.delivered, d.failed])).toEqual([
      [2, 0], // Nov 24, with what is left of Nov 23 inside the 7 days
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 1], // Nov 28: 40 hours ago
      [1, 0], // Nov 29: 20 hours ago
      [2, 1],
    ])
    expect(describeChart(health)).toBe(
      'Last 7 days: 2 delivered, 1 failed on Nov 30; 1 delivered, 0 failed on Nov 29; 0 delivered, 1 failed on Nov 28; ' +
        '0 delivered, 0 failed on Nov 27; 0 delivered, 0 failed on Nov 26; 0 delivered, 0 failed on Nov 25; 2 delivered, 0 failed on Nov 24',
    )
  })

  it('counts the current run of failures from the newest delivery, in whatever order they come', () => {
    const health = computeHealth([fail(3), ok(5), fail(1), fail(2), fail(0.5), fail(6)], options)
    expect(health.failureRun).toBe(4)
    expect(describeRun(health)).toBe('4 failures in a row')
    expect(describeThreshold(health)).toBe('disables after 10 (6 more)')
  })

  it('has no run when the newest delivery succeeded', () => {
    const health = computeHealth([ok(1), fail(2), fail(3)], options)
    expect(health.failureRun).toBe(0)
    expect(describeRun(health)).toBeUndefined()
    expect(describeThreshold(health)).toBeUndefined()
  })

  it('measures the distance to the threshold it is given', () => {
    const run = [fail(1), fail(2), fail(3)]
    expect(computeHealth(run, { ...options, threshold: 5 })).toMatchObject({ threshold: 5, remaining: 2 })
    expect(describeThreshold(computeHealth(run, { ...options, threshold: 3 }))).toBe('reached the 3 that disable it')
    expect(describeRun(computeHealth([fail(1)], options))).toBe('1 failure in a row')
  })

  it('says "No deliveries" when there are none', () => {
    const health = computeHealth([], options)
    expect(health).toMatchObject({ total: 0, successPercent: undefined, failureRun: 0 })
    expect(describeShare(health)).toBe('No deliveries')
    expect(health.days).toHaveLength(7)
  })

  it('puts each delivery in its calendar day as a per-delivery reading would, in zones with quarter-hour offsets and DST', () => {
    // The straightforward count: one date formatting per delivery.
    const reference = (deliveries: { status: string; triggeredAt: string }[], now: number, timeZone: string) => {
      const key = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      const days = Array.from({ length: 7 }, (_, i) => key.format(new Date(now - (6 - i) * 24 * HOUR)))
      const counts = days.map(() => [0, 0])
      for (const d of deliveries) {
        const t = Date.parse(d.triggeredAt)
        if (t <= now - 7 * 24 * HOUR || t > now + 24 * HOUR) continue
        const i = days.indexOf(key.format(new Date(t)))
        counts[i === -1 ? (t < now ? 0 : 6) : i]![d.status === 'success' ? 0 : 1]! += 1
      }
      return counts
    }
    let seed = 7
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647
    // 2026-11-01 06:30 UTC: New York leaves summer time inside these 7 days.
    const now = Date.parse('2026-11-05T06:30:00Z')
    const deliveries = Array.from({ length: 3000 }, () => ({
      status: random() < 0.8 ? 'success' : 'fail',
      triggeredAt: new Date(now - Math.floor(random() * 7.2 * 24 * HOUR)).toISOString(),
    }))
    for (const timeZone of ['UTC', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Chatham', 'Australia/Lord_Howe']) {
      const health = computeHealth(deliveries, { now, timeZone, locale: 'en-US' })
      expect(
        health.days.map((d) => [d.delivered, d.failed]),
        timeZone,
      ).toEqual(reference(deliveries, now, timeZone))
    }
  })

  it('counts a run of failures that are newer than the newest success, not those the list gives after it', () => {
    expect(computeHealth([ok(2), fail(1), fail(3), ok(4), fail(0.5)], options).failureRun).toBe(2)
    expect(computeHealth([fail(1), fail(2)], options).failureRun).toBe(2)
  })

  it('calls a webhook failing with a failure in the last 24 hours or an unbroken run', () => {
    expect(isFailing(computeHealth([ok(1), fail(23)], options))).toBe(true)
    expect(isFailing(computeHealth([fail(30)], options))).toBe(true)
    expect(isFailing(computeHealth([ok(1), fail(25)], options))).toBe(false)
    expect(isFailing(computeHealth([], options))).toBe(false)
  })
})

describe('failure causes', () => {
  const failed = (statusMessage: string, statusCode?: number) => ({
    statusMessage,
    ...(statusCode ? { response: { statusCode } } : {}),
  })

  it('tells each cause apart by HTTP status, then by message', () => {
    expect(classifyFailure(failed('HTTP 500 Internal Server Error', 500))).toBe('server')
    expect(classifyFailure(failed('HTTP 503 Service Unavailable', 503))).toBe('server')
    expect(classifyFailure(failed('HTTP 404 Not Found', 404))).toBe('client')
    expect(classifyFailure(failed('HTTP 410 Gone', 410))).toBe('client')
    expect(classifyFailure(failed('HTTP 401 Unauthorized', 401))).toBe('auth')
    expect(classifyFailure(failed('HTTP 403 Forbidden', 403))).toBe('auth')
    expect(classifyFailure(failed('HTTP 308 Permanent Redirect to https://x.example.com/v2: redirects are not followed', 308))).toBe(
      'redirect',
    )
    expect(classifyFailure(failed('Timeout: no response within 10 seconds'))).toBe('timeout')
    expect(classifyFailure(failed('request timed out'))).toBe('timeout')
    expect(classifyFailure(failed('TLS handshake failed: x509: certificate has expired or is not yet valid'))).toBe('tls')
    expect(classifyFailure(failed('TLS handshake failed: certificate has been revoked'))).toBe('tls')
    expect(classifyFailure(failed('HTTP 502 Bad Gateway'))).toBe('server')
    expect(classifyFailure(failed('connection refused'))).toBe('other')
    expect(classifyFailure({})).toBe('other')
  })

  it('groups failures by cause, the most frequent first, each with its fix', () => {
    const deliveries = [
      { id: 'a', status: 'fail' as const, triggeredAt: at(1), ...failed('HTTP 500 Internal Server Error', 500) },
      { id: 'b', status: 'fail' as const, triggeredAt: at(3), ...failed('HTTP 500 Internal Server Error', 500) },
      { id: 'c', status: 'fail' as const, triggeredAt: at(2), ...failed('HTTP 308 Permanent Redirect', 308) },
      { id: 'd', status: 'success' as const, triggeredAt: at(0.5), ...failed('HTTP 200 OK', 200) },
      { id: 'e', status: 'fail' as const, triggeredAt: at(4), ...failed('TLS handshake failed: certificate has expired') },
      { id: 'f', status: 'fail' as const, triggeredAt: at(5), ...failed('HTTP 403 Forbidden', 403) },
      { id: 'g', status: 'fail' as const, triggeredAt: at(6), ...failed('Timeout: no response within 10 seconds') },
    ]
    const groups = groupFailures(deliveries)
    expect(groups.map((g) => [g.cause, g.count, g.latest.id])).toEqual([
      ['server', 2, 'a'],
      ['redirect', 1, 'c'],
      ['tls', 1, 'e'],
      ['auth', 1, 'f'],
      ['timeout', 1, 'g'],
    ])
    const hints = Object.fromEntries(groups.map((g) => [g.cause, g.hint]))
    expect(hints.redirect).toBe('Qlik does not follow redirects: set the final URL.')
    expect(hints.tls).toMatch(/certificate is expired or not trusted/)
    expect(hints.auth).toBe('The receiver refused the credentials: check the Authorization header.')
    expect(hints.timeout).toMatch(/took too long to answer/)
    expect(groups[0]!.label).toBe('5xx from the receiver')
  })

  it('has nothing to group without failures', () => {
    expect(groupFailures([{ id: 'a', status: 'success', triggeredAt: at(1) }])).toEqual([])
  })
})

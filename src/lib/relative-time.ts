// Times as the console shows them: relative for scanning a list, exact in
// UTC for comparing with a receiver's logs.

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
]

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })

/** "3 minutes ago", "yesterday", "now"; the input as given when it is not a date. */
export function formatRelativeTime(iso: string, now: number = Date.now()): string {
  const time = Date.parse(iso)
  if (!Number.isFinite(time)) return iso
  const seconds = Math.round((time - now) / 1000)
  // A minute ahead is clock skew between server and browser, or a clock read a little earlier.
  if (seconds > -10 && seconds < 60) return 'just now'
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'second') return relative.format(Math.trunc(seconds / size), unit)
  }
  return iso
}

/** "2026-10-14 11:02:07 UTC"; the input as given when it is not a date. */
export function formatUtc(iso: string): string {
  const time = Date.parse(iso)
  if (!Number.isFinite(time)) return iso
  return `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

import { db } from './db'
import { errorResponse } from './http-utils'

// Qlik's published rate limits (webhooks-api.md §7, rate-limiting page):
// per user, Tier 1 for every GET and Tier 2 for every write (create,
// update, patch, delete, resend). Over the limit, every call of that tier
// answers 429 with Retry-After until the window lets one through; the other
// tier is not affected. Measured over a sliding window of one minute.

const WINDOW_MS = 60_000

/** Accepted calls per tier and user, oldest first. Memory only: a reload starts afresh. */
let accepted = new Map<string, number[]>()

export function clearRateLimits(): void {
  accepted = new Map()
}

export const tierOf = (method: string): 'tier1' | 'tier2' => (method === 'GET' || method === 'HEAD' ? 'tier1' : 'tier2')

/** Counts one call; answers the 429 when the caller's tier is spent, else undefined. */
export function rateLimited(request: Request, now = Date.now()): Response | undefined {
  const limits = db.state.config.rateLimits
  if (limits === false) return undefined
  const tier = tierOf(request.method)
  const limit = limits[tier]
  const key = `${tier}:${db.state.config.userId}`
  const calls = (accepted.get(key) ?? []).filter((at) => at > now - WINDOW_MS)
  accepted.set(key, calls)
  if (calls.length < limit) {
    calls.push(now)
    return undefined
  }
  // The first call that will leave the window; a refused call does not count.
  const leaving = calls[calls.length - limit]
  // A limit of 0 lets nothing through: the whole window.
  const waitSeconds = leaving === undefined ? WINDOW_MS / 1000 : Math.max(1, Math.ceil((leaving + WINDOW_MS - now) / 1000))
  const response = errorResponse(
    429,
    'HTTP-429',
    'API rate limit reached.',
    `You need to wait ${waitSeconds} seconds until limit is lifted.`,
  )
  response.headers.set('Retry-After', String(waitSeconds))
  return response
}

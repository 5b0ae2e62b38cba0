import { db, DEFAULT_RATE_LIMITS, type MockConfig } from './db'

// One way in for configuration changes (window.mockTenant.configure and
// POST /__mock/configure), so that a bad value is refused with a reason
// rather than stored and tripped over later.

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)
const isCount = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0

/** Merges `patch` into the configuration; answers why it was refused, or undefined once applied. */
export function configureMock(patch: unknown): string | undefined {
  if (!isObject(patch)) return 'The configuration must be an object of MockConfig fields.'
  const next = { ...db.state.config, ...(patch as Partial<MockConfig>) }
  if ('rateLimits' in patch) {
    const limits = patch.rateLimits
    if (limits === false) next.rateLimits = false
    else if (isObject(limits) && Object.values(limits).every(isCount)) {
      // Either tier may be given alone; the other keeps Qlik's figure.
      const current = db.state.config.rateLimits || DEFAULT_RATE_LIMITS
      next.rateLimits = { tier1: Number(limits.tier1 ?? current.tier1), tier2: Number(limits.tier2 ?? current.tier2) }
    } else return 'rateLimits must be false or { tier1, tier2 }: requests a minute per user, whole numbers of 0 or more.'
  }
  for (const flag of ['coreApi', 'cloudEventDeliveryOnCreate'] as const) {
    if (flag in patch && typeof patch[flag] !== 'boolean') return `${flag} must be true or false.`
  }
  db.state.config = next
  return undefined
}

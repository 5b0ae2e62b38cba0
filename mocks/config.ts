import { db, DEFAULT_RATE_LIMITS, defaultConfig, PERSONAS, type MockConfig } from './db'
import { isReceiverMode } from './deliveries'
import { syncLiveTraffic } from './live-traffic'
import { configureMock, MAX_SEED_HISTORY_SIZE } from './seed'

// Changes to the mock's configuration, from window.mockTenant.configure,
// POST /__mock/configure and the console's Demo controls: checked field by
// field, applied together, and the live traffic re-timed to match.

/** A bad configuration field, named. */
export class ConfigError extends Error {
  readonly field: string
  constructor(field: string, message: string) {
    super(`${field}: ${message}`)
    this.field = field
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function integer(field: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new ConfigError(field, `must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}.`)
}

/** The patch, checked; throws ConfigError on the first bad field. */
export function checkConfigPatch(patch: unknown): Partial<MockConfig> {
  if (!isRecord(patch)) throw new ConfigError('body', 'must be a JSON object of MockConfig fields.')
  const checked: Record<string, unknown> = { ...patch }
  const known = Object.keys(defaultConfig())
  for (const [field, value] of Object.entries(patch)) {
    switch (field) {
      case 'persona':
        if (!(PERSONAS as readonly unknown[]).includes(value)) throw new ConfigError(field, `must be one of ${PERSONAS.join(', ')}.`)
        break
      case 'userId':
      case 'tenantId':
        if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(field, 'must be a non-empty string.')
        break
      case 'quotaPerUser':
      case 'quotaPerTenant':
        integer(field, value, 0, 100_000)
        break
      case 'failureThreshold':
        integer(field, value, 1, 1000)
        break
      case 'liveTrafficPerMinute':
        integer(field, value, 1, 600)
        break
      case 'seedHistorySize':
        integer(field, value, 0, MAX_SEED_HISTORY_SIZE)
        break
      case 'liveTraffic':
      case 'legacyPayloads':
      case 'coreApi':
      case 'cloudEventDeliveryOnCreate':
        if (typeof value !== 'boolean') throw new ConfigError(field, 'must be true or false.')
        break
      case 'receivers':
        if (!isRecord(value)) throw new ConfigError(field, 'must be an object of receiver modes by webhook id or host.')
        for (const [key, mode] of Object.entries(value)) {
          if (!isReceiverMode(mode))
            throw new ConfigError(
              `receivers.${key}`,
              `"${String(mode)}" is not a receiver mode (ok-200, ok-202, http-401, http-404, http-410, http-500, redirect-308, timeout, tls-expired, tls-revoked, slow, fail-1-in-N).`,
            )
        }
        break
      case 'rateLimits': {
        if (value === false) break
        const rateLimitsError = 'must be false or { tier1, tier2 }: requests a minute per user, whole numbers of 0 or more.'
        if (!isRecord(value)) throw new ConfigError(field, rateLimitsError)
        for (const [tier, count] of Object.entries(value)) {
          if (tier !== 'tier1' && tier !== 'tier2') throw new ConfigError(`${field}.${tier}`, 'is not a tier; use tier1, tier2.')
          if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw new ConfigError(`${field}.${tier}`, rateLimitsError)
        }
        // Either tier may be given alone; the other keeps the current figure (Qlik's when the limiter was off).
        const current = db.state.config.rateLimits || DEFAULT_RATE_LIMITS
        checked[field] = { tier1: value.tier1 ?? current.tier1, tier2: value.tier2 ?? current.tier2 }
        break
      }
      default:
        throw new ConfigError(field, `is not a configuration field; use ${known.join(', ')}.`)
    }
  }
  return checked as Partial<MockConfig>
}

/** Checks and applies a patch; returns the whole configuration. */
export function configure(patch: unknown): MockConfig {
  configureMock(checkConfigPatch(patch))
  syncLiveTraffic()
  return db.state.config
}

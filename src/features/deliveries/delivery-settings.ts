import { DEFAULT_RESEND_INTERVAL_MS, DEFAULT_STOP_AFTER_FAILURES } from './bulk-resend'
import { DEFAULT_DISABLE_THRESHOLD } from './health'

// Console settings of delivery operations, kept in this browser's
// localStorage (they are preferences, nothing secret). Qlik publishes
// neither its auto-disable threshold nor a resend rate beyond the write
// tier (100 a minute), so the admin can match them to their tenant.

export type DeliverySettings = {
  /** Failures in a row after which Qlik disables a webhook, as far as the console knows. */
  disableThreshold: number
  /** Seconds between the starts of two resends of a bulk resend. */
  resendIntervalSeconds: number
  /** Failed resends in a row after which a bulk resend stops. */
  stopAfterFailures: number
}

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = {
  disableThreshold: DEFAULT_DISABLE_THRESHOLD,
  resendIntervalSeconds: DEFAULT_RESEND_INTERVAL_MS / 1000,
  stopAfterFailures: DEFAULT_STOP_AFTER_FAILURES,
}

/** Allowed ranges; 0.6 seconds is the write tier's 100 a minute. */
export const SETTING_LIMITS: Record<keyof DeliverySettings, { min: number; max: number }> = {
  disableThreshold: { min: 1, max: 1000 },
  resendIntervalSeconds: { min: 0.6, max: 60 },
  stopAfterFailures: { min: 1, max: 100 },
}

export const SETTING_LABELS: Record<keyof DeliverySettings, string> = {
  disableThreshold: 'Failures in a row before Qlik disables a webhook',
  resendIntervalSeconds: 'Seconds between resends',
  stopAfterFailures: 'Stop a bulk resend after this many failures in a row',
}

/** What is wrong with a value typed for `key`; undefined when it is fine. */
export function settingError(key: keyof DeliverySettings, value: number): string | undefined {
  const { min, max } = SETTING_LIMITS[key]
  if (!Number.isFinite(value)) return 'Enter a number.'
  if (key !== 'resendIntervalSeconds' && !Number.isInteger(value)) return 'Enter a whole number.'
  if (value < min || value > max) return `Enter a number from ${min} to ${max}.`
  return undefined
}

/** Stored settings; anything missing or out of range is the default. */
export function parseSettings(text: string | null): DeliverySettings {
  let stored: Record<string, unknown> = {}
  try {
    const value: unknown = text ? JSON.parse(text) : {}
    if (value && typeof value === 'object') stored = value as Record<string, unknown>
  } catch {
    // unreadable: the defaults
  }
  const settings = { ...DEFAULT_DELIVERY_SETTINGS }
  for (const key of Object.keys(settings) as (keyof DeliverySettings)[]) {
    const value = stored[key]
    if (typeof value === 'number' && settingError(key, value) === undefined) settings[key] = value
  }
  return settings
}

const STORAGE_KEY = 'qlik-webhooks-console/delivery-settings'
const listeners = new Set<() => void>()
let current: DeliverySettings | undefined

const storage = () => (typeof localStorage === 'undefined' ? undefined : localStorage)

export function getDeliverySettings(): DeliverySettings {
  if (!current) {
    let text: string | null = null
    try {
      text = storage()?.getItem(STORAGE_KEY) ?? null
    } catch {
      // storage blocked: the defaults
    }
    current = parseSettings(text)
  }
  return current
}

export function saveDeliverySettings(settings: DeliverySettings): void {
  current = parseSettings(JSON.stringify(settings))
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(current))
  } catch {
    // storage blocked or full: kept for this page only
  }
  listeners.forEach((listener) => listener())
}

export function subscribeDeliverySettings(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

import type { Delivery, Webhook } from '../src/api/schemas'

/**
 * A webhook as the mock tenant stores it: the response fields plus the
 * write-only values (secret, encrypted header values) that are never
 * returned by any handler.
 */
export type StoredWebhook = Omit<Webhook, 'encryptedHeaders'> & {
  id: string
  secret?: string
  encryptedHeaders?: Record<string, string>
}

export type Persona = 'tenantAdmin' | 'manager' | 'user' | 'none'

export type MockConfig = {
  persona: Persona
  /** The caller's user id. */
  userId: string
  tenantId: string
  quotaPerUser: number
  quotaPerTenant: number
  /** Consecutive failed deliveries after which a webhook is disabled. */
  failureThreshold: number
}

export type MockState = {
  webhooks: StoredWebhook[]
  deliveries: Delivery[]
  config: MockConfig
  /** Consecutive failures per webhook id. */
  failures: Record<string, number>
  sequence: number
}

export const ADMIN_USER_ID = 'vNRGrDZIypJzauw59BbpvkRhqbmI'

export const defaultConfig = (): MockConfig => ({
  persona: 'tenantAdmin',
  userId: ADMIN_USER_ID,
  tenantId: 'oZcMPa_1PwH4FUdrh6839YHHdEJN',
  quotaPerUser: 150,
  quotaPerTenant: 100,
  failureThreshold: 10,
})

/** The mock tenant's whole state; handlers read and write it through `db`. */
export const db: { state: MockState } = {
  state: { webhooks: [], deliveries: [], config: defaultConfig(), failures: {}, sequence: 0 },
}

export function nextId(prefix: string): string {
  db.state.sequence += 1
  return `${prefix}-${db.state.sequence.toString(36).padStart(6, '0')}`
}

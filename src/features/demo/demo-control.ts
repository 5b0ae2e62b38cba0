import type { Delivery } from '../../api'

// What the console's demo features need of the mock tenant. The mock
// (mocks/browser.ts) implements it and main.tsx hands it down in mock mode;
// a tenant build has none, so nothing here reaches it.

export type DemoPersona = 'tenantAdmin' | 'manager' | 'user' | 'none'

export type DemoConfig = {
  persona: DemoPersona
  /** The user the console acts as. */
  userId: string
  failureThreshold: number
  /** Receiver modes by webhook id (or host). */
  receivers: Record<string, string>
  liveTraffic: boolean
  liveTrafficPerMinute: number
  /** Requests a minute per user: Tier 1 every GET, Tier 2 every write; false when the mock does not limit. */
  rateLimits: RateLimits | false
  /** Legacy and hybrid payloads, as an older tenant sent them before Qlik removed the legacy fields on 2026-10-06. */
  legacyPayloads: boolean
}

export type RateLimits = { tier1: number; tier2: number }

export type DemoControl = {
  /** The tenant's users, for "acts as". */
  users: readonly { id: string; name: string }[]
  /** The receiver modes a webhook can be given, `fail-1-in-N` aside. */
  receiverModes: readonly string[]
  /** Qlik's published rate limits, which the mock applies when its limits are on. */
  defaultRateLimits: RateLimits
  /** Every webhook of the mock tenant, whoever the console acts as. */
  webhooks(): { id: string; name: string }[]
  getConfig(): DemoConfig
  /** Applies at once and is saved with the demo state; throws an Error naming the field when a value is refused. */
  configure(patch: Partial<DemoConfig>): DemoConfig
  /** Back to the seed (the page should reload). */
  reset(): void
  /** The `data` a test event of this type would carry, to prefill the payload. */
  sampleEventData(webhookId: string, eventType: string): Record<string, unknown>
  /** Sends a test event to one webhook, with exactly this `data`, and returns its delivery as the API lists it. */
  sendTestEvent(input: { webhookId: string; eventType: string; data: Record<string, unknown> }): Promise<Delivery>
  /** Called whenever the mock's data changes by itself (live traffic) or through these controls. */
  subscribe(listener: () => void): () => void
}

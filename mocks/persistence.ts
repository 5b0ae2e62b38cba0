import { defaultConfig, type MockConfig, type MockState, type StoredDelivery, type StoredWebhook } from './db'
import { SEED_SECRETS, SEED_WEBHOOKS, seedDeliveries } from './seed'

// The browser mock's state as it is kept across page reloads. Secrets and
// encrypted header values are never written: a secret that is the seeded
// one is marked as such and re-derived from SEED_SECRETS on load; any other
// secret lives in memory only, so after a reload that webhook has no secret
// (secretKeyAdded false) until one is set again. Encrypted header names are
// kept; their values come back only when they are the seeded ones.
// Seeded deliveries are rebuilt from the time they were seeded; only
// deliveries made since (resends) are written out.

export const STORAGE_KEY = 'qlik-webhooks-console/mock-tenant'
const VERSION = 1

type PersistedWebhook = Omit<StoredWebhook, 'secret' | 'encryptedHeaders'> & {
  /** The webhook's secret is the seeded one. */
  seedSecret?: true
  encryptedHeaderNames?: string[]
  /** Encrypted headers whose value is the seeded one. */
  seedEncryptedHeaders?: string[]
}

type Persisted = {
  version: typeof VERSION
  seededAt: number
  webhooks: PersistedWebhook[]
  deliveries: StoredDelivery[]
  config: MockConfig
  failures: Record<string, number>
  sequence: number
}

const seedWebhook = (id: string) => SEED_WEBHOOKS.find((w) => w.id === id)

function toPersistedWebhook(webhook: StoredWebhook): PersistedWebhook {
  const { secret, encryptedHeaders, ...rest } = webhook
  const seeded = seedWebhook(webhook.id)?.encryptedHeaders ?? {}
  const names = Object.keys(encryptedHeaders ?? {})
  const fromSeed = names.filter((name) => seeded[name] !== undefined && seeded[name] === encryptedHeaders?.[name])
  return {
    ...rest,
    ...(secret !== undefined && secret === SEED_SECRETS[webhook.id] ? { seedSecret: true as const } : {}),
    ...(names.length ? { encryptedHeaderNames: names } : {}),
    ...(fromSeed.length ? { seedEncryptedHeaders: fromSeed } : {}),
  }
}

function fromPersistedWebhook(webhook: PersistedWebhook): StoredWebhook {
  const { seedSecret, encryptedHeaderNames, seedEncryptedHeaders, ...rest } = webhook
  const seeded = seedWebhook(webhook.id)?.encryptedHeaders ?? {}
  const secret = seedSecret ? SEED_SECRETS[webhook.id] : undefined
  return {
    ...rest,
    secretKeyAdded: Boolean(secret),
    ...(secret ? { secret } : {}),
    ...(encryptedHeaderNames
      ? {
          encryptedHeaders: Object.fromEntries(
            encryptedHeaderNames.map((name) => [name, seedEncryptedHeaders?.includes(name) ? (seeded[name] ?? '') : '']),
          ),
        }
      : {}),
  }
}

/** The state as a string fit for storage: no secret, no encrypted value, no seeded delivery. */
export function serializeState(state: MockState): string {
  const persisted: Persisted = {
    version: VERSION,
    seededAt: state.seededAt ?? Date.now(),
    webhooks: state.webhooks.map(toPersistedWebhook),
    deliveries: state.deliveries.filter((d) => !d.seeded),
    config: state.config,
    failures: state.failures,
    sequence: state.sequence,
  }
  return JSON.stringify(persisted)
}

/** The state a stored string stands for, or undefined when it is unreadable or from another version. */
export function deserializeState(text: string | null): MockState | undefined {
  if (!text) return undefined
  let persisted: Persisted
  try {
    persisted = JSON.parse(text) as Persisted
  } catch {
    return undefined
  }
  if (persisted?.version !== VERSION || !Array.isArray(persisted.webhooks) || !Array.isArray(persisted.deliveries)) return undefined
  const webhooks = persisted.webhooks.map(fromPersistedWebhook)
  const ids = new Set(webhooks.map((w) => w.id))
  const deliveries = [
    ...seedDeliveries(persisted.seededAt, persisted.config?.seedHistorySize, persisted.config?.legacyPayloads).filter((d) =>
      ids.has(d.webhookId),
    ),
    ...persisted.deliveries,
  ]
  deliveries.sort((a, b) => a.triggeredAt.localeCompare(b.triggeredAt))
  return {
    webhooks,
    deliveries,
    config: { ...defaultConfig(), ...persisted.config },
    failures: persisted.failures ?? {},
    sequence: persisted.sequence ?? 0,
    seededAt: persisted.seededAt,
  }
}

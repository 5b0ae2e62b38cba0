import { ADMIN_USER_ID, db, defaultConfig, type MockConfig, type MockState, type StoredDelivery, type StoredWebhook } from './db'
import { payloadFormatFor } from './deliveries'
import { buildSeedDeliveries, trailingFailures } from './seed-deliveries'
import { clearFaults } from './faults'
import { clearRateLimits } from './rate-limit'

// A deterministic tenant: e2e tests read their expectations from here.

export const USERS = {
  admin: ADMIN_USER_ID,
  maria: 'Jq2uMxB8kT3rZ9nVf0LhYcWd4sEa',
  kenji: 'P7tRbN5mQw1xLs8vHc2GjKy6dUoF',
  automation: 'A9zXcV2bNm4Lk7Jh1Gf5Dd8Ss3Qa',
} as const

/** Secrets of the seeded webhooks, so that tests can check signatures. */
export const SEED_SECRETS: Record<string, string> = {
  'wh-slack-app-events': 'sl4ck-s3cr3t-0123456789abcdef0123456789',
  'wh-reload-monitor': 'r3load-m0nitor-secret-key-4f9a2c7e1b8d3a6f',
  'wh-user-provisioning': 'scim-provisioning-shared-secret-2026-11-01-ab',
  'wh-di-alerts': 'di-alerts-9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e',
}

function webhook(w: Omit<StoredWebhook, 'updatedAt' | 'updatedByUserId' | 'secretKeyAdded'> & Partial<StoredWebhook>): StoredWebhook {
  const secret = SEED_SECRETS[w.id]
  return {
    level: 'tenant',
    enabled: true,
    enableCloudEventDelivery: true,
    checkCertificateRevocation: false,
    origin: 'api',
    eventTypes: [],
    ...w,
    ...(secret ? { secret } : {}),
    secretKeyAdded: Boolean(secret),
    updatedAt: w.updatedAt ?? w.createdAt,
    updatedByUserId: w.updatedByUserId ?? w.createdByUserId,
  }
}

export const SEED_WEBHOOKS: StoredWebhook[] = [
  webhook({
    id: 'wh-slack-app-events',
    name: 'Slack: new and published apps',
    description: 'Posts to #analytics when an app is created or published.',
    url: 'https://hooks.slack.example.com/services/T024BE7LD/B08UJ7GLM/qlik-apps',
    eventTypes: ['com.qlik.v1.app.created', 'com.qlik.v1.app.published'],
    origin: 'management-console',
    ownerId: USERS.admin,
    createdByUserId: USERS.admin,
    createdAt: '2026-03-02T09:15:00.000Z',
    updatedAt: '2026-10-14T11:02:00.000Z',
    headers: { 'X-Team': 'analytics' },
  }),
  webhook({
    id: 'wh-reload-monitor',
    name: 'Reload monitor (errors only)',
    description: 'Alerts the on-call rota when an app reload ends in error.',
    url: 'https://alerts.acme-corp.example.com/qlik/reloads',
    eventTypes: ['com.qlik.v1.app.reload.finished'],
    filter: 'data.status eq "error"',
    ownerId: USERS.admin,
    createdByUserId: USERS.admin,
    createdAt: '2026-04-18T07:40:00.000Z',
    encryptedHeaders: { Authorization: 'Bearer seed-encrypted-token-1' },
  }),
  webhook({
    id: 'wh-user-provisioning',
    name: 'User provisioning sync',
    description: 'Keeps the HR directory in step with tenant users.',
    url: 'https://hr.acme-corp.example.com/hooks/qlik-users',
    eventTypes: ['com.qlik.v1.user.created', 'com.qlik.v1.user.deleted'],
    ownerId: USERS.admin,
    createdByUserId: USERS.admin,
    createdAt: '2026-01-20T14:05:00.000Z',
    headers: { 'X-Source': 'qlik-cloud' },
    encryptedHeaders: { 'X-Api-Key': 'seed-encrypted-key-2' },
  }),
  webhook({
    id: 'wh-api-key-audit',
    name: 'API key audit trail',
    url: 'https://siem.acme-corp.example.com/ingest/qlik',
    eventTypes: ['com.qlik.v1.api-key.validation.failed'],
    ownerId: USERS.admin,
    createdByUserId: USERS.admin,
    createdAt: '2025-12-05T16:30:00.000Z',
    enabled: false,
    disabledReason: 'Disabled after 10 consecutive failed deliveries (last: HTTP 500 Internal Server Error).',
    disabledReasonCode: 'DELIVERY_FAILURE_THRESHOLD',
  }),
  webhook({
    id: 'wh-automation-sales',
    name: 'Automation: sales app refreshed',
    description: 'Created by Qlik Automate for the weekly sales digest.',
    url: 'https://automations.eu.qlikcloud.example.com/api/v1/automations/8f3c/actions/execute',
    eventTypes: ['com.qlik.v1.app.data.updated'],
    origin: 'automations',
    level: 'user',
    ownerId: USERS.automation,
    createdByUserId: USERS.automation,
    createdAt: '2026-06-11T08:00:00.000Z',
    filter: 'topLevelResourceId eq "7d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6"',
  }),
  webhook({
    id: 'wh-automation-runs',
    name: 'Automation run failures',
    url: 'https://ops.acme-corp.example.com/qlik/automation-runs',
    eventTypes: ['com.qlik.v1.automation.run.failed'],
    origin: 'automations',
    level: 'user',
    ownerId: USERS.maria,
    createdByUserId: USERS.maria,
    createdAt: '2026-07-22T13:45:00.000Z',
  }),
  webhook({
    id: 'wh-di-alerts',
    name: 'Data integration alerts',
    description: 'Pages the data team when a task fails or stops.',
    url: 'https://events.pagerduty.example.com/integration/qlik-di/enqueue',
    eventTypes: ['com.qlik.v1.di-projects.di-tasks.failed', 'com.qlik.v1.di-projects.di-tasks.stopped'],
    ownerId: USERS.admin,
    createdByUserId: USERS.admin,
    createdAt: '2026-05-30T10:10:00.000Z',
    encryptedHeaders: { 'X-Routing-Key': 'seed-encrypted-key-3' },
  }),
  webhook({
    id: 'wh-teams-publish',
    name: 'Teams: published apps',
    url: 'https://acme.webhook.office.example.com/webhookb2/qlik-publish',
    eventTypes: ['com.qlik.v1.app.published'],
    level: 'user',
    origin: 'management-console',
    ownerId: USERS.maria,
    createdByUserId: USERS.maria,
    createdAt: '2026-08-03T09:00:00.000Z',
    enabled: false,
    disabledReason: 'Disabled by the owner while the Teams channel is migrated.',
    disabledReasonCode: 'DISABLED_BY_USER',
  }),
  webhook({
    id: 'wh-legacy-export',
    name: 'Legacy export archiver',
    description: 'CloudEvents delivery never turned on: legacy payloads until Qlik removed them.',
    url: 'https://archive.acme-corp.example.com/qlik/exports',
    eventTypes: ['com.qlik.v1.app.exported', 'com.qlik.v1.app.deleted'],
    enableCloudEventDelivery: false,
    ownerId: USERS.kenji,
    createdByUserId: USERS.kenji,
    createdAt: '2025-11-28T12:00:00.000Z',
    checkCertificateRevocation: true,
  }),
  webhook({
    id: 'wh-space-reloads',
    name: 'Finance space reloads',
    url: 'https://finance-bot.acme-corp.example.com/reloads',
    eventTypes: ['com.qlik.v1.reload.finished'],
    level: 'user',
    ownerId: USERS.kenji,
    createdByUserId: USERS.kenji,
    createdAt: '2026-09-09T15:20:00.000Z',
    filter: 'spaceId eq "5f0c1d2e3a4b5c6d7e8f9a0b" or spaceId eq "5f0c1d2e3a4b5c6d7e8f9a0c"',
  }),
  webhook({
    id: 'wh-automation-catalog',
    name: 'Automation catalogue sync',
    url: 'https://catalog.acme-corp.example.com/qlik/automations',
    eventTypes: ['com.qlik.v1.automation.created', 'com.qlik.v1.automation.updated', 'com.qlik.v1.automation.deleted'],
    origin: 'management-console',
    ownerId: USERS.admin,
    createdByUserId: USERS.admin,
    createdAt: '2026-02-14T17:55:00.000Z',
    headers: { 'X-Catalog-Version': '3', Accept: 'application/json' },
  }),
  webhook({
    id: 'wh-di-completed',
    name: 'Data integration completed',
    url: 'https://etl.acme-corp.example.com/qlik/di-completed',
    eventTypes: ['com.qlik.v1.di-projects.di-tasks.started', 'com.qlik.v1.di-projects.di-tasks.completed'],
    ownerId: USERS.maria,
    createdByUserId: USERS.admin,
    updatedByUserId: USERS.maria,
    createdAt: '2026-10-01T06:30:00.000Z',
    updatedAt: '2026-11-02T18:00:00.000Z',
  }),
  webhook({
    id: 'wh-broken-endpoint',
    name: 'Staging receiver (broken)',
    description: 'Points at a staging host that redirects; deliveries fail.',
    url: 'https://staging.acme-corp.example.com/qlik',
    eventTypes: ['com.qlik.v1.app.created', 'com.qlik.v1.app.deleted', 'com.qlik.v1.app.reload.finished'],
    origin: 'management-console',
    ownerId: USERS.admin,
    createdByUserId: USERS.admin,
    createdAt: '2026-11-10T10:00:00.000Z',
    enabled: false,
    disabledReason: 'Disabled after 10 consecutive failed deliveries (last: HTTP 308 Permanent Redirect; redirects are not followed).',
    disabledReasonCode: 'DELIVERY_FAILURE_THRESHOLD',
  }),
  webhook({
    id: 'wh-exports-kenji',
    name: 'My app exports',
    url: 'https://kenji-tools.example.org/qlik/exports',
    eventTypes: ['com.qlik.v1.app.exported'],
    level: 'user',
    origin: 'api',
    ownerId: USERS.kenji,
    createdByUserId: USERS.kenji,
    createdAt: '2026-11-18T08:45:00.000Z',
  }),
]

/**
 * Deliveries are built relative to `now` so that they stay within the 7-day
 * window; see mocks/deliveries.ts for the plan of each webhook.
 */
export function seedDeliveries(now: number, bigHistorySize?: number, legacyPayloads?: boolean): StoredDelivery[] {
  return buildSeedDeliveries(now, SEED_WEBHOOKS, undefined, bigHistorySize, legacyPayloads)
}

/**
 * The seeded deliveries of `deliveries` in the payload formats `legacyPayloads`
 * gives them (new records, so that cached signatures go with the old ones);
 * deliveries made since the seed keep the format they were sent in.
 */
export function reformatSeeded(deliveries: StoredDelivery[], legacyPayloads: boolean): StoredDelivery[] {
  return deliveries.map((delivery) => {
    const webhook = SEED_WEBHOOKS.find((w) => w.id === delivery.webhookId)
    if (!delivery.seeded || !webhook) return delivery
    const format = payloadFormatFor(webhook, delivery.triggeredAt, legacyPayloads)
    return format === delivery.payload.format ? delivery : { ...delivery, payload: { ...delivery.payload, format } }
  })
}

/** Performance measure of building the seeded deliveries (in the browser: the bench reads it). */
export const SEED_DELIVERIES_MEASURE = 'mock-tenant:seed-deliveries'

/**
 * The seed as a fresh state. Its deliveries (and the failure runs they end
 * with) are built on first use: most tests never read them, and every test
 * starts from a fresh seed.
 */
export function seedState(now = Date.now(), config: Partial<MockConfig> = {}): MockState {
  const state = {
    webhooks: structuredClone(SEED_WEBHOOKS),
    config: { ...defaultConfig(), ...config },
    sequence: 0,
    seededAt: now,
  } as MockState
  let built: Pick<MockState, 'deliveries' | 'failures'> | undefined
  const build = () => {
    if (!built) {
      const start = performance.now()
      const deliveries = seedDeliveries(now, state.config.seedHistorySize, state.config.legacyPayloads)
      built = { deliveries, failures: trailingFailures(deliveries) }
      // Read by `npm run bench`: what the lazy seed costs the request that first needs it.
      performance.measure(SEED_DELIVERIES_MEASURE, { start })
    }
    return built
  }
  for (const key of ['deliveries', 'failures'] as const) {
    const settle = (value: unknown) => Object.defineProperty(state, key, { value, writable: true, enumerable: true, configurable: true })
    Object.defineProperty(state, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = build()[key]
        settle(value)
        return value
      },
      set: (value: unknown) => {
        build()
        settle(value)
      },
    })
  }
  return state
}

/** The largest seed size accepted: enough for the bench's 10,000, small enough for a tab. */
export const MAX_SEED_HISTORY_SIZE = 50_000

/**
 * Changes the mock's configuration. A new `seedHistorySize` rebuilds the
 * seed with that many deliveries for the big-history webhook (other changes
 * since the seed are dropped), since seeded deliveries are derived, not stored.
 */
export function configureMock(patch: Partial<MockConfig>): void {
  const size = patch.seedHistorySize
  if (size !== undefined && (!Number.isInteger(size) || size < 0 || size > MAX_SEED_HISTORY_SIZE)) {
    throw new Error(`seedHistorySize must be a whole number from 0 to ${MAX_SEED_HISTORY_SIZE}, got ${String(size)}.`)
  }
  const config = { ...db.state.config, ...patch }
  if (size !== undefined && size !== db.state.config.seedHistorySize) resetDb(Date.now(), config)
  else {
    const reformat = config.legacyPayloads !== db.state.config.legacyPayloads
    db.state.config = config
    // The seeded history is the tenant's past: another kind of tenant had another past.
    if (reformat) db.state.deliveries = reformatSeeded(db.state.deliveries, config.legacyPayloads)
  }
}

/** Back to the seed; faults waiting from failNext() and the rate limiter's counts are dropped too. */
export function resetDb(now = Date.now(), config: Partial<MockConfig> = {}): void {
  clearFaults()
  clearRateLimits()
  db.state = seedState(now, config)
}

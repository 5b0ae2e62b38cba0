import { getResponse, http } from 'msw'
import { setupWorker } from 'msw/browser'
import type { Delivery } from '../src/api'
import type { DemoControl } from '../src/features/demo/demo-control'
import { configure } from './config'
import { db, DEFAULT_RATE_LIMITS, type MockConfig } from './db'
import { RECEIVER_MODES, toDeliveryResponse } from './deliveries'
import { checkEventInput, raiseEvent, sampleEventData } from './events'
import { failNext, type FaultMatch } from './faults'
import { handlers } from './handlers'
import { onLiveEvent, syncLiveTraffic } from './live-traffic'
import { deserializeState, serializeState, STORAGE_KEY } from './persistence'
import { USER_DIRECTORY } from './resources'
import { resetDb, SEED_SECRETS } from './seed'

/** Control of the in-browser mock tenant, for demos and end-to-end tests; the console's Demo controls use it too. */
export type MockTenantControl = Omit<DemoControl, 'configure' | 'getConfig'> & {
  /** Back to the seed: webhooks, deliveries, configuration; pending faults are dropped. */
  reset(): void
  /** Changes the mock's configuration (persona, user, quotas, failure threshold, receivers, live traffic, coreApi, rateLimits…); returns all of it; throws ConfigError on a bad value. */
  configure(patch: Partial<MockConfig>): MockConfig
  getConfig(): MockConfig
  /** The next `times` (default 1) requests with this method and a path containing `path` answer `status`. */
  failNext(match: FaultMatch, status: number, times?: number): void
  /** Raises an event (see mocks/events.ts): to every subscriber, or to `webhookId` alone as a test. */
  raiseEvent(input: { eventType: string; data?: Record<string, unknown>; webhookId?: string; resourceId?: string }): Promise<Delivery[]>
}

declare global {
  interface Window {
    mockTenant: MockTenantControl
  }
}

function persist(): void {
  try {
    localStorage.setItem(STORAGE_KEY, serializeState(db.state))
  } catch (error) {
    // A full or blocked storage costs the demo its persistence, nothing else.
    console.warn('The mock tenant could not save its state:', error)
  }
}

function restore(): void {
  let stored: string | null = null
  try {
    stored = localStorage.getItem(STORAGE_KEY)
  } catch {
    // storage blocked: start from the seed
  }
  const state = deserializeState(stored)
  if (state) db.state = state
  else resetDb()
}

/**
 * Every API request goes through the shared handlers; a write is saved
 * before its answer leaves, so that a reload right after it keeps it.
 */
const persistingHandler = http.all('*/api/*', async ({ request }) => {
  const response = await getResponse(handlers, request)
  if (response && request.method !== 'GET' && request.method !== 'HEAD') persist()
  return response
})

/** Performance measures `npm run bench` reads: the state (seed, or restored after a reload), and the whole start. */
export const MOCK_STATE_MEASURE = 'mock-tenant:state'
export const MOCK_START_MEASURE = 'mock-tenant:start'

const listeners = new Set<() => void>()
function changed(): void {
  persist()
  for (const listener of listeners) listener()
}

/** Starts the mock tenant in the browser: a service worker answers `/api/v1/webhooks`. */
export async function startMockWorker(): Promise<MockTenantControl> {
  const start = performance.now()
  restore()
  performance.measure(MOCK_STATE_MEASURE, { start })
  const worker = setupWorker(persistingHandler)
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  })
  // Set once the worker listens, so that its presence means the mock answers.
  const control: MockTenantControl = {
    users: USER_DIRECTORY,
    receiverModes: RECEIVER_MODES,
    defaultRateLimits: DEFAULT_RATE_LIMITS,
    reset() {
      resetDb()
      syncLiveTraffic()
      changed()
    },
    getConfig: () => db.state.config,
    webhooks: () => db.state.webhooks.map((w) => ({ id: w.id, name: w.name ?? w.id })),
    configure(patch) {
      const config = configure(patch)
      changed()
      return config
    },
    failNext,
    async raiseEvent(input) {
      const event = await raiseEvent(checkEventInput(input))
      changed()
      return Promise.all(event.deliveries.map((d) => toDeliveryResponse(d, SEED_SECRETS)))
    },
    sampleEventData: (webhookId, eventType) => sampleEventData(webhookId, eventType),
    async sendTestEvent({ webhookId, eventType, data }) {
      const event = await raiseEvent(checkEventInput({ eventType, webhookId, data, replaceData: true }))
      changed()
      return toDeliveryResponse(event.deliveries[0]!, SEED_SECRETS)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  onLiveEvent(changed)
  syncLiveTraffic()
  window.mockTenant = control
  performance.measure(MOCK_START_MEASURE, { start })
  return control
}

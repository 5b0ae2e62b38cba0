import { getResponse, http } from 'msw'
import { setupWorker } from 'msw/browser'
import { configureMock } from './configure'
import { db, type MockConfig } from './db'
import { failNext, type FaultMatch } from './faults'
import { handlers } from './handlers'
import { deserializeState, serializeState, STORAGE_KEY } from './persistence'
import { resetDb } from './seed'

/** Control of the in-browser mock tenant, for demos and end-to-end tests. */
export type MockTenantControl = {
  /** Back to the seed: webhooks, deliveries, configuration; pending faults are dropped. */
  reset(): void
  /** Changes the mock's configuration (persona, quotas, failure threshold, receivers, coreApi, rateLimits…); throws on a bad value. */
  configure(patch: Partial<MockConfig>): void
  /** The next `times` (default 1) requests with this method and a path containing `path` answer `status`. */
  failNext(match: FaultMatch, status: number, times?: number): void
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

/** Starts the mock tenant in the browser: a service worker answers `/api/v1/webhooks`. */
export async function startMockWorker(): Promise<void> {
  restore()
  const worker = setupWorker(persistingHandler)
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  })
  // Set once the worker listens, so that its presence means the mock answers.
  window.mockTenant = {
    reset() {
      resetDb()
      persist()
    },
    configure(patch) {
      const refused = configureMock(patch)
      if (refused) throw new TypeError(refused)
      persist()
    },
    failNext,
  }
}

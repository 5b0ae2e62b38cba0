import { setupWorker } from 'msw/browser'
import { handlers } from './handlers'
import { resetDb } from './seed'

/** Starts the mock tenant in the browser: a service worker answers `/api/v1/webhooks`. */
export async function startMockWorker(): Promise<void> {
  resetDb()
  const worker = setupWorker(...handlers)
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  })
}

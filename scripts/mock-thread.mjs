// The in-process mock tenant (the MSW handlers, answered through msw's
// getResponse(), no HTTP) on a worker thread, for the hostile-input suite:
// a handler that never returns can then be cut off with worker.terminate(),
// where on the test's own thread it would block the timer meant to catch it.
// Loaded through Vite's module runner for the reason scripts/mock-server.mjs gives.
import { fileURLToPath } from 'node:url'
import { parentPort } from 'node:worker_threads'
import { runnerImport } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))
const { module } = await runnerImport(`${root}mocks/contract/thread-entry.ts`, { root, configFile: false, logLevel: 'error' })
const { getResponse, handlers, resetDb } = module
resetDb()

parentPort.on('message', async ({ id, kind, url, method, headers, body }) => {
  try {
    if (kind === 'reset') {
      resetDb()
      parentPort.postMessage({ id, status: 204, headers: [], body: null })
      return
    }
    const request = new Request(url, { method, headers, ...(body ? { body } : {}) })
    const response = await getResponse(handlers, request)
    if (!response) {
      parentPort.postMessage({ id, unhandled: true })
      return
    }
    parentPort.postMessage({ id, status: response.status, headers: [...response.headers], body: await response.arrayBuffer() })
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  }
})
parentPort.postMessage({ ready: true })

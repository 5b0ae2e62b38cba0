import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { configureApi, deprecationStore, resetWebhooksApiChoices } from '../api'
import { mockServer } from '../../mocks/node'
import { resetDb } from '../../mocks/seed'

// A component's first render in a file pays for its imports: on a busy
// two-core machine that alone can pass Testing Library's 1 s default wait.
configure({ asyncUtilTimeout: 3000 })

// Every test talks to the mock tenant in process, starting from the seed.
beforeAll(() => {
  configureApi({ baseUrl: () => 'http://localhost' })
  mockServer.listen({ onUnhandledRequest: 'error' })
})
beforeEach(() => {
  resetDb()
  resetWebhooksApiChoices()
  deprecationStore.clear()
})
afterEach(() => {
  cleanup()
  mockServer.resetHandlers()
})
afterAll(() => mockServer.close())

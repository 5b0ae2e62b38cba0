import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { configureApi, deprecationStore, resetWebhooksApiChoices } from '../api'
import { mockServer } from '../../mocks/node'
import { resetDb } from '../../mocks/seed'

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

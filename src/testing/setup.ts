import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { configureApi } from '../api'
import { mockServer } from '../../mocks/node'
import { resetDb } from '../../mocks/seed'

// Every test talks to the mock tenant in process, starting from the seed.
beforeAll(() => {
  configureApi({ baseUrl: () => 'http://localhost' })
  mockServer.listen({ onUnhandledRequest: 'error' })
})
beforeEach(() => resetDb())
afterEach(() => {
  cleanup()
  mockServer.resetHandlers()
})
afterAll(() => mockServer.close())

import { setupServer } from 'msw/node'
import { handlers } from './handlers'

/** The mock tenant inside Node, for unit, component and contract tests. */
export const mockServer = setupServer(...handlers)

import { db } from '../db'
import { webhookContract } from './webhooks.contract'

// The contract in process, against the MSW node server of src/testing/setup.ts,
// which already puts the tenant back to the seed (config included) before each test.
webhookContract('webhook operations against the in-process mock tenant', {
  reset: () => {},
  configure: (patch) => {
    db.state.config = { ...db.state.config, ...patch }
  },
})

import { configure } from '../config'
import type { MockConfig } from '../db'
import { webhookContract } from './webhooks.contract'

// The contract in process, against the MSW node server of src/testing/setup.ts,
// which already puts the tenant back to the seed (config included) before each test.
const env = {
  reset: () => {},
  configure: (patch: Partial<MockConfig>) => {
    configure(patch)
  },
}
for (const api of ['core', 'v1'] as const) webhookContract('webhook operations against the in-process mock tenant', env, api)

// @vitest-environment node
import { afterAll, beforeAll } from 'vitest'
import { REQUEST_BOUND_MS, hostileContract } from './hostile.contract'
import { startMockThread } from './mock-thread'

// The hostile-input suite on the in-process handlers. They run on a worker
// thread (scripts/mock-thread.mjs): a handler that loops would block this
// thread's timers too, and the bound could never fire.
const thread = startMockThread(REQUEST_BOUND_MS)
beforeAll(() => thread.ready(), 120_000)
afterAll(() => thread.close())

hostileContract('hostile input against the in-process mock tenant', thread)

// What scripts/mock-thread.mjs loads, as one module graph: the handlers,
// the store they share and the seed, exactly as the in-process mock has them.
export { getResponse } from 'msw'
export { handlers } from '../handlers'
export { resetDb } from '../seed'

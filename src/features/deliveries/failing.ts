// What "Failing" needs beyond the first page: read lazily by use-failing-ids.ts.
export { deliveryIndexQuery } from './background'
export { computeHealth, isFailing } from './health'

import type { z } from 'zod/mini'
import type * as Schemas from './schemas'

// The wire schemas, and zod with them, are a chunk of their own: the first
// paint needs neither, and the chunk loads while the first request is on
// the wire, so that its answer is checked as soon as it lands.

type SchemaName = { [K in keyof typeof Schemas]: (typeof Schemas)[K] extends z.ZodMiniType ? K : never }[keyof typeof Schemas]

let loading: Promise<typeof Schemas> | undefined

/** The schemas module, loaded once. */
export const loadSchemas = (): Promise<typeof Schemas> => (loading ??= import('./schemas'))

/** A wire schema by name, for `request`: loaded when the first request that needs it starts. */
export const wire =
  <K extends SchemaName>(name: K) =>
  (): Promise<(typeof Schemas)[K]> =>
    loadSchemas().then((schemas) => schemas[name])

import { z } from 'zod/mini'
import { CORE_PATCH_PATHS, LEVELS, ORIGINS } from './constants'

// zod/mini: the same checks as zod behind a tree-shakable, functional API.
// These schemas load with the first request (./wire), not with the first page.

// Wire schemas of the Qlik Webhooks API (v1), field for field as
// ../shared/qlik/webhooks-api.md §4. Every TypeScript type of the API is
// inferred from these; nothing is typed twice.

export * from './constants'

export const levelSchema = z.enum(LEVELS)
export const originSchema = z.enum(ORIGINS)
// Not z.record: it copies into a fresh object by assignment, and a header
// named "__proto__" would vanish on the way. The map is checked as it is.
export const headerMapSchema = z
  .custom<Record<string, string>>((value) => value !== null && typeof value === 'object' && !Array.isArray(value), {
    error: 'Invalid input: expected an object of header names to values',
  })
  .check(
    z.superRefine((map, ctx) => {
      for (const [name, value] of Object.entries(map)) {
        if (typeof value !== 'string') {
          ctx.addIssue({
            code: 'invalid_type',
            expected: 'string',
            input: value,
            path: [name],
            message: `Invalid input: expected string, received ${typeof value}`,
          })
        }
      }
    }),
  )
/** Fields a client may write (POST and PUT bodies). */
const webhookWritable = {
  name: z.string(),
  url: z.string(),
  description: z.optional(z.string()),
  eventTypes: z.optional(z.array(z.string())),
  level: z.optional(levelSchema),
  ownerId: z.optional(z.string()),
  filter: z.optional(z.string()),
  secret: z.optional(z.string()),
  enabled: z.optional(z.boolean()),
  headers: z.optional(headerMapSchema),
  encryptedHeaders: z.optional(headerMapSchema),
  enableCloudEventDelivery: z.optional(z.boolean()),
  checkCertificateRevocation: z.optional(z.boolean()),
}

/** PUT body: full replacement. */
export const webhookBaseSchema = z.object(webhookWritable)
/** POST body: as PUT, plus the origin, which only a create may set. */
export const webhookPostSchema = z.object({ ...webhookWritable, origin: z.optional(originSchema) })

/**
 * A webhook as the API returns it. Every field is optional on the wire
 * (webhooks-api.md §4.1); the secret is never part of it and encrypted
 * headers come back as a list of names.
 */
export const webhookResponseSchema = z.object({
  id: z.string(),
  name: z.optional(z.string()),
  url: z.optional(z.string()),
  description: z.optional(z.string()),
  eventTypes: z.optional(z.array(z.string())),
  level: z.optional(z.string()),
  ownerId: z.optional(z.string()),
  filter: z.optional(z.string()),
  enabled: z.optional(z.boolean()),
  headers: z.optional(headerMapSchema),
  encryptedHeaders: z.optional(z.array(z.string())),
  enableCloudEventDelivery: z.optional(z.boolean()),
  checkCertificateRevocation: z.optional(z.boolean()),
  // Kept as text when it is not one the console knows: Qlik adds origins and levels over time.
  origin: z.optional(z.string()),
  secretKeyAdded: z.optional(z.boolean()),
  createdAt: z.optional(z.string()),
  updatedAt: z.optional(z.string()),
  createdByUserId: z.optional(z.string()),
  updatedByUserId: z.optional(z.string()),
  disabledReason: z.optional(z.string()),
  disabledReasonCode: z.optional(z.string()),
})

/** A link as the API sends it: `{ href }`, or `{ href: null }` where there is none (Qlik's pagination page). */
const wireLinkSchema = z.optional(z.nullable(z.object({ href: z.optional(z.nullable(z.string())) })))
const wireLinksSchema = z.optional(z.nullable(z.object({ self: wireLinkSchema, next: wireLinkSchema, prev: wireLinkSchema })))
type WireLink = z.infer<typeof wireLinkSchema>
const toLink = (link: WireLink) => (link?.href ? { href: link.href } : undefined)

export type Link = { href: string }
/** Links as the console uses them: each one present only when it has an href. */
export type Links = { self?: Link; next?: Link; prev?: Link }

/** Accepts `links` missing, `null`, or with any link missing or `{ href: null }`. */
export const linksSchema = z.pipe(
  wireLinksSchema,
  z.transform((links): Links => {
    const out: Links = {}
    const self = toLink(links?.self)
    const next = toLink(links?.next)
    const prev = toLink(links?.prev)
    if (self) out.self = self
    if (next) out.next = next
    if (prev) out.prev = prev
    return out
  }),
)

/** A list item that does not have the documented shape: the rest of the list is still shown. */
export type UnreadableItem = {
  /** Its place in the page, from 0. */
  index: number
  /** Its id, when it has a readable one. */
  id?: string
  /** Where it is wrong, e.g. `id` or `request.headers`. */
  field: string
  /** `missing` when the field is absent, else `invalid`. */
  problem: 'missing' | 'invalid'
}

/** A page of `item`s; items that cannot be read are set aside in `unreadable`, each with what is wrong. */
function listSchema<T>(item: z.ZodMiniType<T>) {
  return z.pipe(
    z.object({ data: z.array(z.unknown()), links: linksSchema }),
    z.transform(({ data, links }) => {
      const items: T[] = []
      const unreadable: UnreadableItem[] = []
      data.forEach((raw, index) => {
        const result = item.safeParse(raw)
        if (result.success) {
          items.push(result.data)
          return
        }
        const issue = result.error.issues[0]
        const id = raw && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string' ? raw.id : undefined
        const at = (issue?.path ?? []).reduce<unknown>(
          (value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
          raw,
        )
        const missing = issue?.code === 'invalid_type' && at === undefined
        unreadable.push({
          index,
          id,
          field: issue?.path.length ? issue.path.join('.') : '(item)',
          problem: missing ? 'missing' : 'invalid',
        })
      })
      return { data: items, unreadable, links }
    }),
  )
}

export const webhookListSchema = listSchema(webhookResponseSchema)

export const webhookPatchSchema = z.object({
  op: z.enum(['add', 'remove', 'replace']),
  path: z.union([z.enum(CORE_PATCH_PATHS), z.string().check(z.regex(/^\/(headers|encryptedHeaders)\/.+$/))]),
  value: z.optional(z.union([z.boolean(), z.number(), z.string(), z.array(z.string()), headerMapSchema])),
})

export const deliverySchema = z.object({
  id: z.string(),
  webhookId: z.string(),
  eventType: z.string(),
  // `success` or `fail` today; another value is kept and shown as it is.
  status: z.string(),
  triggeredAt: z.string(),
  statusMessage: z.optional(z.string()),
  request: z.optional(
    z.object({
      url: z.optional(z.string()),
      body: z.optional(z.record(z.string(), z.unknown())),
      headers: z.optional(headerMapSchema),
    }),
  ),
  response: z.optional(
    z.object({
      statusCode: z.optional(z.number()),
      headers: z.optional(headerMapSchema),
      body: z.optional(z.string()),
    }),
  ),
})

export const deliveryListSchema = listSchema(deliverySchema)

export const eventTypeSchema = z.object({
  name: z.optional(z.string()),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  category: z.optional(z.string()),
  levels: z.optional(z.array(z.string())),
  // Not in v1's catalogue, and Core's shape is unpublished: the mock marks the
  // types Qlik replaced. Read liberally, so that another spelling never hides
  // the whole catalogue.
  deprecated: z.catch(z.optional(z.boolean()), undefined),
  replacedBy: z.catch(z.optional(z.string()), undefined),
})
export const eventTypesSchema = z.object({ data: z.array(eventTypeSchema) })

const errorExtras = {
  detail: z.optional(z.string()),
  /** JSON:API style: where in the request the problem is, e.g. `{ pointer: "/url" }`. */
  source: z.optional(z.object({ pointer: z.optional(z.string()), parameter: z.optional(z.string()) })),
  meta: z.optional(z.record(z.string(), z.unknown())),
}
export const errorSchema = z.object({ code: z.string(), title: z.string(), ...errorExtras })
/** What the client accepts in an error answer: an item without code or title is still read. */
export const wireErrorResponseSchema = z.object({
  errors: z.optional(z.array(z.object({ code: z.optional(z.string()), title: z.optional(z.string()), ...errorExtras }))),
  traceId: z.optional(z.string()),
})
export const errorResponseSchema = z.object({
  errors: z.optional(z.array(errorSchema)),
  traceId: z.optional(z.string()),
})

export type Level = z.infer<typeof levelSchema>
export type Origin = z.infer<typeof originSchema>
export type WebhookBase = z.infer<typeof webhookBaseSchema>
export type WebhookPost = z.infer<typeof webhookPostSchema>
export type Webhook = z.infer<typeof webhookResponseSchema>
export type WebhookList = z.output<typeof webhookListSchema>
export type WebhookPatch = z.infer<typeof webhookPatchSchema>
export type Delivery = z.infer<typeof deliverySchema>
export type DeliveryList = z.output<typeof deliveryListSchema>
export type EventType = z.infer<typeof eventTypeSchema>
export type EventTypes = z.infer<typeof eventTypesSchema>
export type ApiErrorItem = z.infer<typeof errorSchema>
export type ErrorResponse = z.infer<typeof errorResponseSchema>
/** A user of Qlik's Users API, as the console reads it: any of these may be missing or null. */
export const userSchema = z.object({
  id: z.optional(z.nullable(z.string())),
  name: z.optional(z.nullable(z.string())),
  email: z.optional(z.nullable(z.string())),
})
export type User = z.infer<typeof userSchema>

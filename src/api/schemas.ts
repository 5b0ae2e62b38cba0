import { z } from 'zod/mini'
import { DELIVERY_STATUSES, LEVELS, ORIGINS, PATCH_PATHS } from './constants'

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
  level: z.optional(levelSchema),
  ownerId: z.optional(z.string()),
  filter: z.optional(z.string()),
  enabled: z.optional(z.boolean()),
  headers: z.optional(headerMapSchema),
  encryptedHeaders: z.optional(z.array(z.string())),
  enableCloudEventDelivery: z.optional(z.boolean()),
  checkCertificateRevocation: z.optional(z.boolean()),
  origin: z.optional(originSchema),
  secretKeyAdded: z.optional(z.boolean()),
  createdAt: z.optional(z.string()),
  updatedAt: z.optional(z.string()),
  createdByUserId: z.optional(z.string()),
  updatedByUserId: z.optional(z.string()),
  disabledReason: z.optional(z.string()),
  disabledReasonCode: z.optional(z.string()),
})

export const linkSchema = z.object({ href: z.string() })
export const linksSchema = z.object({
  self: linkSchema,
  next: z.optional(linkSchema),
  prev: z.optional(linkSchema),
})

export const webhookListSchema = z.object({
  data: z.array(webhookResponseSchema),
  links: linksSchema,
})

export const webhookPatchSchema = z.object({
  op: z.enum(['add', 'remove', 'replace']),
  path: z.enum(PATCH_PATHS),
  value: z.optional(z.union([z.boolean(), z.number(), z.string(), z.array(z.string()), headerMapSchema])),
})

export const deliverySchema = z.object({
  id: z.string(),
  webhookId: z.string(),
  eventType: z.string(),
  status: z.enum(DELIVERY_STATUSES),
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

export const deliveryListSchema = z.object({
  data: z.array(deliverySchema),
  links: linksSchema,
})

export const eventTypeSchema = z.object({
  name: z.optional(z.string()),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  category: z.optional(z.string()),
  levels: z.optional(z.array(z.string())),
})
export const eventTypesSchema = z.object({ data: z.array(eventTypeSchema) })

export const errorSchema = z.object({
  code: z.string(),
  title: z.string(),
  detail: z.optional(z.string()),
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
export type WebhookList = z.infer<typeof webhookListSchema>
export type WebhookPatch = z.infer<typeof webhookPatchSchema>
export type Delivery = z.infer<typeof deliverySchema>
export type DeliveryList = z.infer<typeof deliveryListSchema>
export type EventType = z.infer<typeof eventTypeSchema>
export type EventTypes = z.infer<typeof eventTypesSchema>
export type ApiErrorItem = z.infer<typeof errorSchema>
export type ErrorResponse = z.infer<typeof errorResponseSchema>
export type Links = z.infer<typeof linksSchema>

/** A user of Qlik's Users API, as the console reads it: any of these may be missing or null. */
export const userSchema = z.object({
  id: z.optional(z.nullable(z.string())),
  name: z.optional(z.nullable(z.string())),
  email: z.optional(z.nullable(z.string())),
})
export type User = z.infer<typeof userSchema>

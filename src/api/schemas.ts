import { z } from 'zod'

// Wire schemas of the Qlik Webhooks API (v1), field for field as
// ../shared/qlik/webhooks-api.md §4. Every TypeScript type of the API is
// inferred from these; nothing is typed twice.

export const LEVELS = ['tenant', 'user'] as const
export const ORIGINS = ['api', 'automations', 'management-console'] as const
export const WEBHOOK_SORT_FIELDS = ['name', 'url', 'createdAt', 'updatedAt'] as const
export const DELIVERY_SORT_FIELDS = ['status', 'triggeredAt'] as const
export const DELIVERY_STATUSES = ['success', 'fail'] as const
export const PATCH_PATHS = [
  '/name',
  '/description',
  '/url',
  '/eventTypes',
  '/headers',
  '/enabled',
  '/secret',
  '/encryptedHeaders',
  '/enableCloudEventDelivery',
] as const

export const LIMITS = {
  name: 512,
  url: 2048,
  description: 1024,
  secretMin: 32,
  secretMax: 64,
  headerBytes: 2048,
  pageMin: 1,
  pageMax: 100,
} as const

export const levelSchema = z.enum(LEVELS)
export const originSchema = z.enum(ORIGINS)
export const headerMapSchema = z.record(z.string(), z.string())

/** Fields a client may write (POST and PUT bodies). */
const webhookWritable = {
  name: z.string(),
  url: z.string(),
  description: z.string().optional(),
  eventTypes: z.array(z.string()).optional(),
  level: levelSchema.optional(),
  ownerId: z.string().optional(),
  filter: z.string().optional(),
  secret: z.string().optional(),
  enabled: z.boolean().optional(),
  headers: headerMapSchema.optional(),
  encryptedHeaders: headerMapSchema.optional(),
  enableCloudEventDelivery: z.boolean().optional(),
  checkCertificateRevocation: z.boolean().optional(),
}

/** PUT body: full replacement. */
export const webhookBaseSchema = z.object(webhookWritable)
/** POST body: as PUT, plus the origin, which only a create may set. */
export const webhookPostSchema = z.object({ ...webhookWritable, origin: originSchema.optional() })

/**
 * A webhook as the API returns it. Every field is optional on the wire
 * (webhooks-api.md §4.1); the secret is never part of it and encrypted
 * headers come back as a list of names.
 */
export const webhookResponseSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  url: z.string().optional(),
  description: z.string().optional(),
  eventTypes: z.array(z.string()).optional(),
  level: levelSchema.optional(),
  ownerId: z.string().optional(),
  filter: z.string().optional(),
  enabled: z.boolean().optional(),
  headers: headerMapSchema.optional(),
  encryptedHeaders: z.array(z.string()).optional(),
  enableCloudEventDelivery: z.boolean().optional(),
  checkCertificateRevocation: z.boolean().optional(),
  origin: originSchema.optional(),
  secretKeyAdded: z.boolean().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  createdByUserId: z.string().optional(),
  updatedByUserId: z.string().optional(),
  disabledReason: z.string().optional(),
  disabledReasonCode: z.string().optional(),
})

export const linkSchema = z.object({ href: z.string() })
export const linksSchema = z.object({
  self: linkSchema,
  next: linkSchema.optional(),
  prev: linkSchema.optional(),
})

export const webhookListSchema = z.object({
  data: z.array(webhookResponseSchema),
  links: linksSchema,
})

export const webhookPatchSchema = z.object({
  op: z.enum(['add', 'remove', 'replace']),
  path: z.enum(PATCH_PATHS),
  value: z
    .union([z.boolean(), z.number(), z.string(), z.array(z.string()), headerMapSchema])
    .optional(),
})
export const webhookPatchListSchema = z.array(webhookPatchSchema)

export const deliverySchema = z.object({
  id: z.string(),
  webhookId: z.string(),
  eventType: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  triggeredAt: z.string(),
  statusMessage: z.string().optional(),
  request: z
    .object({
      url: z.string().optional(),
      body: z.record(z.string(), z.unknown()).optional(),
      headers: headerMapSchema.optional(),
    })
    .optional(),
  response: z
    .object({
      statusCode: z.number().optional(),
      headers: headerMapSchema.optional(),
      body: z.string().optional(),
    })
    .optional(),
})

export const deliveryListSchema = z.object({
  data: z.array(deliverySchema),
  links: linksSchema,
})

export const eventTypeSchema = z.object({
  name: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  category: z.string().optional(),
  levels: z.array(z.string()).optional(),
})
export const eventTypesSchema = z.object({ data: z.array(eventTypeSchema) })

export const errorSchema = z.object({
  code: z.string(),
  title: z.string(),
  detail: z.string().optional(),
})
export const errorResponseSchema = z.object({
  errors: z.array(errorSchema).optional(),
  traceId: z.string().optional(),
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

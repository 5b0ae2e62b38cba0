// Values of the Qlik Webhooks API that the first page needs, free of zod:
// the wire schemas (./schemas) are a chunk of their own (./wire).

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
/** Core (`/api/core/webhooks`) adds four paths to v1's nine, and single members of the two header maps. */
export const CORE_PATCH_PATHS = [...PATCH_PATHS, '/filter', '/level', '/ownerId', '/checkCertificateRevocation'] as const

// Kept in lib, where the validators that count them live (lib may not import api).
export { LIMITS } from '../lib/limits'

/** What a delivery record shows in place of an encrypted header's value. */
export const OMITTED_HEADER_VALUE = '**OMITTED**'

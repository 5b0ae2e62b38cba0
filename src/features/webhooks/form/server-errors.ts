import { errorField, type ApiErrorItem } from '../../../api'

/** Fields of the form a server error can be shown on. */
export type ErrorField =
  'name' | 'description' | 'url' | 'secret' | 'headers' | 'eventTypes' | 'level' | 'filter' | 'enableCloudEventDelivery'

// Qlik's ErrorResponse has no field pointer, only code, title and detail.
// The field is read from the code where it is specific, else from the words
// of the message, most specific first ("header name" is about headers, not
// the webhook's name).
const BY_WORDS: [RegExp, ErrorField][] = [
  [/cloud ?events?|enableCloudEventDelivery/i, 'enableCloudEventDelivery'],
  [/header/i, 'headers'],
  [/secret/i, 'secret'],
  [/filter|data\.status/i, 'filter'],
  [/event ?types?|\bevents?\b/i, 'eventTypes'],
  [/\blevel\b|tenant ?admin/i, 'level'],
  [/\burl\b|https|host|ip address|localhost|redirect/i, 'url'],
  [/description/i, 'description'],
  [/\bname\b/i, 'name'],
]

const FIELDS = new Set<string>(BY_WORDS.map(([, field]) => field))
const ALIASES: Record<string, ErrorField> = { encryptedHeaders: 'headers' }

/**
 * The field a JSON pointer names (`source.pointer`, or `pointer`/`field` in
 * `meta`), e.g. `/url` or `/encryptedHeaders/Authorization`.
 */
function pointerField(item: ApiErrorItem): ErrorField | null {
  const meta = item.meta ?? {}
  const pointer = [item.source?.pointer, meta.pointer, meta.field].find((value): value is string => typeof value === 'string')
  if (!pointer) return null
  const top = pointer.replace(/^#?\//, '').split('/')[0] ?? ''
  if (FIELDS.has(top)) return top as ErrorField
  return ALIASES[top] ?? null
}

export function fieldOfError(item: ApiErrorItem, status: number): ErrorField | null {
  if (status === 401 || status === 404 || status === 429 || status >= 500) return null
  const text = `${item.detail ?? ''} ${item.title}`
  // A 403 about the quota belongs to no field; one about CloudEvents to its switch.
  if (status === 403 && /quota|(at most|up to) \d+ webhooks/i.test(text)) return null
  const pointed = pointerField(item)
  if (pointed) return pointed
  // The mock tenant's validation errors name their field first ("url: …"), its own
  // convention (see api/rules.ts); a real tenant's are placed by their words below.
  const named = errorField(item)?.field
  if (named && (FIELDS.has(named) || named in ALIASES)) return ALIASES[named] ?? (named as ErrorField)
  if (isTenantLevelRefusal(item, status)) return 'level'
  for (const [pattern, field] of BY_WORDS) if (pattern.test(text)) return field
  return null
}

/** Whether a refusal says that the caller may not use tenant level. */
export function isTenantLevelRefusal(item: ApiErrorItem, status: number): boolean {
  const text = `${item.title} ${item.detail ?? ''}`
  return status === 403 && !/quota/i.test(text) && /tenant/i.test(text) && /level/i.test(text)
}

/** The words of an error item for a person, without the field prefix when it has one. */
export const errorMessageOf = (item: ApiErrorItem) => errorField(item)?.message ?? item.detail ?? item.title

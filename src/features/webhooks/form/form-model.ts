import { z } from 'zod'
import {
  eventTypeIssues,
  levelSchema,
  webhookBaseSchema,
  webhookPostRules,
  webhookPostSchema,
  type EventType,
  type Level,
  type Webhook,
  type WebhookBase,
  type WebhookPatch,
  type WebhookPost,
  type WebhooksApi,
} from '../../../api'
import { validateHeaderRows } from '../../../lib/validation'

// The form's schema is the API's POST schema, field for field, reshaped for
// editing (strings instead of absent values, header rows instead of two
// maps) and checked with the same validators the mock tenant uses.

const wire = webhookPostSchema.shape

const baseSchema = z.object({
  name: wire.name,
  description: z.string(),
  url: wire.url,
  // `none`: no secret saved; the field is optional. `kept`: a secret is saved
  // and stays as it is. `replace`: a new one is being entered. `remove`: the
  // saved one goes on Save.
  secretMode: z.enum(['none', 'kept', 'replace', 'remove']),
  secret: z.string(),
  // `stored` marks an encrypted header that is saved on the tenant: the API
  // returns its name only, so its value is empty here until the person
  // enters a new one.
  headers: z.array(z.object({ name: z.string(), value: z.string(), encrypted: z.boolean(), stored: z.boolean() })),
  eventTypes: z.array(z.string()),
  level: levelSchema,
  filter: z.string(),
  enabled: z.boolean(),
  checkCertificateRevocation: z.boolean(),
  enableCloudEventDelivery: z.boolean(),
})

export type WebhookFormValues = z.infer<typeof baseSchema>

export type FormContext = {
  /** The webhook being edited, as the API returned it; absent when creating. */
  original?: Webhook
  /** The catalogue; event types outside it are not checked for level. */
  eventTypes: EventType[]
  /** Why this caller may not use tenant level, when that is known. */
  tenantLevelDenied?: string
  /** Which API saves: Core patches every field; v1 needs a PUT for filter, level and certificate check. */
  api: WebhooksApi
}

export function emptyFormValues(): WebhookFormValues {
  return {
    name: '',
    description: '',
    url: '',
    secretMode: 'none',
    secret: '',
    headers: [],
    eventTypes: [],
    level: 'tenant',
    filter: '',
    // The console documents new webhooks as enabled; the API's own default is off.
    enabled: true,
    checkCertificateRevocation: false,
    enableCloudEventDelivery: true,
  }
}

export function formValuesOf(webhook: Webhook): WebhookFormValues {
  return {
    name: webhook.name ?? '',
    description: webhook.description ?? '',
    url: webhook.url ?? '',
    secretMode: webhook.secretKeyAdded ? 'kept' : 'none',
    secret: '',
    headers: [
      ...Object.entries(webhook.headers ?? {}).map(([name, value]) => ({ name, value, encrypted: false, stored: false })),
      ...(webhook.encryptedHeaders ?? []).map((name) => ({ name, value: '', encrypted: true, stored: true })),
    ],
    eventTypes: webhook.eventTypes ?? [],
    // A level the console does not know is shown as tenant, the API's default.
    level: webhook.level === 'user' ? 'user' : 'tenant',
    filter: webhook.filter ?? '',
    enabled: webhook.enabled ?? false,
    checkCertificateRevocation: webhook.checkCertificateRevocation ?? false,
    enableCloudEventDelivery: webhook.enableCloudEventDelivery ?? false,
  }
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i])
const sortedNames = (names: Iterable<string>) => [...names].map((n) => n.toLowerCase()).sort()

/** Whether the change touches a field v1 PATCH cannot change (filter, level, checkCertificateRevocation). */
export function changesPutOnlyField(values: WebhookFormValues, original: Webhook | undefined): boolean {
  if (!original) return false
  return (
    values.filter.trim() !== (original.filter ?? '') ||
    values.level !== (original.level ?? 'tenant') ||
    values.checkCertificateRevocation !== (original.checkCertificateRevocation ?? false)
  )
}

export const urlChanged = (values: WebhookFormValues, original: Webhook | undefined) =>
  Boolean(original) && values.url.trim() !== (original?.url ?? '')

/** Whether saving needs a PUT: on v1 only, when a field without a v1 PATCH path changed. */
export const needsReplace = (values: WebhookFormValues, original: Webhook | undefined, api: WebhooksApi) =>
  api === 'v1' && changesPutOnlyField(values, original)

/**
 * Whether the encrypted headers go out as a whole new set. The v1 API
 * replaces the set as one map and never returns its values, so then every
 * saved one must be entered again (or deleted).
 */
export function encryptedSetChanged(values: WebhookFormValues, original: Webhook | undefined): boolean {
  if (!original) return false
  const storedNow = values.headers.filter((row) => row.stored).map((row) => row.name)
  const added = values.headers.some((row) => row.encrypted && !row.stored)
  return added || !sameList(sortedNames(storedNow), sortedNames(original.encryptedHeaders ?? []))
}

/** Why saved encrypted values must be entered again, or null when they need not be. */
export function reentryReason(values: WebhookFormValues, original: Webhook | undefined, api: WebhooksApi): string | null {
  if (!original || !values.headers.some((row) => row.stored)) return null
  if (urlChanged(values, original)) return 'The URL changed, and Qlik requires every encrypted header to be entered again with a new URL.'
  if (needsReplace(values, original, api)) {
    return 'Saving this change replaces the whole webhook, and the API does not return encrypted values to keep.'
  }
  if (encryptedSetChanged(values, original)) {
    return 'The API saves encrypted headers as one set and never returns their values, so changing one means entering the others again.'
  }
  return null
}

/** Why the catalogue refuses an event type at a level, or null. */
export function levelProblem(type: EventType | undefined, level: Level): string | null {
  if (!type?.name) return null
  return eventTypeIssues([type.name], level, [type])[0]?.message ?? null
}

export function makeFormSchema(context: FormContext) {
  const { original, api } = context
  return baseSchema.superRefine((values, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message })

    // The API's own request rules, on the body this form would send. Headers
    // are left out here: they are checked per row below, with the same shared
    // validators, so that each message lands on its row.
    const body = { ...requestShape(values), headers: undefined, encryptedHeaders: undefined }
    const rules = webhookPostRules.safeParse(body)
    if (!rules.success) {
      for (const problem of rules.error.issues) {
        const field = String(problem.path[0] ?? '')
        issue([field in values ? field : 'root'], problem.message)
      }
    }
    if (values.eventTypes.length === 0) issue(['eventTypes'], 'Choose at least one event.')
    if (context.eventTypes.length) {
      const refused = eventTypeIssues(values.eventTypes, values.level, context.eventTypes)
      if (refused.length) issue(['eventTypes'], `${refused.map((r) => r.message).join(' ')} Unselect it or choose another level.`)
    }

    if (values.secretMode === 'replace' && values.secret === '') {
      issue(['secret'], 'Enter the new secret, or keep the saved one.')
    }
    if (values.secretMode === 'kept' && needsReplace(values, original, api)) {
      issue(
        ['secret'],
        'Saving this change replaces the whole webhook, and the API cannot keep a secret it never returns: enter it again (Replace) or remove it.',
      )
    }

    const headerCheck = validateHeaderRows(values.headers)
    const reentry = reentryReason(values, original, api)
    values.headers.forEach((row, index) => {
      const problems = headerCheck.rows[index] ?? {}
      if (problems.name) issue(['headers', index, 'name'], problems.name)
      if (problems.value) issue(['headers', index, 'value'], problems.value)
      else if (row.stored && reentry && row.value === '') {
        issue(['headers', index, 'value'], `Enter the value of "${row.name}" again, or delete the header. ${reentry}`)
      } else if (!row.stored && row.encrypted && row.value === '') {
        issue(['headers', index, 'value'], `Enter a value for the encrypted header${row.name ? ` "${row.name}"` : ''}.`)
      }
    })
    const setProblem = headerCheck.sets.headers ?? headerCheck.sets.encryptedHeaders
    if (setProblem) issue(['headers', 'root'], setProblem)

    if (values.level === 'tenant' && context.tenantLevelDenied && original?.level !== 'tenant') {
      issue(['level'], context.tenantLevelDenied)
    }
  })
}

/** The fields of a request body, before the choice of POST, PUT or PATCH. */
function requestShape(values: WebhookFormValues) {
  const { plain, encrypted } = headerMaps(values)
  const secret = values.secretMode === 'replace' || values.secretMode === 'none' ? values.secret || undefined : undefined
  return {
    name: values.name.trim(),
    url: values.url.trim(),
    description: values.description.trim() || undefined,
    eventTypes: values.eventTypes,
    level: values.level,
    filter: values.filter.trim() || undefined,
    secret,
    enabled: values.enabled,
    headers: nonEmpty(plain),
    encryptedHeaders: nonEmpty(encrypted),
    enableCloudEventDelivery: values.enableCloudEventDelivery,
    checkCertificateRevocation: values.checkCertificateRevocation,
  }
}

// Built from entries, not by assignment: `map["__proto__"] = value` would set the prototype and drop the header.
function headerMaps(values: WebhookFormValues) {
  const entries = (encrypted: boolean) =>
    Object.fromEntries(values.headers.filter((row) => row.encrypted === encrypted).map((row) => [row.name.trim(), row.value]))
  return { plain: entries(false) as Record<string, string>, encrypted: entries(true) as Record<string, string> }
}

const nonEmpty = (map: Record<string, string>) => (Object.keys(map).length ? map : undefined)

/** Create sends the full body; `enabled` explicitly, since the API's default is off. */
export function toCreateBody(values: WebhookFormValues): WebhookPost {
  return webhookPostSchema.parse(requestShape(values))
}

/**
 * PUT replaces everything, so it carries every value, including the secret
 * and encrypted headers, which the schema has made the person enter again.
 */
export function toReplaceBody(values: WebhookFormValues, original: Webhook): WebhookBase {
  return webhookBaseSchema.parse({ ...requestShape(values), ownerId: values.level === 'user' ? original.ownerId : undefined })
}

const sameMap = (a: Record<string, string>, b: Record<string, string>) =>
  sameList(Object.keys(a).sort(), Object.keys(b).sort()) && Object.keys(a).every((key) => a[key] === b[key])

/**
 * RFC 6902 operations for what changed, and nothing else: an untouched
 * secret or encrypted header is not mentioned at all.
 */
export function toPatchOperations(values: WebhookFormValues, original: Webhook, api: WebhooksApi = 'v1'): WebhookPatch[] {
  const ops: WebhookPatch[] = []
  const text = (path: '/name' | '/description' | '/url', next: string, before: string | undefined) => {
    if (next === (before ?? '')) return
    if (next === '') ops.push({ op: 'remove', path })
    else ops.push({ op: before === undefined ? 'add' : 'replace', path, value: next })
  }
  text('/name', values.name.trim(), original.name)
  text('/description', values.description.trim(), original.description)
  text('/url', values.url.trim(), original.url)

  if (!sameList(values.eventTypes, original.eventTypes ?? [])) {
    ops.push({ op: original.eventTypes ? 'replace' : 'add', path: '/eventTypes', value: values.eventTypes })
  }

  const { plain, encrypted } = headerMaps(values)
  if (!sameMap(plain, original.headers ?? {})) {
    if (!Object.keys(plain).length) ops.push({ op: 'remove', path: '/headers' })
    else ops.push({ op: original.headers ? 'replace' : 'add', path: '/headers', value: plain })
  }
  if (encryptedSetChanged(values, original) || (urlChanged(values, original) && original.encryptedHeaders?.length)) {
    if (!Object.keys(encrypted).length) ops.push({ op: 'remove', path: '/encryptedHeaders' })
    else ops.push({ op: original.encryptedHeaders?.length ? 'replace' : 'add', path: '/encryptedHeaders', value: encrypted })
  }

  if (values.enabled !== (original.enabled ?? false)) ops.push({ op: 'replace', path: '/enabled', value: values.enabled })

  if (values.secretMode === 'remove') ops.push({ op: 'remove', path: '/secret' })
  else if (values.secretMode === 'replace') ops.push({ op: 'replace', path: '/secret', value: values.secret })
  else if (values.secretMode === 'none' && values.secret) ops.push({ op: 'add', path: '/secret', value: values.secret })

  if (values.enableCloudEventDelivery && !original.enableCloudEventDelivery) {
    ops.push({ op: 'replace', path: '/enableCloudEventDelivery', value: true })
  }

  // Core's own paths: on v1 these fields go in a PUT instead (planSave).
  if (api === 'core') {
    const filter = values.filter.trim()
    if (filter !== (original.filter ?? '')) {
      if (filter === '') ops.push({ op: 'remove', path: '/filter' })
      else ops.push({ op: original.filter === undefined ? 'add' : 'replace', path: '/filter', value: filter })
    }
    if (values.level !== (original.level ?? 'tenant')) ops.push({ op: 'replace', path: '/level', value: values.level })
    if (values.checkCertificateRevocation !== (original.checkCertificateRevocation ?? false)) {
      ops.push({ op: 'replace', path: '/checkCertificateRevocation', value: values.checkCertificateRevocation })
    }
  }
  return ops
}

/** How a Save goes out: nothing, a PATCH of the changes, or a PUT of everything. */
export type SavePlan = { kind: 'none' } | { kind: 'patch'; operations: WebhookPatch[] } | { kind: 'replace'; body: WebhookBase }

export function planSave(values: WebhookFormValues, original: Webhook, api: WebhooksApi): SavePlan {
  if (needsReplace(values, original, api)) return { kind: 'replace', body: toReplaceBody(values, original) }
  const operations = toPatchOperations(values, original, api)
  return operations.length ? { kind: 'patch', operations } : { kind: 'none' }
}

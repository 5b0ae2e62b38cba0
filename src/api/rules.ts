import { z } from 'zod/mini'
import type { $RefinementCtx, $ZodError } from 'zod/v4/core'
import { validateFilter, validateHeaders, validateWebhookUrl } from '../lib/validation'
import { LIMITS, webhookBaseSchema, webhookPostSchema, type ApiErrorItem, type EventType, type Level, type WebhookBase } from './schemas'

// Request-side rules of webhooks-api.md §4.1 and §6, derived from the wire
// schemas so that the mock tenant and the create/edit form enforce the same
// thing. The event-type catalogue is data, not a rule: see eventTypeIssues.

function checkWebhook<T extends WebhookBase>(value: T, ctx: $RefinementCtx<T>): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message })

  if (value.name.trim() === '') issue(['name'], 'Enter a name.')
  else if (value.name.length > LIMITS.name) {
    issue(['name'], `The name must be at most ${LIMITS.name} characters; it has ${value.name.length}.`)
  }

  const urlProblem = validateWebhookUrl(value.url)
  if (urlProblem) issue(['url'], urlProblem)

  if (value.description !== undefined && value.description.length > LIMITS.description) {
    issue(['description'], `The description must be at most ${LIMITS.description} characters; it has ${value.description.length}.`)
  }

  // An empty secret means "no secret", as Qlik treats missing and "" alike.
  if (value.secret) {
    const length = value.secret.length
    if (length < LIMITS.secretMin || length > LIMITS.secretMax) {
      issue(['secret'], `The secret must be ${LIMITS.secretMin} to ${LIMITS.secretMax} characters long; it has ${length}.`)
    }
  }

  const events = value.eventTypes ?? []
  const repeated = events.find((name, index) => events.indexOf(name) !== index)
  if (repeated !== undefined) issue(['eventTypes'], `The event type "${repeated}" is listed more than once.`)

  for (const header of validateHeaders(value.headers, value.encryptedHeaders)) {
    issue(header.name === undefined ? [header.set] : [header.set, header.name], header.message)
  }

  if (value.filter) {
    const filterProblem = validateFilter(value.filter, { eventTypes: events })
    if (filterProblem) issue(['filter'], filterProblem.message)
  }
}

/** A POST body with every rule Qlik enforces on its fields. */
// Marked pure so that a bundle that does not use the rules (the first page) drops them.
export const webhookPostRules = /* @__PURE__ */ webhookPostSchema.check(z.superRefine(checkWebhook))
/** A PUT body, or a webhook after a PATCH, with every rule Qlik enforces on its fields. */
export const webhookBaseRules = /* @__PURE__ */ webhookBaseSchema.check(z.superRefine(checkWebhook))

export type FieldIssue = { field: string; message: string }

/**
 * Event types must be in the catalogue of `/event-types` and allowed at the
 * webhook's level (`EventType.levels`).
 */
export function eventTypeIssues(eventTypes: readonly string[] | undefined, level: Level, catalogue: readonly EventType[]): FieldIssue[] {
  const issues: FieldIssue[] = []
  for (const name of eventTypes ?? []) {
    const type = catalogue.find((t) => t.name === name)
    if (!type) issues.push({ field: 'eventTypes', message: `"${name}" is not an event type of this tenant.` })
    else if (type.levels && !type.levels.includes(level)) {
      issues.push({
        field: 'eventTypes',
        message: `"${type.title ?? name}" (${name}) is not available for ${level}-level webhooks; it is available at ${type.levels.join(' and ') || 'no'} level.`,
      })
    }
  }
  return issues
}

/**
 * Zod issues of a rules schema, each on the top-level field it is about
 * (messages about one header name that header themselves).
 */
export function fieldIssues(error: $ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.length ? String(issue.path[0]) : 'body'
    const nested = issue.path.slice(1).map(String).join('.')
    // zod's own messages (wrong types) do not say where; custom ones do.
    const where = issue.code !== 'custom' && nested ? ` (at ${nested})` : ''
    return { field, message: `${issue.message}${where}` }
  })
}

// Validation errors of the mock tenant carry the field first in `detail`,
// as "<field>: <message>", so a form can show each on its own field. This is
// the mock's own convention: Qlik's ErrorResponse has no field pointer and
// Qlik never published a format for `detail`.
const FIELD_PREFIX = /^([A-Za-z]+): (.*)$/s

/** Writes a field issue as an ErrorResponse item. */
export function toErrorItem(issue: FieldIssue): ApiErrorItem {
  return { code: 'WEBHOOKS-400-VALIDATION', title: 'Invalid request', detail: `${issue.field}: ${issue.message}` }
}

/** The top-level field an error item is about, when it names one, and its message. */
export function errorField(item: ApiErrorItem): FieldIssue | undefined {
  const match = item.detail === undefined ? null : FIELD_PREFIX.exec(item.detail)
  return match ? { field: match[1]!, message: match[2]! } : undefined
}

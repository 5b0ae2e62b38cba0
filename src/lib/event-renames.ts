// Qlik deprecated the legacy IAM events in favour of namespaced Core events
// (changelog 244, 2026-08-31). Of those, only these three were ever offered
// to webhooks; their Core names come from Qlik's event reference (core/users,
// core/api-keys). The names cannot be derived by inserting `core`: this is
// the whole mapping Qlik has published for webhooks.
export const EVENT_TYPE_RENAMES: Readonly<Record<string, string>> = {
  'com.qlik.v1.user.created': 'com.qlik.core.user.created',
  'com.qlik.v1.user.deleted': 'com.qlik.core.user.deleted',
  'com.qlik.v1.api-key.validation.failed': 'com.qlik.core.api-key.validation.failed',
}

/** What a catalogue entry may say about itself (Qlik publishes no Core catalogue shape; the mock sends these two). */
export type DeprecationMarks = { name?: string; deprecated?: boolean; replacedBy?: string }

export type EventTypeDeprecation = { name: string; replacedBy: string | undefined }

/**
 * Whether a catalogue entry is deprecated, and by what it is replaced: what
 * the tenant says, else the renames Qlik published. A type the tenant marks
 * deprecated without naming a successor gets the published one, if any.
 */
export function eventTypeDeprecation(type: DeprecationMarks | undefined): EventTypeDeprecation | undefined {
  const name = type?.name
  if (!name) return undefined
  const known = EVENT_TYPE_RENAMES[name]
  // The tenant's word wins: `deprecated: false` means it still offers the type as current.
  if (type.deprecated === false || (!type.deprecated && !known)) return undefined
  return { name, replacedBy: type.replacedBy || known }
}

/** The other name of the same event (v1 <-> Core), or undefined when it has one name only. */
export function eventTypeAlias(name: string): string | undefined {
  if (EVENT_TYPE_RENAMES[name]) return EVENT_TYPE_RENAMES[name]
  return Object.keys(EVENT_TYPE_RENAMES).find((old) => EVENT_TYPE_RENAMES[old] === name)
}

/**
 * `selected` with `from` replaced by `to`, in the catalogue's order; `to`
 * only once, should it be selected already.
 */
export function replaceEventType(selected: readonly string[], from: string, to: string, order: readonly string[]): string[] {
  const next = new Set(selected.map((name) => (name === from ? to : name)))
  const rank = (name: string) => {
    const index = order.indexOf(name)
    return index === -1 ? order.length : index
  }
  return [...next].sort((a, b) => rank(a) - rank(b))
}

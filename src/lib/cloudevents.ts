// Qlik's webhook payloads come in three generations (webhooks-api.md §11):
// legacy (CloudEvents 0.1), hybrid (both sets of fields, one `data`) and
// CloudEvents 1.0. `extensions` alone is no legacy marker: data-task events
// carry a nested `extensions` in CloudEvents form too.

export type PayloadFormat = 'legacy' | 'hybrid' | 'cloudevents' | 'unknown'

export const PAYLOAD_FORMAT_LABELS: Record<PayloadFormat, string> = {
  legacy: 'Legacy (CloudEvents 0.1)',
  hybrid: 'Hybrid (legacy and CloudEvents 1.0 fields)',
  cloudevents: 'CloudEvents 1.0',
  unknown: 'Unknown format',
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The format's label with the CloudEvents version the payload states
 * (Qlik sends 1.0 and 1.0.2), e.g. "CloudEvents 1.0.2"; the plain label when
 * it states none that reads as a version.
 */
export function payloadFormatLabel(format: PayloadFormat, body: unknown): string {
  const version = isRecord(body) && typeof body.specversion === 'string' ? body.specversion : undefined
  if (!version || !/^\d+(\.\d+){0,2}$/.test(version) || (format !== 'cloudevents' && format !== 'hybrid'))
    return PAYLOAD_FORMAT_LABELS[format]
  return PAYLOAD_FORMAT_LABELS[format].replace('CloudEvents 1.0', `CloudEvents ${version}`)
}

export function detectPayloadFormat(body: unknown): PayloadFormat {
  if (!isRecord(body)) return 'unknown'
  const legacy = 'cloudEventsVersion' in body
  const cloudEvents = 'specversion' in body
  if (legacy && cloudEvents) return 'hybrid'
  if (cloudEvents) return 'cloudevents'
  if (legacy) return 'legacy'
  return 'unknown'
}

export type FieldMapping = {
  /** Dotted path in the legacy payload. */
  legacy: string
  /** Top-level CloudEvents attribute, or null where the field has no successor. */
  cloudEvents: string | null
  /** Whether Qlik documents this pair or it is inferred from Qlik's examples. */
  basis: 'documented' | 'assumed'
  note?: string
}

/** Legacy -> CloudEvents, as Qlik's changelogs 210 and 216 give it (webhooks-api.md §11). */
export const LEGACY_TO_CLOUDEVENTS: readonly FieldMapping[] = [
  {
    legacy: 'cloudEventsVersion',
    cloudEvents: 'specversion',
    basis: 'documented',
    note: 'The value changes: "0.1" becomes "1.0" or later.',
  },
  { legacy: 'eventId', cloudEvents: 'id', basis: 'documented', note: 'Also spelled eventID.' },
  { legacy: 'eventTime', cloudEvents: 'time', basis: 'documented' },
  {
    legacy: 'eventType',
    cloudEvents: 'type',
    basis: 'documented',
    note: 'Some events change name: app events arrive as com.qlik.app.*, user and API key events as com.qlik.core.*.',
  },
  { legacy: 'source', cloudEvents: 'source', basis: 'documented' },
  { legacy: 'contentType', cloudEvents: 'datacontenttype', basis: 'assumed' },
  { legacy: 'eventTypeVersion', cloudEvents: null, basis: 'assumed', note: 'Not part of CloudEvents payloads.' },
  { legacy: 'extensions.tenantId', cloudEvents: 'tenantid', basis: 'documented' },
  { legacy: 'extensions.userId', cloudEvents: 'userid', basis: 'documented' },
  { legacy: 'extensions.ownerId', cloudEvents: 'ownerid', basis: 'documented' },
  { legacy: 'extensions.spaceId', cloudEvents: 'spaceid', basis: 'documented' },
  { legacy: 'extensions.topLevelResourceId', cloudEvents: 'toplevelresourceid', basis: 'assumed' },
  { legacy: 'data', cloudEvents: 'data', basis: 'documented', note: 'Unchanged.' },
]

/** Reads a dotted path; `eventId` falls back to its other spelling `eventID`. */
export function legacyValue(body: unknown, path: string): unknown {
  if (path === 'eventId' && isRecord(body) && !('eventId' in body)) return body.eventID
  let current: unknown = body
  for (const part of path.split('.')) {
    if (!isRecord(current)) return undefined
    current = current[part]
  }
  return current
}

export type MappedField = FieldMapping & {
  legacyValue: unknown
  cloudEventsValue: unknown
}

/** Each mapping row with the values this payload holds on either side (undefined where absent). */
export function mapPayloadFields(body: unknown): MappedField[] {
  return LEGACY_TO_CLOUDEVENTS.map((mapping) => ({
    ...mapping,
    legacyValue: legacyValue(body, mapping.legacy),
    cloudEventsValue: mapping.cloudEvents && isRecord(body) ? body[mapping.cloudEvents] : undefined,
  }))
}

export type EventEnvelope = { id?: string; type?: string; time?: string }

/** The event's id, type and time, whichever generation of fields it carries (CloudEvents first). */
export function eventEnvelope(body: unknown): EventEnvelope {
  if (!isRecord(body)) return {}
  const text = (...values: unknown[]) => values.find((v): v is string => typeof v === 'string')
  return {
    id: text(body.id, body.eventId, body.eventID),
    type: text(body.type, body.eventType),
    time: text(body.time, body.eventTime),
  }
}

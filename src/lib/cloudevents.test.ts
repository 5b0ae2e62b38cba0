import { describe, expect, it } from 'vitest'
import fixtures from '../../mocks/fixtures/event-examples.json'
import { detectPayloadFormat, eventEnvelope, LEGACY_TO_CLOUDEVENTS, legacyValue, mapPayloadFields, payloadFormatLabel } from './cloudevents'

type Variant = { payload: Record<string, unknown> }
type Example = { subscriptionEventType: string; payloadTypeInCloudEvents: string; legacy: Variant; hybrid: Variant; cloudevents: Variant }
const examples = Object.values(fixtures.events as Record<string, Example>)

describe('detectPayloadFormat', () => {
  it.each(examples.map((e) => [e.subscriptionEventType, e] as const))('tells the three generations of %s apart', (_, example) => {
    expect(detectPayloadFormat(example.legacy.payload)).toBe('legacy')
    expect(detectPayloadFormat(example.hybrid.payload)).toBe('hybrid')
    expect(detectPayloadFormat(example.cloudevents.payload)).toBe('cloudevents')
  })

  it('does not take a nested extensions object for a legacy marker', () => {
    expect(detectPayloadFormat({ specversion: '1.0', extensions: { actor: {} } })).toBe('cloudevents')
    expect(detectPayloadFormat({ extensions: { tenantId: 't' } })).toBe('unknown')
  })

  it('answers unknown for anything that is not an object', () => {
    expect(detectPayloadFormat(undefined)).toBe('unknown')
    expect(detectPayloadFormat('text')).toBe('unknown')
    expect(detectPayloadFormat([{ specversion: '1.0' }])).toBe('unknown')
  })
})

describe('legacy to CloudEvents mapping', () => {
  it('maps every legacy envelope field of the fixtures, and nothing twice', () => {
    const mapped = new Set(LEGACY_TO_CLOUDEVENTS.map((m) => m.legacy))
    expect(mapped.size).toBe(LEGACY_TO_CLOUDEVENTS.length)
    for (const example of examples) {
      const legacy = example.legacy.payload
      for (const key of Object.keys(legacy)) {
        if (key === 'extensions') {
          for (const inner of Object.keys(legacy.extensions as object))
            expect(mapped, `extensions.${inner}`).toContain(`extensions.${inner}`)
        } else {
          expect(mapped, key).toContain(key)
        }
      }
    }
  })

  it('carries the same values to the CloudEvents form of each fixture, except the version and renamed types', () => {
    for (const example of examples) {
      const legacy = example.legacy.payload
      const cloudEvents = example.cloudevents.payload
      for (const mapping of LEGACY_TO_CLOUDEVENTS) {
        const from = legacyValue(legacy, mapping.legacy)
        if (!mapping.cloudEvents || from === undefined || !(mapping.cloudEvents in cloudEvents)) continue
        if (mapping.cloudEvents === 'specversion') {
          expect(from).toBe('0.1')
          expect(String(cloudEvents.specversion)).toMatch(/^1\.0/)
        } else if (mapping.cloudEvents === 'type') {
          expect(from).toBe(example.subscriptionEventType)
          expect(cloudEvents.type).toBe(example.payloadTypeInCloudEvents)
        } else {
          expect(cloudEvents[mapping.cloudEvents], `${example.subscriptionEventType} ${mapping.legacy}`).toEqual(from)
        }
      }
    }
  })

  it('reports both sides of a hybrid payload and only one side of the others', () => {
    const app = (fixtures.events as Record<string, Example>)['com.qlik.v1.app.created']!
    const hybrid = mapPayloadFields(app.hybrid.payload).find((row) => row.legacy === 'extensions.tenantId')!
    expect(hybrid).toMatchObject({ cloudEvents: 'tenantid', legacyValue: 'tenant-123', cloudEventsValue: 'tenant-123' })
    const legacy = mapPayloadFields(app.legacy.payload).find((row) => row.legacy === 'eventId')!
    expect(legacy).toMatchObject({ legacyValue: 'e1-app-created', cloudEventsValue: undefined })
    const cloudEvents = mapPayloadFields(app.cloudevents.payload).find((row) => row.legacy === 'eventTime')!
    expect(cloudEvents).toMatchObject({ legacyValue: undefined, cloudEventsValue: '2026-09-02T07:00:00Z' })
  })

  it('reads the eventID spelling of the legacy id', () => {
    expect(legacyValue({ eventID: 'x' }, 'eventId')).toBe('x')
  })
})

describe('eventEnvelope', () => {
  it('normalises id, type and time across the generations', () => {
    const app = (fixtures.events as Record<string, Example>)['com.qlik.v1.app.created']!
    expect(eventEnvelope(app.legacy.payload)).toEqual({
      id: 'e1-app-created',
      type: 'com.qlik.v1.app.created',
      time: '2026-09-02T07:00:00Z',
    })
    expect(eventEnvelope(app.cloudevents.payload)).toEqual({
      id: 'e1-app-created',
      type: 'com.qlik.app.created',
      time: '2026-09-02T07:00:00Z',
    })
    expect(eventEnvelope({ eventID: 'z' })).toEqual({ id: 'z', type: undefined, time: undefined })
  })
})

describe('payloadFormatLabel', () => {
  it('names the CloudEvents version the payload states, for CloudEvents and hybrid payloads', () => {
    expect(payloadFormatLabel('cloudevents', { specversion: '1.0.2' })).toBe('CloudEvents 1.0.2')
    expect(payloadFormatLabel('cloudevents', { specversion: '1.0' })).toBe('CloudEvents 1.0')
    expect(payloadFormatLabel('hybrid', { specversion: '1.0.2', cloudEventsVersion: '0.1' })).toBe(
      'Hybrid (legacy and CloudEvents 1.0.2 fields)',
    )
    expect(payloadFormatLabel('legacy', { cloudEventsVersion: '0.1' })).toBe('Legacy (CloudEvents 0.1)')
  })

  it('keeps the plain label when the version is missing or does not read as one', () => {
    expect(payloadFormatLabel('cloudevents', { specversion: 2 })).toBe('CloudEvents 1.0')
    expect(payloadFormatLabel('cloudevents', { specversion: '<b>1</b>' })).toBe('CloudEvents 1.0')
    expect(payloadFormatLabel('unknown', {})).toBe('Unknown format')
  })
})

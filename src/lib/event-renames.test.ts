import { describe, expect, it } from 'vitest'
import { EVENT_TYPE_RENAMES, eventTypeAlias, eventTypeDeprecation, replaceEventType } from './event-renames'

describe('event type renames', () => {
  it('knows the three IAM events Qlik renamed for webhooks, and nothing else', () => {
    expect(EVENT_TYPE_RENAMES).toEqual({
      'com.qlik.v1.user.created': 'com.qlik.core.user.created',
      'com.qlik.v1.user.deleted': 'com.qlik.core.user.deleted',
      'com.qlik.v1.api-key.validation.failed': 'com.qlik.core.api-key.validation.failed',
    })
    expect(eventTypeAlias('com.qlik.v1.user.created')).toBe('com.qlik.core.user.created')
    expect(eventTypeAlias('com.qlik.core.api-key.validation.failed')).toBe('com.qlik.v1.api-key.validation.failed')
    expect(eventTypeAlias('com.qlik.v1.app.created')).toBeUndefined()
  })

  it("reads a deprecation from the tenant's catalogue first, else from Qlik's published renames", () => {
    // A catalogue without marks (v1, a real tenant): the published renames.
    expect(eventTypeDeprecation({ name: 'com.qlik.v1.user.deleted' })).toEqual({
      name: 'com.qlik.v1.user.deleted',
      replacedBy: 'com.qlik.core.user.deleted',
    })
    expect(eventTypeDeprecation({ name: 'com.qlik.v1.app.created' })).toBeUndefined()
    expect(eventTypeDeprecation({ name: 'com.qlik.core.user.created' })).toBeUndefined()
    // The tenant's own marks, with or without a successor.
    expect(eventTypeDeprecation({ name: 'com.qlik.v1.app.exported', deprecated: true, replacedBy: 'com.qlik.app.exported' })).toEqual({
      name: 'com.qlik.v1.app.exported',
      replacedBy: 'com.qlik.app.exported',
    })
    expect(eventTypeDeprecation({ name: 'com.qlik.v1.app.exported', deprecated: true })).toEqual({
      name: 'com.qlik.v1.app.exported',
      replacedBy: undefined,
    })
    expect(eventTypeDeprecation({ name: 'com.qlik.v1.user.created', deprecated: true })?.replacedBy).toBe('com.qlik.core.user.created')
    // A tenant that says a type is current is believed.
    expect(eventTypeDeprecation({ name: 'com.qlik.v1.user.created', deprecated: false })).toBeUndefined()
    expect(eventTypeDeprecation({})).toBeUndefined()
    expect(eventTypeDeprecation(undefined)).toBeUndefined()
  })

  it("replaces one type by another in the catalogue's order, never twice", () => {
    const order = ['a', 'core.created', 'v1.created', 'core.deleted', 'v1.deleted']
    expect(replaceEventType(['v1.created', 'v1.deleted'], 'v1.created', 'core.created', order)).toEqual(['core.created', 'v1.deleted'])
    expect(replaceEventType(['core.created', 'v1.created'], 'v1.created', 'core.created', order)).toEqual(['core.created'])
    // Names the catalogue does not list go last, in their order.
    expect(replaceEventType(['x', 'v1.deleted', 'a'], 'v1.deleted', 'core.deleted', order)).toEqual(['a', 'core.deleted', 'x'])
  })
})

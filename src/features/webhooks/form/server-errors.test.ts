import { describe, expect, it } from 'vitest'
import { toErrorItem } from '../../../api'
import { errorMessageOf, fieldOfError, isTenantLevelRefusal } from './server-errors'

describe('fieldOfError', () => {
  it.each([
    ['url', 'url'],
    ['secret', 'secret'],
    ['headers', 'headers'],
    ['encryptedHeaders', 'headers'],
    ['eventTypes', 'eventTypes'],
    ['filter', 'filter'],
    ['name', 'name'],
    ['description', 'description'],
  ])('puts a validation error about %s on %s', (field, expected) => {
    expect(fieldOfError(toErrorItem({ field, message: 'Bad.' }), 400)).toBe(expected)
  })

  it('reads the field from the words when the detail has no prefix', () => {
    expect(fieldOfError({ code: 'X', title: 'Bad request', detail: 'The header name "a b" is not valid.' }, 400)).toBe('headers')
    expect(fieldOfError({ code: 'X', title: 'Bad request', detail: 'The URL must use HTTPS.' }, 400)).toBe('url')
    expect(fieldOfError({ code: 'X', title: 'Bad request', detail: 'Unknown event type "x".' }, 400)).toBe('eventTypes')
  })

  it('puts the CloudEvents refusal on its switch, by its words and not by a code', () => {
    expect(fieldOfError({ code: 'HTTP-403', title: 'Forbidden', detail: 'CloudEvents delivery cannot be turned off.' }, 403)).toBe(
      'enableCloudEventDelivery',
    )
  })

  it('reads the field from a JSON pointer in source.pointer or meta', () => {
    expect(fieldOfError({ code: 'X', title: 'Invalid', source: { pointer: '/url' } }, 400)).toBe('url')
    expect(fieldOfError({ code: 'X', title: 'Invalid', source: { pointer: '/encryptedHeaders/Authorization' } }, 400)).toBe('headers')
    expect(fieldOfError({ code: 'X', title: 'Invalid', meta: { pointer: '#/filter' } }, 400)).toBe('filter')
    expect(fieldOfError({ code: 'X', title: 'Invalid', meta: { field: 'name' } }, 400)).toBe('name')
  })

  it('keeps quota, auth, not-found and server errors for the top of the form', () => {
    expect(fieldOfError({ code: 'HTTP-403', title: 'Forbidden', detail: 'A user can own at most 150 webhooks.' }, 403)).toBeNull()
    expect(fieldOfError({ code: 'HTTP-500', title: 'Internal Server Error', detail: 'url broke' }, 500)).toBeNull()
    expect(fieldOfError({ code: 'WEBHOOKS-404', title: 'Not found', detail: 'Webhook not found.' }, 404)).toBeNull()
    expect(fieldOfError({ code: 'WEBHOOKS-400-VALIDATION', title: 'Bad request', detail: 'The body is not JSON.' }, 400)).toBeNull()
  })

  it('recognises the refusal of tenant level, and only that 403', () => {
    const refusal = { code: 'WEBHOOKS-403-FORBIDDEN', title: 'Forbidden', detail: 'Only a tenant admin can create tenant-level webhooks.' }
    expect(isTenantLevelRefusal(refusal, 403)).toBe(true)
    expect(fieldOfError(refusal, 403)).toBe('level')
    expect(
      isTenantLevelRefusal(
        { code: 'WEBHOOKS-403-FORBIDDEN', title: 'Forbidden', detail: 'Only a tenant admin can create a webhook owned by another user.' },
        403,
      ),
    ).toBe(false)
    expect(isTenantLevelRefusal(refusal, 400)).toBe(false)
  })
})

describe('errorMessageOf', () => {
  it('drops the field prefix', () => {
    expect(errorMessageOf(toErrorItem({ field: 'url', message: 'The URL must use HTTPS.' }))).toBe('The URL must use HTTPS.')
    expect(errorMessageOf({ code: 'X', title: 'Quota reached', detail: 'Delete one first.' })).toBe('Delete one first.')
    expect(errorMessageOf({ code: 'X', title: 'Forbidden' })).toBe('Forbidden')
  })
})

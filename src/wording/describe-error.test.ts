import { describe, expect, it } from 'vitest'
import { ApiError, errorKind, isPermissionError } from '../api'
import { describeError } from './describe-error'

const apiError = (status: number, operation: string, code: string, detail?: string) =>
  new ApiError({ status, operation, errors: [{ code, title: 'Forbidden', ...(detail ? { detail } : {}) }] })

describe('describeError', () => {
  it('names both webhook permissions on a 403, with what was attempted', () => {
    const message = describeError(apiError(403, 'getWebhooks', 'WEBHOOKS-403-FORBIDDEN'))
    expect(message).toContain('permission to list webhooks')
    expect(message).toContain('“Use webhooks”')
    expect(message).toContain('“Manage webhooks”')
  })

  it('keeps what the tenant said about a refused write', () => {
    const message = describeError(apiError(403, 'createWebhook', 'WEBHOOKS-403-FORBIDDEN', 'Tenant-level webhooks need TenantAdmin.'))
    expect(message).toMatch(/^You do not have permission to create webhooks\./)
    expect(message).toContain('The tenant said: Tenant-level webhooks need TenantAdmin.')
  })

  it('leaves quota and CloudEvents refusals to the tenant’s own words', () => {
    const quota = apiError(403, 'createWebhook', 'WEBHOOKS-403-QUOTA', 'Each user can own up to 150 webhooks.')
    expect(isPermissionError(quota)).toBe(false)
    expect(describeError(quota)).toBe('Forbidden: Each user can own up to 150 webhooks.')
    expect(isPermissionError(apiError(403, 'patchWebhook', 'X', 'CloudEvents delivery cannot be turned off.'))).toBe(false)
  })

  it('explains a 401 as a sign-in problem', () => {
    expect(describeError(apiError(401, 'deleteWebhook', 'WEBHOOKS-401'))).toBe(
      'Could not delete this webhook: you are not signed in, or the sign-in has expired (401 Unauthorized).',
    )
  })

  it('falls back to the message of any other error', () => {
    expect(describeError(apiError(404, 'getWebhook', 'WEBHOOKS-404', 'Webhook not found.'))).toBe('Forbidden: Webhook not found.')
    expect(describeError(new Error('boom'))).toBe('boom')
    expect(describeError('text')).toBe('text')
  })
})

describe('errorKind', () => {
  const forbidden = (operation: string, detail?: string) => apiError(403, operation, 'ANY-CODE', detail)

  it('tells a 403 by the operation and what the user was doing, not by the code', () => {
    expect(errorKind(forbidden('createWebhook'), { quotaReached: true })).toBe('quota')
    expect(errorKind(forbidden('createWebhook', 'A user can own at most 150 webhooks.'))).toBe('quota')
    expect(errorKind(forbidden('createWebhook'))).toBe('permission')
    expect(errorKind(forbidden('updateWebhook'), { turnsCloudEventsOff: true })).toBe('cloud-events')
    expect(errorKind(forbidden('patchWebhook', 'enableCloudEventDelivery cannot be turned off.'))).toBe('cloud-events')
    expect(errorKind(forbidden('deleteWebhook', 'at most 150 webhooks'))).toBe('permission')
    expect(errorKind(apiError(403, 'createWebhook', 'WEBHOOKS-403-QUOTA'))).toBe('permission')
  })

  it('reads other statuses as themselves', () => {
    expect([400, 401, 404, 409, 429, 503].map((status) => errorKind(apiError(status, 'getWebhooks', 'X')))).toEqual([
      'validation',
      'unauthorized',
      'not-found',
      'read-only',
      'rate-limited',
      'server',
    ])
    expect(errorKind(new Error('x'))).toBe('other')
  })
})

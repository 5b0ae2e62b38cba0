import { buildUrl, request } from './http'
import type { User } from './schemas'
import { wire } from './wire'

// Qlik's Users API, the one call the console needs: who owns, created and last
// changed a webhook. Named as @qlik/api's users module names it. The schema
// (liberal: a user record has many more fields) is with the other wire schemas.

export type { User } from './schemas'

export function getUser(userId: string, options: { signal?: AbortSignal } = {}): Promise<User> {
  return request({
    operation: 'getUser',
    url: buildUrl(`/api/v1/users/${encodeURIComponent(userId)}`),
    schema: wire('userSchema'),
    ...options,
  })
}

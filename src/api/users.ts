import { z } from 'zod/mini'
import { buildUrl, request } from './http'

// Qlik's Users API, the one call the console needs: who owns, created and last
// changed a webhook. Named as @qlik/api's users module names it. Liberal: a user
// record has many more fields, and any of these may be missing or null.

export const userSchema = z.object({
  id: z.optional(z.nullable(z.string())),
  name: z.optional(z.nullable(z.string())),
  email: z.optional(z.nullable(z.string())),
})
export type User = z.infer<typeof userSchema>

export function getUser(userId: string, options: { signal?: AbortSignal } = {}): Promise<User> {
  return request({ operation: 'getUser', url: buildUrl(`/api/v1/users/${encodeURIComponent(userId)}`), schema: userSchema, ...options })
}

import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { getUser, isApiError, type User } from '../../api'
import { createLimiter } from '../../lib/concurrency'

// Names of the people who own, created and last changed webhooks, from Qlik's Users API.
// One request per person, however many rows name them (the query cache shares it), kept for
// the session, and no more than a few at once: a page of 100 webhooks must not fire 100
// requests into the tenant's rate limit. A caller who may not read users (403) or a person
// who is gone (404) is no error: the console shows the id, as it would without this.

const USER_REQUESTS_AT_ONCE = 3
const limited = createLimiter(USER_REQUESTS_AT_ONCE)

// The first 403 says the caller may not read users at all: the rest are not asked for.
const refused = new WeakSet<QueryClient>()

export const userKeys = {
  all: ['users'] as const,
  detail: (id: string) => [...userKeys.all, id] as const,
}

/** The person, or null when the caller may not read them or they are gone. */
export const userQuery = (id: string) =>
  queryOptions({
    queryKey: userKeys.detail(id),
    queryFn: async ({ client, signal }): Promise<User | null> => {
      if (refused.has(client)) return null
      try {
        return await limited(() => (refused.has(client) ? Promise.resolve(null) : getUser(id, { signal })), signal)
      } catch (error) {
        if (isApiError(error) && error.status === 403) refused.add(client)
        if (isApiError(error) && (error.status === 403 || error.status === 404)) return null
        throw error
      }
    },
    staleTime: Infinity,
    gcTime: Infinity,
  })

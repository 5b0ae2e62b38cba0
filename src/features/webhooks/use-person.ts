import { useQuery } from '@tanstack/react-query'
import { userQuery } from './people'

/** A person's name by user id; undefined while unknown, or when the tenant will not say. */
export function usePersonName(userId: string | undefined): string | undefined {
  const query = useQuery({ ...userQuery(userId ?? ''), enabled: Boolean(userId) })
  return query.data?.name || undefined
}

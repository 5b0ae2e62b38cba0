import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import { eventTypesQuery } from './queries'

/** The catalogue title of an event type, undefined for a type the catalogue does not list (or before it loads). */
export function useEventTitles(): (eventType: string) => string | undefined {
  const catalogue = useQuery(eventTypesQuery())
  const types = catalogue.data?.data
  return useCallback((eventType: string) => types?.find((type) => type.name === eventType)?.title || undefined, [types])
}

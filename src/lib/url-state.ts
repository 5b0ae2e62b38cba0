import { useMemo } from 'react'
import { createListeners, useStore, type ReadableStore } from './store'

// UI state that a person would share or get back with Back (sort, filters,
// page, open dialog, expanded row) lives in the query string. No router:
// one page, a few parameters, and the History API is enough.

// The URL itself is the value, not a copy of it: whoever changes it (Back,
// this module, the sign-in callback) is read the same way.
const { subscribe, notify } = createListeners()
const search: ReadableStore<string> = { get: () => (typeof location === 'undefined' ? '' : location.search), subscribe }

if (typeof window !== 'undefined') window.addEventListener('popstate', notify)

export type SearchUpdate = Record<string, string | string[] | undefined | null>

/** Applies an update to a query string: empty values and `null`/`undefined` remove the key. */
export function applySearchUpdate(search: string, update: SearchUpdate): string {
  const params = new URLSearchParams(search)
  for (const [key, value] of Object.entries(update)) {
    params.delete(key)
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v))
    else if (value !== undefined && value !== null && value !== '') params.set(key, value)
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

/**
 * Writes to the URL. `push` makes a Back-button step (a deliberate change
 * of view); `replace` does not (e.g. each keystroke of a text filter).
 */
export function setSearch(update: SearchUpdate, mode: 'push' | 'replace' = 'push'): void {
  const next = applySearchUpdate(location.search, update)
  if (next === location.search) return
  const url = `${location.pathname}${next}${location.hash}`
  if (mode === 'push') history.pushState(history.state, '', url)
  else history.replaceState(history.state, '', url)
  notify()
}

/** The current query string as URLSearchParams, re-rendering on every change. */
export function useSearchParams(): [URLSearchParams, typeof setSearch] {
  const current = useStore(search)
  const params = useMemo(() => new URLSearchParams(current), [current])
  return [params, setSearch]
}

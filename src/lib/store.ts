import { useSyncExternalStore } from 'react'

// One value with listeners, for state that lives outside React (the URL,
// toasts raised from mutation callbacks, the session) and is read in React
// through useSyncExternalStore. `subscribe` and `get` are stable functions,
// so passing them to the hook never resubscribes on render.

export type ReadableStore<T> = {
  get: () => T
  subscribe: (listener: () => void) => () => void
}

export type Store<T> = ReadableStore<T> & {
  /** Replaces the value; listeners hear of it only when it changed (Object.is). */
  set: (next: T | ((previous: T) => T)) => void
}

/** The listeners of a value kept elsewhere (e.g. `location.search`): call `notify` when it changes. */
export function createListeners(): { subscribe: ReadableStore<unknown>['subscribe']; notify: () => void } {
  const listeners = new Set<() => void>()
  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    notify: () => listeners.forEach((listener) => listener()),
  }
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial
  const { subscribe, notify } = createListeners()
  return {
    get: () => value,
    set(next) {
      const resolved = typeof next === 'function' ? (next as (previous: T) => T)(value) : next
      if (Object.is(resolved, value)) return
      value = resolved
      notify()
    },
    subscribe,
  }
}

/** The store's value, re-rendering when it changes. */
export function useStore<T>(store: ReadableStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get)
}

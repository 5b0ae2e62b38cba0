import { act, renderHook } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { createStore, useStore } from './store'

describe('createStore', () => {
  it('tells its listeners of a change, and only of a change', () => {
    const store = createStore(1)
    const listener = vi.fn()
    const unsubscribe = store.subscribe(listener)
    store.set(2)
    store.set(2)
    store.set((n) => n + 1)
    expect(store.get()).toBe(3)
    expect(listener).toHaveBeenCalledTimes(2)
    unsubscribe()
    store.set(4)
    expect(listener).toHaveBeenCalledTimes(2)
  })

  it('re-renders a component that reads it', () => {
    const store = createStore<string[]>([])
    const { result } = renderHook(() => useStore(store))
    expect(result.current).toEqual([])
    act(() => store.set((items) => [...items, 'a']))
    expect(result.current).toEqual(['a'])
  })
})

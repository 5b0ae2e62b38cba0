import { createStore, type ReadableStore } from '../../lib/store'

// The toast queue: plain module state, so that toasts can be raised from
// anywhere, including mutation callbacks outside React.

export type ToastItem = {
  id: number
  title: string
  description?: string
  tone: 'success' | 'error' | 'info'
  action?: { label: string; onClick: () => void }
}

const items = createStore<ToastItem[]>([])
let counter = 0

/** The queue, for the viewport. */
export const toasts: ReadableStore<ToastItem[]> = items

export function toast(item: Omit<ToastItem, 'id'>): void {
  counter += 1
  const id = counter
  items.set((current) => [...current, { ...item, id }])
}

export function dismissToast(id: number): void {
  items.set((current) => current.filter((item) => item.id !== id))
}

// The toast queue: plain module state, so that toasts can be raised from
// anywhere, including mutation callbacks outside React.

export type ToastItem = {
  id: number
  title: string
  description?: string
  tone: 'success' | 'error' | 'info'
  action?: { label: string; onClick: () => void }
}

let items: ToastItem[] = []
let counter = 0
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((listener) => listener())

export function toast(item: Omit<ToastItem, 'id'>): void {
  counter += 1
  items = [...items, { ...item, id: counter }]
  emit()
}

export function dismissToast(id: number): void {
  items = items.filter((item) => item.id !== id)
  emit()
}

export function subscribeToasts(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const getToasts = (): ToastItem[] => items

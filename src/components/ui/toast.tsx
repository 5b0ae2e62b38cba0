import { Toast } from 'radix-ui'
import { useSyncExternalStore } from 'react'

// Toasts are announced politely by screen readers (radix Toast) and can be
// raised from anywhere, including mutation callbacks outside React.

type ToastItem = { id: number; title: string; description?: string; tone: 'success' | 'error' | 'info'; action?: { label: string; onClick: () => void } }

let items: ToastItem[] = []
let counter = 0
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((l) => l())

export function toast(item: Omit<ToastItem, 'id'>): void {
  counter += 1
  items = [...items, { ...item, id: counter }]
  emit()
}

function dismiss(id: number) {
  items = items.filter((item) => item.id !== id)
  emit()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function Toaster() {
  const current = useSyncExternalStore(subscribe, () => items, () => items)
  return (
    <Toast.Provider swipeDirection="right" duration={6000}>
      {current.map((item) => (
        <Toast.Root
          key={item.id}
          className={`toast toast-${item.tone}`}
          type={item.tone === 'error' ? 'foreground' : 'background'}
          duration={item.tone === 'error' ? 10_000 : 6000}
          onOpenChange={(open) => !open && dismiss(item.id)}
        >
          <Toast.Title className="toast-title">{item.title}</Toast.Title>
          {item.description ? <Toast.Description className="toast-description">{item.description}</Toast.Description> : null}
          {item.action ? (
            <Toast.Action asChild altText={item.action.label}>
              <button type="button" className="btn btn-secondary" onClick={item.action.onClick}>
                {item.action.label}
              </button>
            </Toast.Action>
          ) : null}
          <Toast.Close className="btn btn-ghost toast-close" aria-label="Dismiss notification">
            ×
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport className="toast-viewport" label="Notifications ({hotkey})" />
    </Toast.Provider>
  )
}

import { Toast } from 'radix-ui'
import type { ToastItem } from './toast-store'

/** Radix Toast renders and announces the queue politely; loaded with the first toast. */
export function ToastViewport({ items, onDismiss }: { items: ToastItem[]; onDismiss: (id: number) => void }) {
  return (
    <Toast.Provider swipeDirection="right" duration={6000}>
      {items.map((item) => (
        <Toast.Root
          key={item.id}
          className={`toast toast-${item.tone}`}
          type={item.tone === 'error' ? 'foreground' : 'background'}
          duration={item.tone === 'error' ? 10_000 : 6000}
          onOpenChange={(open) => !open && onDismiss(item.id)}
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

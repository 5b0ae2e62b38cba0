import { lazy, Suspense } from 'react'
import { useStore } from '../../lib/store'
import { dismissToast, toasts } from './toast-store'

export { toast } from './toast-store'

// Radix Toast stays out of the first page: it loads with the first toast.
const ToastViewport = lazy(() => import('./toast-viewport').then((m) => ({ default: m.ToastViewport })))

export function Toaster() {
  const items = useStore(toasts)
  if (items.length === 0) return null
  return (
    <Suspense fallback={null}>
      <ToastViewport items={items} onDismiss={dismissToast} />
    </Suspense>
  )
}

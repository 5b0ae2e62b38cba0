import { lazy, Suspense, useState } from 'react'
import { Button } from '../components/ui/button'

const ConfirmDialog = lazy(() => import('../components/ui/confirm-dialog').then((m) => ({ default: m.ConfirmDialog })))

/**
 * Mock mode only: puts the demo tenant back to its seed. The mock keeps its
 * state across reloads, so a demo needs a way back that is not the browser's
 * developer tools.
 */
export function ResetDemoButton() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button onClick={() => setOpen(true)}>Reset demo data</Button>
      {open ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            open
            onOpenChange={setOpen}
            title="Reset demo data?"
            description="Every change made in this browser is undone: the mock tenant goes back to its seeded webhooks and delivery history, and the page reloads."
            confirmLabel="Reset demo data"
            destructive
            onConfirm={() => {
              // Set by the mock once its service worker listens (mocks/browser.ts).
              if ('mockTenant' in window) window.mockTenant.reset()
              location.reload()
            }}
          />
        </Suspense>
      ) : null}
    </>
  )
}

import { createContext, lazy, Suspense, useContext, useMemo, useState, type ReactNode } from 'react'
import type { Webhook } from '../../api'
import { useSearchParams } from '../../lib/url-state'

// The dialogs, their mutations and the form come after a deliberate action: a chunk of their own.
const WebhooksDialogs = lazy(() => import('./webhooks-dialogs').then((m) => ({ default: m.WebhooksDialogs })))

/**
 * The dialogs a row can open. The create/edit form is not one of them: it is
 * opened by the URL (`?create=1`, `?edit=<id>`) so that a link or Back reopens it.
 */
export type WebhooksDialog = 'delete' | 'edit-managed'

type WebhooksDialogsState = {
  open: WebhooksDialog | null
  setOpen: (open: WebhooksDialog | null) => void
  /** The webhook the open dialog is about. */
  currentRow: Webhook | null
  setCurrentRow: (row: Webhook | null) => void
}

const WebhooksDialogsContext = createContext<WebhooksDialogsState | null>(null)

export function WebhooksDialogsProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<WebhooksDialog | null>(null)
  const [currentRow, setCurrentRow] = useState<Webhook | null>(null)
  const value = useMemo(() => ({ open, setOpen, currentRow, setCurrentRow }), [open, currentRow])
  return <WebhooksDialogsContext.Provider value={value}>{children}</WebhooksDialogsContext.Provider>
}

export function useWebhooksDialogs(): WebhooksDialogsState {
  const state = useContext(WebhooksDialogsContext)
  if (!state) throw new Error('useWebhooksDialogs needs a WebhooksDialogsProvider')
  return state
}

/** Where the page's dialogs go: nothing until one is open (a row's dialog, or the form by its URL), then webhooks-dialogs.tsx. */
export function WebhooksDialogsHost({ onDeleted }: { onDeleted: () => void }) {
  const [params] = useSearchParams()
  const { open } = useWebhooksDialogs()
  if (!open && params.get('create') !== '1' && !params.get('edit')) return null
  return (
    <Suspense fallback={null}>
      <WebhooksDialogs onDeleted={onDeleted} />
    </Suspense>
  )
}

import { lazy, Suspense } from 'react'
import { webhookDisplayName } from '../../wording/display-name'
import { useSearchParams } from '../../lib/url-state'
import { useDeleteWebhook } from './mutations'
import { closedHistory } from './row-context'
import { useWebhooksDialogs } from './webhooks-dialogs-provider'

// The form is a chunk of its own: the first page does not need it, and it is heavier than the table.
const WebhookFormDialog = lazy(() => import('./form').then((m) => ({ default: m.WebhookFormDialog })))
// Confirmations come after a deliberate action; the dialog code is not first-page material either.
const ConfirmDialog = lazy(() => import('../../components/ui/confirm-dialog').then((m) => ({ default: m.ConfirmDialog })))

/** Every dialog of the webhooks page. `onDeleted` gives focus somewhere once the deleted row and its menu are gone. */
export function WebhooksDialogs({ onDeleted }: { onDeleted: () => void }) {
  const [params, setSearch] = useSearchParams()
  const { open, setOpen, currentRow } = useWebhooksDialogs()
  const deletion = useDeleteWebhook()
  const formOpen = params.get('create') === '1' || Boolean(params.get('edit'))
  const close = () => setOpen(null)

  const confirmDelete = () => {
    if (!currentRow) return
    deletion.mutate(currentRow, {
      onSettled: (_data, error) => {
        close()
        if (!error && params.get('history') === currentRow.id) setSearch(closedHistory, 'replace')
      },
      onSuccess: onDeleted,
    })
  }

  return (
    <>
      {open === 'delete' && currentRow ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            open
            onOpenChange={(next) => !next && !deletion.isPending && close()}
            title="Delete webhook?"
            description={<>“{webhookDisplayName(currentRow)}” will be deleted, with its delivery history. This cannot be undone.</>}
            confirmLabel="Delete"
            destructive
            busy={deletion.isPending}
            onConfirm={confirmDelete}
          />
        </Suspense>
      ) : null}

      {open === 'edit-managed' && currentRow ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            open
            onOpenChange={(next) => !next && close()}
            title="Edit a webhook managed by an automation?"
            description={
              <>
                “{webhookDisplayName(currentRow)}” was created by Qlik Automate, and its automation owns it. Changes made here can break the
                automation, and the automation can overwrite them.
              </>
            }
            confirmLabel="Edit anyway"
            onConfirm={() => {
              close()
              setSearch({ edit: currentRow.id })
            }}
          />
        </Suspense>
      ) : null}

      {formOpen ? (
        <Suspense fallback={null}>
          <WebhookFormDialog />
        </Suspense>
      ) : null}
    </>
  )
}

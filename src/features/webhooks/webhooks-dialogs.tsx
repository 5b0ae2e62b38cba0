import { lazy, Suspense } from 'react'
import { ConfirmDialog } from '../../components/ui/confirm-dialog'
import { webhookDisplayName } from '../../wording/display-name'
import { useSearchParams } from '../../lib/url-state'
import { useDeleteWebhook } from './mutations'
import { closedHistory } from './row-context'
import { useWebhooksDialogs } from './webhooks-dialogs-provider'

// The form is a chunk of its own: the first page does not need it, and it is heavier than the table.
const WebhookFormDialog = lazy(() => import('./form').then((m) => ({ default: m.WebhookFormDialog })))

/** Every dialog of the webhooks page; a chunk WebhooksDialogsHost loads once one is open, so the confirmations come with it. `onDeleted` gives focus somewhere once the deleted row and its menu are gone. */
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
      ) : null}

      {open === 'edit-managed' && currentRow ? (
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
      ) : null}

      {formOpen ? (
        <Suspense fallback={null}>
          <WebhookFormDialog />
        </Suspense>
      ) : null}
    </>
  )
}

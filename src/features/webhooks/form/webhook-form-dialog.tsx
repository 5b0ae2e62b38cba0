import { useQuery } from '@tanstack/react-query'
import { Dialog } from '../../../components/ui/dialog'
import { Button } from '../../../components/ui/button'
import { useSearchParams } from '../../../lib/url-state'
import { webhookDetailQuery } from '../queries'
import { WebhookForm } from './webhook-form'

/** The create and edit dialog, opened by `?create=1` or `?edit=<id>` and closed by clearing both. */
export function WebhookFormDialog() {
  const [params, setSearch] = useSearchParams()
  const editId = params.get('edit')
  const creating = !editId && params.get('create') === '1'
  if (!editId && !creating) return null
  const close = () => setSearch({ create: null, edit: null })
  return editId ? <EditDialog key={editId} id={editId} onClose={close} /> : <CreateDialog onClose={close} />
}

function CreateDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title="Create webhook" size="large">
      <WebhookForm onClose={onClose} />
    </Dialog>
  )
}

function EditDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const detail = useQuery(webhookDetailQuery(id))
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title="Edit webhook" size="large">
      {detail.isPending ? (
        <p role="status">Loading the webhook…</p>
      ) : detail.isError ? (
        <>
          <p role="alert">Could not load the webhook: {detail.error.message}</p>
          <div className="dialog-actions">
            <Button onClick={onClose}>Close</Button>
          </div>
        </>
      ) : (
        <WebhookForm webhook={detail.data} onClose={onClose} />
      )}
    </Dialog>
  )
}

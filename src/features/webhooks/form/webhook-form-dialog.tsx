import { useQuery } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'
import { describeError } from '../../../wording/describe-error'
import { Button } from '../../../components/ui/button'
import { ConfirmDialog } from '../../../components/ui/confirm-dialog'
import { Dialog } from '../../../components/ui/dialog'
import { useSearchParams } from '../../../lib/url-state'
import { webhookDetailQuery } from '../queries'
import { WebhookForm } from './webhook-form'

/** The create and edit dialog, opened by `?create=1` or `?edit=<id>` and closed by clearing both. */
export function WebhookFormDialog() {
  const [params, setSearch] = useSearchParams()
  const editId = params.get('edit')
  const creating = !editId && params.get('create') === '1'
  const close = useCallback(() => setSearch({ create: null, edit: null }), [setSearch])
  if (!editId && !creating) return null
  return <FormDialog key={editId ?? 'create'} editId={editId} onClose={close} />
}

function FormDialog({ editId, onClose }: { editId: string | null; onClose: () => void }) {
  const dirty = useRef(false)
  const [confirming, setConfirming] = useState(false)
  const onDirtyChange = useCallback((value: boolean) => {
    dirty.current = value
  }, [])
  // Escape, the overlay and Cancel all come here: unsaved changes are never dropped silently.
  const requestClose = () => (dirty.current ? setConfirming(true) : onClose())

  return (
    <>
      <Dialog open onOpenChange={(open) => !open && requestClose()} title={editId ? 'Edit webhook' : 'Create webhook'} size="large">
        {editId ? (
          <EditBody id={editId} onCancel={requestClose} onSaved={onClose} onDirtyChange={onDirtyChange} />
        ) : (
          <WebhookForm onCancel={requestClose} onSaved={onClose} onDirtyChange={onDirtyChange} />
        )}
      </Dialog>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Discard your changes?"
        description="The webhook has changes that are not saved. Closing the form drops them."
        confirmLabel="Discard changes"
        destructive
        onConfirm={() => {
          setConfirming(false)
          onClose()
        }}
      />
    </>
  )
}

type EditBodyProps = { id: string; onCancel: () => void; onSaved: () => void; onDirtyChange: (dirty: boolean) => void }

function EditBody({ id, onCancel, onSaved, onDirtyChange }: EditBodyProps) {
  const detail = useQuery({ ...webhookDetailQuery(id), staleTime: 0, refetchOnWindowFocus: false })
  // The form must start from the webhook as it is now: a cached copy could be
  // older than a change made elsewhere, which a PATCH of "changes" would undo.
  if (detail.isPending || (detail.isFetching && !detail.isFetchedAfterMount)) return <p role="status">Loading the webhook…</p>
  if (detail.isError) {
    return (
      <>
        <p role="alert">Could not load the webhook: {describeError(detail.error)}</p>
        <div className="dialog-actions">
          <Button onClick={onSaved}>Close</Button>
        </div>
      </>
    )
  }
  return <WebhookForm webhook={detail.data} onCancel={onCancel} onSaved={onSaved} onDirtyChange={onDirtyChange} />
}

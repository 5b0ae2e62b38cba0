import { useContext } from 'react'
import type { Webhook } from '../../api'
import type { MenuPopupHandle } from '../../components/ui/menu-button'
import { MenuPopup } from '../../components/ui/menu-popup'
import { useSearchParams } from '../../lib/url-state'
import { useSetWebhookEnabled } from './mutations'
import { RowMenuItemsContext } from './row-context'
import { useWebhooksDialogs } from './webhooks-dialogs-provider'

/** A row's open "More actions" menu; with the mutations it runs, a chunk loaded on the first open. */
export function RowMenu({ webhook, popup }: { webhook: Webhook; popup: MenuPopupHandle }) {
  const [, setSearch] = useSearchParams()
  const setEnabled = useSetWebhookEnabled()
  const { setOpen, setCurrentRow } = useWebhooksDialogs()
  const extraItems = useContext(RowMenuItemsContext)
  const openDialog = (dialog: 'delete' | 'edit-managed') => {
    setCurrentRow(webhook)
    setOpen(dialog)
  }
  return (
    <MenuPopup
      {...popup}
      items={[
        {
          label: 'Edit',
          onSelect: () => (webhook.origin === 'automations' ? openDialog('edit-managed') : setSearch({ edit: webhook.id })),
        },
        webhook.enabled
          ? { label: 'Disable webhook', onSelect: () => setEnabled.mutate({ webhook, enabled: false }) }
          : { label: 'Enable webhook', onSelect: () => setEnabled.mutate({ webhook, enabled: true }) },
        ...(extraItems?.(webhook) ?? []),
        { label: 'Delete', destructive: true, onSelect: () => openDialog('delete') },
      ]}
    />
  )
}

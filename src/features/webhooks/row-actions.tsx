import type { Webhook } from '../../api'
import { webhookDisplayName } from '../../wording/display-name'
import { MenuButton } from '../../components/ui/menu-button'
import { useSearchParams } from '../../lib/url-state'
import { useSetWebhookEnabled } from './mutations'
import { useWebhooksDialogs } from './webhooks-dialogs-provider'

/** Parameters of the delivery history; they belong to the webhook whose history is open. */
export const closedHistory = { history: null, dstatus: null, devent: null, dsort: null, delivery: null }

export const historyRegionId = (webhook: Webhook) => `delivery-history-${webhook.id}`

export function RowActionsCell({ webhook }: { webhook: Webhook }) {
  const [params, setSearch] = useSearchParams()
  const setEnabled = useSetWebhookEnabled()
  const { setOpen, setCurrentRow } = useWebhooksDialogs()
  const name = webhookDisplayName(webhook)
  const expanded = params.get('history') === webhook.id
  const openDialog = (dialog: 'delete' | 'edit-managed') => {
    setCurrentRow(webhook)
    setOpen(dialog)
  }
  return (
    <div className="row-actions">
      <button
        type="button"
        className="btn btn-ghost history-toggle"
        aria-expanded={expanded}
        aria-controls={expanded ? historyRegionId(webhook) : undefined}
        onClick={() => setSearch(expanded ? closedHistory : { ...closedHistory, history: webhook.id })}
      >
        <span aria-hidden="true" className="history-caret">
          {expanded ? '▾' : '▸'}
        </span>
        <span className="visually-hidden">{expanded ? 'Hide delivery history' : 'Show delivery history'}</span>
      </button>
      <MenuButton
        label={`More actions for ${name}`}
        icon="⋯"
        className="btn btn-ghost more-button"
        items={[
          {
            label: 'Edit',
            onSelect: () => (webhook.origin === 'automations' ? openDialog('edit-managed') : setSearch({ edit: webhook.id })),
          },
          webhook.enabled
            ? { label: 'Disable webhook', onSelect: () => setEnabled.mutate({ webhook, enabled: false }) }
            : { label: 'Enable webhook', onSelect: () => setEnabled.mutate({ webhook, enabled: true }) },
          { label: 'Delete', destructive: true, onSelect: () => openDialog('delete') },
        ]}
      />
    </div>
  )
}

import { createContext, useContext } from 'react'
import { webhookDisplayName, type Webhook } from '../../api'
import { MenuButton, type MenuItem } from '../../components/ui/menu-button'

/** What a row can ask the page to do; the page owns dialogs and the URL. */
export type RowActions = {
  edit: (webhook: Webhook) => void
  setEnabled: (webhook: Webhook, enabled: boolean) => void
  remove: (webhook: Webhook) => void
  toggleHistory: (webhook: Webhook) => void
  /** Id of the webhook whose delivery history is shown, if any. */
  expandedId: string | undefined
  /** More menu items, composed in from outside the feature (the mock's "Send test event"). */
  extraItems?: (webhook: Webhook) => MenuItem[]
}

export const RowActionsContext = createContext<RowActions | null>(null)

export function useRowActions(): RowActions {
  const actions = useContext(RowActionsContext)
  if (!actions) throw new Error('useRowActions needs a RowActionsContext provider')
  return actions
}

export const historyRegionId = (webhook: Webhook) => `delivery-history-${webhook.id}`

export function RowActionsCell({ webhook }: { webhook: Webhook }) {
  const actions = useRowActions()
  const name = webhookDisplayName(webhook)
  const expanded = actions.expandedId === webhook.id
  return (
    <div className="row-actions">
      <button
        type="button"
        className="btn btn-ghost history-toggle"
        aria-expanded={expanded}
        aria-controls={expanded ? historyRegionId(webhook) : undefined}
        onClick={() => actions.toggleHistory(webhook)}
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
          { label: 'Edit', onSelect: () => actions.edit(webhook) },
          webhook.enabled
            ? { label: 'Disable webhook', onSelect: () => actions.setEnabled(webhook, false) }
            : { label: 'Enable webhook', onSelect: () => actions.setEnabled(webhook, true) },
          ...(actions.extraItems?.(webhook) ?? []),
          { label: 'Delete', destructive: true, onSelect: () => actions.remove(webhook) },
        ]}
      />
    </div>
  )
}

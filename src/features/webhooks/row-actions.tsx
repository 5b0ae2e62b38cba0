import { lazy } from 'react'
import type { Webhook } from '../../api'
import { MenuButton } from '../../components/ui/menu-button'
import { useSearchParams } from '../../lib/url-state'
import { webhookDisplayName } from '../../wording/display-name'
import { closedHistory, historyRegionId } from './row-context'

const loadRowMenu = () => import('./row-menu')
const RowMenu = lazy(() => loadRowMenu().then((m) => ({ default: m.RowMenu })))
const prepareRowMenu = () => void loadRowMenu()

export function RowActionsCell({ webhook }: { webhook: Webhook }) {
  const [params, setSearch] = useSearchParams()
  const expanded = params.get('history') === webhook.id
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
        label={`More actions for ${webhookDisplayName(webhook)}`}
        icon="⋯"
        className="btn btn-ghost more-button"
        onPrepare={prepareRowMenu}
      >
        {(popup) => <RowMenu webhook={webhook} popup={popup} />}
      </MenuButton>
    </div>
  )
}

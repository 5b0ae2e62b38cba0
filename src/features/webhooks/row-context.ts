import { createContext } from 'react'
import type { Webhook } from '../../api'
import type { MenuItem } from '../../components/ui/menu-popup'

/** Parameters of the delivery history; they belong to the webhook whose history is open. */
export const closedHistory = { history: null, dstatus: null, devent: null, dsort: null, dfrom: null, dto: null, dq: null, delivery: null }

/** More row menu items, composed in from app (the mock's "Send test event"); none by default. */
export const RowMenuItemsContext = createContext<((webhook: Webhook) => MenuItem[]) | undefined>(undefined)

export const historyRegionId = (webhook: Webhook) => `delivery-history-${webhook.id}`

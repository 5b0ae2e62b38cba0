import {
  DELIVERY_SORT_FIELDS,
  DELIVERY_STATUSES,
  formatSort,
  parseSort,
  type DeliverySortParam,
  type GetWebhookDeliveriesParams,
} from '../../api'

// URL <-> delivery list query. Parameters: `dstatus` (success|fail), `devent`
// (one event type), `dsort` (the API's sort, default -triggeredAt). Values
// the API would refuse are dropped, so a hand-edited link still opens.

export const DEFAULT_DELIVERY_SORT: DeliverySortParam = '-triggeredAt'
export const DELIVERY_PAGE_SIZE = 50

export const DELIVERY_SORT_OPTIONS: { value: DeliverySortParam; label: string }[] = [
  { value: '-triggeredAt', label: 'Newest first' },
  { value: '+triggeredAt', label: 'Oldest first' },
  { value: '+status', label: 'Failures first' },
  { value: '-status', label: 'Successes first' },
]

export type HistoryFilters = {
  status: 'success' | 'fail' | undefined
  eventType: string | undefined
  sort: DeliverySortParam
}

const isStatus = (value: string | null): value is 'success' | 'fail' => (DELIVERY_STATUSES as readonly (string | null)[]).includes(value)

function readSort(value: string | null): DeliverySortParam {
  const sort = parseSort(DELIVERY_SORT_FIELDS, value ?? '')
  return sort ? formatSort(sort) : DEFAULT_DELIVERY_SORT
}

export function readHistoryFilters(params: URLSearchParams): HistoryFilters {
  const status = params.get('dstatus')
  const eventType = params.get('devent')?.trim()
  return { status: isStatus(status) ? status : undefined, eventType: eventType || undefined, sort: readSort(params.get('dsort')) }
}

/** The URL update for a change of filters; defaults leave the URL. */
export function writeHistoryFilters(filters: HistoryFilters): Record<string, string | null> {
  return {
    dstatus: filters.status ?? null,
    devent: filters.eventType ?? null,
    dsort: filters.sort === DEFAULT_DELIVERY_SORT ? null : filters.sort,
  }
}

export function toDeliveriesParams(filters: HistoryFilters): GetWebhookDeliveriesParams {
  return {
    sort: filters.sort,
    limit: DELIVERY_PAGE_SIZE,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.eventType ? { eventType: filters.eventType } : {}),
  }
}

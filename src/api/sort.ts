import { type DELIVERY_SORT_FIELDS, type WEBHOOK_SORT_FIELDS } from './schemas'

// Qlik's `sort` parameter: a field with an optional `+` (ascending, the
// default) or `-` prefix. One grammar for the table, the history and the
// mock, so that what one accepts the others accept too.

export type Sort<F extends string> = { field: F; desc: boolean }
/** The parameter as it travels on the wire. */
export type SortParam<F extends string> = `${'' | '+' | '-'}${F}`

export type WebhookSortField = (typeof WEBHOOK_SORT_FIELDS)[number]
export type DeliverySortField = (typeof DELIVERY_SORT_FIELDS)[number]
export type WebhookSort = Sort<WebhookSortField>
export type DeliverySort = Sort<DeliverySortField>
export type WebhookSortParam = SortParam<WebhookSortField>
export type DeliverySortParam = SortParam<DeliverySortField>

// A `+` typed by hand in a query string (`?sort=+name`) arrives decoded as a space.
const GRAMMAR = /^([+ -]?)([A-Za-z]+)$/

/** Reads `field`, `+field` or `-field` (or ` field`, a decoded `+`); undefined for anything else. */
export function parseSort<F extends string>(fields: readonly F[], value: string): Sort<F> | undefined {
  const match = GRAMMAR.exec(value)
  const field = match?.[2] as F | undefined
  if (!match || !field || !fields.includes(field)) return undefined
  return { field, desc: match[1] === '-' }
}

/** Writes a sort with its direction always explicit. */
export function formatSort<F extends string>(sort: Sort<F>): SortParam<F> {
  return `${sort.desc ? '-' : '+'}${sort.field}`
}

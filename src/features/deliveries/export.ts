import type { Delivery } from '../../api'

// "Export" of the history: the view as it stands, as CSV (one row per
// delivery, for a spreadsheet) or NDJSON (the whole records, for jq and log
// tools). Encrypted header values are already **OMITTED** in what the API
// returns, so a record is exported as it came.

export type ExportFormat = 'csv' | 'ndjson'

export const CSV_COLUMNS = ['id', 'eventType', 'status', 'triggeredAt', 'httpStatus', 'statusMessage'] as const

/**
 * RFC 4180 quoting. A receiver writes the status message, so a cell that a
 * spreadsheet would read as a formula (=, +, -, @, tab, return) starts with
 * a quote mark instead.
 */
function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function toCsv(deliveries: readonly Delivery[]): string {
  const rows = deliveries.map((d) =>
    [d.id, d.eventType, d.status, d.triggeredAt, d.response?.statusCode, d.statusMessage].map(csvCell).join(','),
  )
  return [CSV_COLUMNS.join(','), ...rows].map((row) => `${row}\r\n`).join('')
}

export function toNdjson(deliveries: readonly Delivery[]): string {
  return deliveries.map((d) => `${JSON.stringify(d)}\n`).join('')
}

/** `deliveries-<webhook>-20261201T091500Z.csv`: the webhook's name in letters, digits and dashes, and the time in UTC. */
export function exportFileName(webhookName: string, format: ExportFormat, now: Date): string {
  const slug =
    webhookName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'webhook'
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  return `deliveries-${slug}-${stamp}.${format}`
}

export function exportBlob(deliveries: readonly Delivery[], format: ExportFormat): Blob {
  return format === 'csv'
    ? new Blob([toCsv(deliveries)], { type: 'text/csv;charset=utf-8' })
    : new Blob([toNdjson(deliveries)], { type: 'application/x-ndjson' })
}

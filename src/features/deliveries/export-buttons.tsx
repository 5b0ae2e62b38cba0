import type { Delivery } from '../../api'
import { Button } from '../../components/ui/button'
import { exportBlob, exportFileName, type ExportFormat } from './export'

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: some browsers read the blob after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** "Export": the deliveries of the view as they are listed, as CSV or NDJSON. */
export function ExportButtons({ webhookName, deliveries }: { webhookName: string; deliveries: readonly Delivery[] }) {
  const save = (format: ExportFormat) => download(exportBlob(deliveries, format), exportFileName(webhookName, format, new Date()))
  const none = deliveries.length === 0
  return (
    <div className="delivery-export" role="group" aria-label="Export">
      <Button onClick={() => save('csv')} disabled={none}>
        Export CSV
      </Button>
      <Button onClick={() => save('ndjson')} disabled={none}>
        Export NDJSON
      </Button>
    </div>
  )
}

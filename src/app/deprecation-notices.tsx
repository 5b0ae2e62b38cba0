import { useState, useSyncExternalStore } from 'react'
import { deprecationStore, type Deprecation } from '../api'
import { Button } from '../components/ui/button'

// One dismissible notice for each operation the tenant answered as deprecated.
// A chunk of its own: most tenants never send a deprecation.

const OPERATION_NAMES: Record<string, string> = {
  getWebhooks: 'Listing webhooks',
  getWebhook: 'Reading a webhook',
  getWebhookEventTypes: 'Reading the event types',
  createWebhook: 'Creating a webhook',
  updateWebhook: 'Replacing a webhook',
  patchWebhook: 'Changing a webhook',
  deleteWebhook: 'Deleting a webhook',
  getWebhookDeliveries: 'Listing deliveries',
  getWebhookDelivery: 'Reading a delivery',
  resendWebhookDelivery: 'Resending a delivery',
}

const day = (date: Date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

export function DeprecationNotices() {
  const notices = useSyncExternalStore(deprecationStore.subscribe, deprecationStore.getSnapshot, deprecationStore.getSnapshot)
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set())
  const shown = notices.filter((notice) => !dismissed.has(notice.operation))
  if (!shown.length) return null
  return (
    <section className="api-notices" aria-label="API deprecation notices">
      {shown.map((notice) => (
        <DeprecationNotice
          key={notice.operation}
          notice={notice}
          onDismiss={() => setDismissed((before) => new Set([...before, notice.operation]))}
        />
      ))}
    </section>
  )
}

function DeprecationNotice({ notice, onDismiss }: { notice: Deprecation; onDismiss: () => void }) {
  const what = OPERATION_NAMES[notice.operation] ?? notice.operation
  return (
    <div className="api-notice" role="status">
      <p>
        <strong>
          {what} ({notice.method} {notice.path}) is deprecated
        </strong>
        {notice.since ? ` since ${day(notice.since)}` : ''}
        {notice.sunset ? `; Qlik may remove it on or after ${day(notice.sunset)}.` : '.'}{' '}
        {notice.link ? (
          <a href={notice.link} target="_blank" rel="noreferrer">
            What replaces it
          </a>
        ) : null}
      </p>
      <Button variant="ghost" onClick={onDismiss} aria-label={`Dismiss the notice about ${what.toLowerCase()}`}>
        Dismiss
      </Button>
    </div>
  )
}

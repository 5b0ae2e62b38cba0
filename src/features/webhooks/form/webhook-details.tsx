import type { Webhook } from '../../../api'
import { PersonWithId } from '../person-name'

const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const when = (value: string | undefined) => {
  const date = value ? new Date(value) : undefined
  return date && !Number.isNaN(date.getTime()) ? exact.format(date) : (value ?? '—')
}

/** Who owns, created and last changed the webhook, by name and id, and when: read-only facts above the form. */
export function WebhookDetails({ webhook }: { webhook: Webhook }) {
  return (
    <dl className="webhook-details">
      <div>
        <dt>Owner</dt>
        <dd>
          <PersonWithId userId={webhook.ownerId} />
        </dd>
      </div>
      <div>
        <dt>Created by</dt>
        <dd>
          <PersonWithId userId={webhook.createdByUserId} />, {when(webhook.createdAt)}
        </dd>
      </div>
      <div>
        <dt>Updated by</dt>
        <dd>
          <PersonWithId userId={webhook.updatedByUserId} />, {when(webhook.updatedAt)}
        </dd>
      </div>
    </dl>
  )
}

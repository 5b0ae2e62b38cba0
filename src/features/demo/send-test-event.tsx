import { useId, useState } from 'react'
import type { Delivery, Webhook } from '../../api'
import { webhookDisplayName } from '../../wording/display-name'
import { Button } from '../../components/ui/button'
import { Dialog } from '../../components/ui/dialog'
import { toast } from '../../components/ui/toast-store'
import type { DemoControl } from './demo-control'
import './demo.css'

/** The row menu item's label, and the dialog's title. */
export const SEND_TEST_EVENT = 'Send test event'

const samplePayload = (control: DemoControl, webhookId: string, eventType: string) =>
  JSON.stringify(control.sampleEventData(webhookId, eventType), null, 2)

/** The payload as typed, or why it cannot be sent. */
export function parsePayload(text: string): { ok: true; data: Record<string, unknown> } | { ok: false; message: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { ok: false, message: `Payload is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, message: 'Payload must be a JSON object: the event’s data, such as { "name": "Sales" }.' }
  return { ok: true, data: value as Record<string, unknown> }
}

/**
 * Mock mode only: "Send test event" for one webhook. Qlik Cloud has no such
 * operation, so a tenant build never shows it. The payload is the event's
 * `data`; the mock wraps it in the envelope of the webhook's format.
 */
export function SendTestEventDialog({
  control,
  webhook,
  onOpenChange,
  onSent,
}: {
  control: DemoControl
  webhook: Webhook
  onOpenChange: (open: boolean) => void
  onSent?: (delivery: Delivery) => void
}) {
  const id = useId()
  const types = webhook.eventTypes ?? []
  const [eventType, setEventType] = useState(types[0] ?? '')
  const [text, setText] = useState(() => (types[0] ? samplePayload(control, webhook.id, types[0]) : '{}'))
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const name = webhookDisplayName(webhook)

  const send = async () => {
    const parsed = parsePayload(text)
    if (!parsed.ok) {
      setError(parsed.message)
      return
    }
    setError(null)
    setSending(true)
    try {
      const delivery = await control.sendTestEvent({ webhookId: webhook.id, eventType, data: parsed.data })
      onSent?.(delivery)
      toast({
        tone: delivery.status === 'success' ? 'success' : 'error',
        title: 'Test event sent',
        description: `${name}: ${delivery.statusMessage ?? delivery.status}.`,
      })
      onOpenChange(false)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    } finally {
      setSending(false)
    }
  }

  return (
    <Dialog
      open
      onOpenChange={onOpenChange}
      title={SEND_TEST_EVENT}
      size="large"
      description={`Mock tenant only: raises an event for “${name}” alone, whatever its filter, and records the delivery in its history.`}
    >
      <form
        className="demo-panel"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void send()
        }}
      >
        {types.length === 0 ? <p className="demo-error">This webhook subscribes to no event type, so there is nothing to send.</p> : null}
        <div className="demo-field">
          <label htmlFor={`${id}-type`}>Event type</label>
          <select
            id={`${id}-type`}
            value={eventType}
            onChange={(event) => {
              setEventType(event.target.value)
              setText(samplePayload(control, webhook.id, event.target.value))
              setError(null)
            }}
          >
            {types.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <div className="demo-field">
          <label htmlFor={`${id}-payload`}>Payload</label>
          <p id={`${id}-hint`} className="demo-hint">
            The event’s data as JSON; the id, time, tenant, space and owner around it are added in the webhook’s payload format.
          </p>
          <textarea
            id={`${id}-payload`}
            className="demo-payload"
            rows={14}
            spellCheck={false}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            onChange={(event) => setText(event.target.value)}
          />
          {error ? (
            <p id={`${id}-error`} className="demo-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <div className="demo-actions">
          <Button onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={sending || types.length === 0}>
            {sending ? 'Sending…' : 'Send'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

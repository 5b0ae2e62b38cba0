import { useId, useState, type ReactNode } from 'react'
import { Button } from '../../components/ui/button'
import { Dialog } from '../../components/ui/dialog'
import type { DemoConfig, DemoControl, DemoPersona } from './demo-control'
import { useDemoConfig, useRefetchOnDemoChange } from './use-demo-config'
import './demo.css'

export const PERSONA_LABELS: Record<DemoPersona, string> = {
  tenantAdmin: 'Tenant admin',
  manager: 'Manager',
  user: 'User',
  none: 'No permissions',
}

const RECEIVER_LABELS: Record<string, string> = {
  'ok-200': 'Succeeds (200)',
  'ok-202': 'Succeeds (202)',
  'http-500': 'HTTP 500',
  'http-404': 'HTTP 404',
  'http-401': 'HTTP 401',
  'http-410': 'HTTP 410',
  timeout: 'Times out',
  'tls-expired': 'TLS failure (expired certificate)',
  'tls-revoked': 'Revoked certificate',
  'redirect-308': 'Redirects (308)',
  slow: 'Slow (4 s)',
}
const perMinute = (count: number, noun: string) => `${count.toLocaleString('en-GB')} ${noun}${count === 1 ? '' : 's'}`

const BY_HOST = ''
const ONE_IN_N = 'fail-1-in-N'

/** Applies a change at once; a refused value is shown next to its control, as typed. */
function useApply(control: DemoControl) {
  const [errors, setErrors] = useState<Record<string, string>>({})
  const apply = (key: string, patch: Partial<DemoConfig>) => {
    try {
      control.configure(patch)
      setErrors(({ [key]: _gone, ...rest }) => rest)
    } catch (error) {
      setErrors((current) => ({ ...current, [key]: error instanceof Error ? error.message : String(error) }))
    }
  }
  return { errors, apply }
}

/** A field's hint and error under it, and the ids its control is described by. */
function useFieldNotes(hint: ReactNode | undefined, error: string | undefined) {
  const id = useId()
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  const notes = (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="demo-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="demo-error">
          {error}
        </p>
      ) : null}
    </>
  )
  return { id, describedBy, notes }
}

function NumberField({
  label,
  value,
  min,
  max,
  error,
  hint,
  onCommit,
}: {
  label: string
  value: number
  min: number
  max: number
  error?: string
  hint?: string
  onCommit: (value: number) => void
}) {
  const { id, describedBy, notes } = useFieldNotes(hint, error)
  const [text, setText] = useState(String(value))
  return (
    <div className="demo-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          setText(event.target.value)
          onCommit(event.target.value.trim() === '' ? NaN : Number(event.target.value))
        }}
      />
      {notes}
    </div>
  )
}

function CheckField({
  label,
  checked,
  error,
  hint,
  onChange,
}: {
  label: string
  checked: boolean
  error?: string
  hint?: ReactNode
  onChange: (checked: boolean) => void
}) {
  const { describedBy, notes } = useFieldNotes(hint, error)
  return (
    <div className="demo-field">
      <label className="demo-check">
        <input type="checkbox" checked={checked} aria-describedby={describedBy} onChange={(event) => onChange(event.target.checked)} />
        {label}
      </label>
      {notes}
    </div>
  )
}

function ReceiverRow({
  control,
  webhook,
  mode,
  error,
  apply,
}: {
  control: DemoControl
  webhook: { id: string; name: string }
  mode: string | undefined
  error?: string
  apply: (key: string, patch: Partial<DemoConfig>) => void
}) {
  const { id, describedBy, notes } = useFieldNotes(undefined, error)
  const oneIn = /^fail-1-in-(\d+)$/.exec(mode ?? '')
  const [n, setN] = useState(oneIn?.[1] ?? '3')
  const choice = oneIn ? ONE_IN_N : (mode ?? BY_HOST)
  const set = (next: string | undefined) => {
    const receivers = { ...control.getConfig().receivers }
    if (next === undefined) delete receivers[webhook.id]
    else receivers[webhook.id] = next
    apply(`receiver-${webhook.id}`, { receivers })
  }
  return (
    <tr>
      <th scope="row" id={`${id}-name`}>
        {webhook.name}
      </th>
      <td>
        <select
          aria-label={`Receiver for ${webhook.name}`}
          value={choice}
          aria-describedby={describedBy}
          onChange={(event) => {
            const value = event.target.value
            set(value === BY_HOST ? undefined : value === ONE_IN_N ? `fail-1-in-${n}` : value)
          }}
        >
          <option value={BY_HOST}>Default (by host)</option>
          {control.receiverModes.map((m) => (
            <option key={m} value={m}>
              {RECEIVER_LABELS[m] ?? m}
            </option>
          ))}
          <option value={ONE_IN_N}>Fails 1 in N</option>
        </select>
        {choice === ONE_IN_N ? (
          <label className="demo-inline">
            N
            <input
              type="number"
              min={1}
              max={1000}
              value={n}
              aria-label={`N for ${webhook.name}`}
              aria-invalid={error ? true : undefined}
              onChange={(event) => {
                setN(event.target.value)
                set(`fail-1-in-${event.target.value}`)
              }}
            />
          </label>
        ) : null}
        {notes}
      </td>
    </tr>
  )
}

function DemoControlsPanel({ control, resetAction }: { control: DemoControl; resetAction?: ReactNode }) {
  const config = useDemoConfig(control)
  const { errors, apply } = useApply(control)
  const personaId = useId()
  const userId = useId()
  const webhooks = control.webhooks()
  return (
    <div className="demo-panel">
      <p className="demo-hint">Mock tenant only. Changes apply at once and are kept when the page reloads.</p>
      <fieldset className="demo-group">
        <legend>Who the console is</legend>
        <div className="demo-field">
          <label htmlFor={personaId}>Persona</label>
          <select
            id={personaId}
            value={config.persona}
            onChange={(event) => apply('persona', { persona: event.target.value as DemoPersona })}
          >
            {Object.entries(PERSONA_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="demo-field">
          <label htmlFor={userId}>Acts as</label>
          <select id={userId} value={config.userId} onChange={(event) => apply('userId', { userId: event.target.value })}>
            {control.users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <fieldset className="demo-group">
        <legend>Deliveries</legend>
        <NumberField
          label="Failure threshold"
          value={config.failureThreshold}
          min={1}
          max={1000}
          hint="Failed deliveries in a row that disable a webhook."
          error={errors.failureThreshold}
          onCommit={(value) => apply('failureThreshold', { failureThreshold: value })}
        />
        <CheckField
          label="Live traffic"
          checked={config.liveTraffic}
          error={errors.liveTraffic}
          onChange={(checked) => apply('liveTraffic', { liveTraffic: checked })}
        />
        <NumberField
          label="Events per minute"
          value={config.liveTrafficPerMinute}
          min={1}
          max={600}
          hint="How often live traffic raises an event, across the event types webhooks subscribe to."
          error={errors.liveTrafficPerMinute}
          onCommit={(value) => apply('liveTrafficPerMinute', { liveTrafficPerMinute: value })}
        />
        <CheckField
          label="Legacy and hybrid payloads"
          checked={config.legacyPayloads}
          error={errors.legacyPayloads}
          hint="An older tenant, before Qlik removed the legacy fields on 2026-10-06: legacy payloads to webhooks with CloudEvents delivery off, hybrid ones to webhooks created before 2026-02-01. Off: CloudEvents, as Qlik sends now."
          onChange={(checked) => apply('legacyPayloads', { legacyPayloads: checked })}
        />
      </fieldset>
      <fieldset className="demo-group">
        <legend>API</legend>
        <CheckField
          label="Rate limits"
          checked={config.rateLimits !== false}
          error={errors.rateLimits}
          hint={
            config.rateLimits === false
              ? 'Off: the mock answers every request, however many.'
              : `Per user, as Qlik publishes them: ${perMinute(config.rateLimits.tier1, 'read')} (Tier 1) and ${perMinute(config.rateLimits.tier2, 'write')} (Tier 2) a minute; beyond them the API answers 429 with Retry-After.`
          }
          // On again means Qlik's own figures, whatever was set through window.mockTenant before.
          onChange={(checked) => apply('rateLimits', { rateLimits: checked ? { ...control.defaultRateLimits } : false })}
        />
      </fieldset>
      <fieldset className="demo-group">
        <legend>Receivers</legend>
        <table className="demo-receivers">
          <thead>
            <tr>
              <th scope="col">Webhook</th>
              <th scope="col">Receiver</th>
            </tr>
          </thead>
          <tbody>
            {webhooks.map((webhook) => (
              <ReceiverRow
                key={webhook.id}
                control={control}
                webhook={webhook}
                mode={config.receivers[webhook.id]}
                error={errors[`receiver-${webhook.id}`]}
                apply={apply}
              />
            ))}
          </tbody>
        </table>
      </fieldset>
      {resetAction ? <div className="demo-actions">{resetAction}</div> : null}
    </div>
  )
}

/** Mock mode only: the header's "Demo controls" button and its panel. */
export function DemoControlsButton({ control, resetAction }: { control: DemoControl; resetAction?: ReactNode }) {
  const [open, setOpen] = useState(false)
  useRefetchOnDemoChange(control)
  return (
    <>
      <Button onClick={() => setOpen(true)}>Demo controls</Button>
      <Dialog open={open} onOpenChange={setOpen} title="Demo controls" size="large">
        <DemoControlsPanel control={control} resetAction={resetAction} />
        <div className="demo-actions">
          <Button variant="primary" onClick={() => setOpen(false)}>
            Done
          </Button>
        </div>
      </Dialog>
    </>
  )
}

/** Mock mode only: who the console acts as, shown in the shell unless it is the tenant admin. */
export function PersonaBadge({ control }: { control: DemoControl }) {
  const config = useDemoConfig(control)
  if (config.persona === 'tenantAdmin') return null
  const user = control.users.find((u) => u.id === config.userId)?.name ?? config.userId
  return (
    <span className="persona-badge" role="status">
      Persona: {PERSONA_LABELS[config.persona]}, acting as {user}
    </span>
  )
}

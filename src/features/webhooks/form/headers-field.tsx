import { useEffect, useId, useRef } from 'react'
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form'
import type { Webhook } from '../../../api'
import { Button } from '../../../components/ui/button'
import { credentialWarning } from './credential'
import { describedBy, FieldError, useFieldError } from './form-field'
import { reentryReason, type WebhookFormValues } from './form-model'
import { useWebhooksApi } from './use-webhooks-api'

type HeadersFieldProps = {
  /** The webhook being edited, whose encrypted values the API keeps to itself. */
  original: Webhook | undefined
}

/**
 * Plain headers are editable rows. A saved encrypted header shows only its
 * name: it can be deleted, or its value removed and a new one entered.
 */
export function HeadersField({ original }: HeadersFieldProps) {
  const id = useId()
  const { control } = useFormContext<WebhookFormValues>()
  const { fields, append, remove, update } = useFieldArray({ control, name: 'headers' })
  // Delete and Remove value take their own button away: focus goes to what comes instead.
  const focusTarget = useRef<{ value: number } | 'add' | null>(null)
  const setFocusTarget = (target: { value: number } | 'add') => {
    focusTarget.current = target
  }
  // Runs after the render that removed or replaced the row.
  useEffect(() => {
    const target = focusTarget.current
    if (target === null) return
    focusTarget.current = null
    const selector = target === 'add' ? `#${CSS.escape(`${id}-add`)}` : `[name="headers.${target.value}.value"]`
    document.querySelector<HTMLElement>(selector)?.focus()
  })
  const rows = useWatch({ control, name: 'headers' })
  const values = useWatch({ control }) as WebhookFormValues
  const reentry = reentryReason(values, original, useWebhooksApi())
  const setError = useFieldError('headers.root')
  const waiting = rows.filter((row) => row.stored && row.value === '').map((row) => row.name)

  return (
    <fieldset
      className="field headers"
      aria-describedby={describedBy(`${id}-hint`, reentry && waiting.length > 0 && `${id}-reentry`, setError && `${id}-error`)}
    >
      <legend>Headers</legend>
      <p id={`${id}-hint`} className="field-hint">
        Optional HTTP headers sent with every delivery. Tick Encrypt for credentials: an encrypted value is stored encrypted and never shown
        again. Each set is at most 2048 bytes.
      </p>
      {reentry && waiting.length > 0 ? (
        <p id={`${id}-reentry`} className="form-notice" role="status">
          {reentry} Enter the value of {waiting.map((name) => `"${name}"`).join(', ')} again, or delete{' '}
          {waiting.length === 1 ? 'it' : 'them'}.
        </p>
      ) : null}
      {fields.length ? (
        // Column captions for sighted users; each control carries its own full name.
        <div className="header-row header-captions" aria-hidden="true">
          <span>Name</span>
          <span>Value</span>
          <span>Encrypt</span>
          <span />
        </div>
      ) : null}
      {fields.length ? (
        <ul className="header-rows">
          {fields.map((field, index) => {
            // `fields` changes in the same render as update() and remove(); a watched row only after.
            const row = field
            return (
              <li key={field.id}>
                {row.stored ? (
                  <StoredHeaderRow
                    index={index}
                    name={row.name}
                    reentry={Boolean(reentry)}
                    onDelete={() => {
                      remove(index)
                      setFocusTarget('add')
                    }}
                    onRemoveValue={() => {
                      update(index, { name: row.name, value: '', encrypted: true, stored: false })
                      setFocusTarget({ value: index })
                    }}
                  />
                ) : (
                  <HeaderRow
                    index={index}
                    onDelete={() => {
                      remove(index)
                      setFocusTarget('add')
                    }}
                  />
                )}
              </li>
            )
          })}
        </ul>
      ) : (
        <p className="field-hint">No headers.</p>
      )}
      <FieldError id={`${id}-error`} message={setError} />
      <Button id={`${id}-add`} onClick={() => append({ name: '', value: '', encrypted: false, stored: false })}>
        Add header
      </Button>
    </fieldset>
  )
}

function HeaderRow({ index, onDelete }: { index: number; onDelete: () => void }) {
  const id = useId()
  const { register, control } = useFormContext<WebhookFormValues>()
  const row = useWatch({ control, name: `headers.${index}` })
  const nameError = useFieldError(`headers.${index}.name`)
  const valueError = useFieldError(`headers.${index}.value`)
  const warning = row.encrypted ? null : credentialWarning(row.name, row.value)
  const n = index + 1
  return (
    <div className="header-row">
      <div className="header-cell">
        <input
          aria-label={`Header ${n} name`}
          placeholder="Name"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={describedBy(nameError && `${id}-name-error`)}
          {...register(`headers.${index}.name`)}
        />
        <FieldError id={`${id}-name-error`} message={nameError} />
      </div>
      <div className="header-cell">
        {row.encrypted ? (
          <input
            aria-label={`Header ${n} value`}
            placeholder="Value"
            type="password"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={valueError ? true : undefined}
            aria-describedby={describedBy(valueError && `${id}-value-error`)}
            {...register(`headers.${index}.value`)}
          />
        ) : (
          // A text area, not an input: an input would silently drop a pasted line break,
          // and the rule is that the person sees it refused.
          <textarea
            aria-label={`Header ${n} value`}
            placeholder="Value"
            rows={1}
            autoComplete="off"
            spellCheck={false}
            className="header-value"
            aria-invalid={valueError ? true : undefined}
            aria-describedby={describedBy(valueError && `${id}-value-error`, warning && `${id}-warning`)}
            {...register(`headers.${index}.value`)}
          />
        )}
        <FieldError id={`${id}-value-error`} message={valueError} />
        {warning ? (
          <p id={`${id}-warning`} className="field-warning">
            {warning}
          </p>
        ) : null}
      </div>
      <label className="check">
        <input type="checkbox" {...register(`headers.${index}.encrypted`)} aria-label={`Encrypt header ${n}`} />
        <span aria-hidden="true">Encrypt</span>
      </label>
      <Button variant="ghost" onClick={onDelete} aria-label={`Delete header ${n}`}>
        Delete
      </Button>
    </div>
  )
}

type StoredHeaderRowProps = {
  index: number
  name: string
  reentry: boolean
  onDelete: () => void
  onRemoveValue: () => void
}

function StoredHeaderRow({ index, name, reentry, onDelete, onRemoveValue }: StoredHeaderRowProps) {
  const id = useId()
  const { register } = useFormContext<WebhookFormValues>()
  const valueError = useFieldError(`headers.${index}.value`)
  return (
    <div className="header-row header-row-stored">
      <div className="header-cell">
        <span className="header-name">{name}</span>
      </div>
      <div className="header-cell">
        {reentry ? (
          <>
            <input
              aria-label={`Value of encrypted header ${name}`}
              placeholder="Enter the value again"
              type="password"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={valueError ? true : undefined}
              aria-describedby={describedBy(valueError && `${id}-error`)}
              {...register(`headers.${index}.value`)}
            />
            <FieldError id={`${id}-error`} message={valueError} />
          </>
        ) : (
          <span className="field-hint">Encrypted; the value is never shown.</span>
        )}
      </div>
      <span className="check">Encrypted</span>
      <div className="header-actions">
        {reentry ? null : (
          <Button onClick={onRemoveValue} aria-label={`Remove value of ${name}`}>
            Remove value
          </Button>
        )}
        <Button variant="ghost" onClick={onDelete} aria-label={`Delete header ${name}`}>
          Delete
        </Button>
      </div>
    </div>
  )
}

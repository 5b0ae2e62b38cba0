import { useEffect, useId, useRef, useState } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import { LIMITS } from '../../../api'
import { codePointLength } from '../../../lib/validation'
import { Button } from '../../../components/ui/button'
import { toast } from '../../../components/ui/toast'
import { Field, FieldError, useFieldError } from './form-field'
import type { WebhookFormValues } from './form-model'
import { generateSecret } from './generate-secret'

/**
 * The secret is write-once: a saved one is never shown, only that it is
 * set. Left alone, nothing about it is sent.
 */
export function SecretField() {
  const id = useId()
  const { register, setValue, setFocus, control } = useFormContext<WebhookFormValues>()
  const mode = useWatch({ control, name: 'secretMode' })
  const secret = useWatch({ control, name: 'secret' })
  // Held only in this component's state, so it disappears with the form.
  const [generated, setGenerated] = useState<string | null>(null)
  const error = useFieldError('secret')
  // The button that was pressed goes away with the mode; focus moves to what replaces it.
  const moveFocus = useRef(false)
  const group = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!moveFocus.current) return
    moveFocus.current = false
    if (mode === 'replace') setFocus('secret')
    else group.current?.querySelector('button')?.focus()
  }, [mode, setFocus])
  const set = (next: WebhookFormValues['secretMode']) => {
    moveFocus.current = true
    setValue('secretMode', next, { shouldDirty: true })
    setValue('secret', '', { shouldDirty: true, shouldValidate: next !== 'replace' })
    setGenerated(null)
  }

  if (mode === 'kept' || mode === 'remove') {
    return (
      <div ref={group} className="field" role="group" aria-labelledby={`${id}-label`} aria-describedby={`${id}-state`}>
        <span id={`${id}-label`} className="field-label">
          Secret
        </span>
        <p id={`${id}-state`} className={mode === 'remove' ? 'form-notice' : 'field-hint'}>
          {mode === 'kept'
            ? 'A secret is set. It is never shown again; Qlik signs each delivery with it (Qlik-Signature).'
            : 'The secret will be removed when you save; deliveries will no longer be signed.'}
        </p>
        <div className="field-actions">
          {mode === 'kept' ? (
            <>
              <Button onClick={() => set('replace')}>Replace</Button>
              <Button onClick={() => set('remove')}>Remove</Button>
            </>
          ) : (
            <Button onClick={() => set('kept')}>Keep the secret</Button>
          )}
        </div>
        <FieldError id={`${id}-error`} message={error} />
      </div>
    )
  }

  const length = codePointLength(secret)
  const inRange = length >= LIMITS.secretMin && length <= LIMITS.secretMax
  const copy = async () => {
    if (!generated) return
    try {
      await navigator.clipboard.writeText(generated)
      toast({ tone: 'success', title: 'Secret copied' })
    } catch {
      toast({ tone: 'error', title: 'Could not copy the secret', description: 'Select it and copy it yourself.' })
    }
  }

  return (
    <Field
      path="secret"
      label="Secret"
      hint={
        mode === 'replace'
          ? `The new secret replaces the saved one when you save. ${LIMITS.secretMin} to ${LIMITS.secretMax} characters.`
          : `Optional. ${LIMITS.secretMin} to ${LIMITS.secretMax} characters. Qlik signs each delivery with it (Qlik-Signature); after saving it is never shown again.`
      }
      status={
        <span className={length === 0 || inRange ? undefined : 'count-out-of-range'}>
          {length} of {LIMITS.secretMin}–{LIMITS.secretMax} characters
        </span>
      }
    >
      {(control) => (
        <>
          <div className="input-row">
            <input
              {...control}
              {...register('secret', { onChange: () => setGenerated(null) })}
              type="password"
              autoComplete="off"
              spellCheck={false}
              data-1p-ignore
              data-lpignore="true"
            />
            <Button
              onClick={() => {
                const value = generateSecret()
                setValue('secret', value, { shouldDirty: true, shouldValidate: true })
                setGenerated(value)
              }}
            >
              Generate
            </Button>
            {mode === 'replace' ? <Button onClick={() => set('kept')}>Keep the saved secret</Button> : null}
          </div>
          {generated ? (
            <div className="generated-secret" role="group" aria-label="Generated secret">
              <code>{generated}</code>
              <Button onClick={copy}>Copy</Button>
              <p className="field-hint">Copy it now for your receiver: it is shown only this once.</p>
            </div>
          ) : null}
        </>
      )}
    </Field>
  )
}

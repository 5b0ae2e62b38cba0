import { useId, type ReactNode } from 'react'
import { get, useFormContext, useFormState } from 'react-hook-form'
import type { WebhookFormValues } from './form-model'

export type ControlProps = { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }

/** The message of the error at `path` (nested paths too), if any. */
export function useFieldError(path: string): string | undefined {
  const { control } = useFormContext<WebhookFormValues>()
  // Subscribed to this path only, so that an error set after a save re-renders just its field.
  const { errors } = useFormState({ control, name: path as never })
  const error = get(errors, path) as { message?: string } | undefined
  return error?.message
}

/** Joins the ids of whichever hint and error texts are present, for aria-describedby. */
export const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(' ') || undefined

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null
}

type FieldProps = {
  path: string
  label: string
  hint?: ReactNode
  /** Extra content under the control, e.g. a live count, referenced by the control. */
  status?: ReactNode
  children: (control: ControlProps) => ReactNode
}

/** One labelled control with its hint and its error, wired for screen readers. */
export function Field({ path, label, hint, status, children }: FieldProps) {
  const id = useId()
  const error = useFieldError(path)
  const control: ControlProps = {
    id,
    'aria-describedby': describedBy(hint ? `${id}-hint` : null, status ? `${id}-status` : null, error && `${id}-error`),
    ...(error ? { 'aria-invalid': true as const } : {}),
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(control)}
      {status ? (
        <p id={`${id}-status`} className="field-hint">
          {status}
        </p>
      ) : null}
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  )
}

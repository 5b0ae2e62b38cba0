import { useId, useState } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import { Button } from '../../../components/ui/button'
import { allowsDataStatus } from '../../../lib/validation'
import { Field } from './form-field'
import type { WebhookFormValues } from './form-model'
import { buildFilter, type FilterBuilderInput } from './filter-builder'

/** The filter as text, checked as it is typed, and a builder for the common cases. */
export function FilterField() {
  const id = useId()
  const { register, control, setValue, trigger } = useFormContext<WebhookFormValues>()
  const eventTypes = useWatch({ control, name: 'eventTypes' })
  const onlyReload = allowsDataStatus(eventTypes)
  const [builder, setBuilder] = useState<FilterBuilderInput>({ spaces: '', appId: '', reloadStatus: '' })
  const built = buildFilter({ ...builder, reloadStatus: onlyReload ? builder.reloadStatus : '' })

  return (
    <div className="filter-group">
      <Field
        path="filter"
        label="Filter"
        hint={
          <>
            Optional. Only events that match are sent. Attributes <code>id</code>, <code>spaceId</code>, <code>topLevelResourceId</code>
            {onlyReload ? (
              <>
                , <code>data.status</code> (<code>&quot;ok&quot;</code> or <code>&quot;error&quot;</code>)
              </>
            ) : (
              <>
                {' '}
                (and <code>data.status</code> when App reload finished is the only event)
              </>
            )}
            ; <code>eq</code> or <code>ne</code>; joined by <code>and</code> or <code>or</code>; values in double quotes. Example:{' '}
            <code>spaceId eq &quot;5f0c…&quot; or spaceId eq &quot;61a2…&quot;</code>
          </>
        }
      >
        {(controlProps) => (
          <input
            {...controlProps}
            {...register('filter', { onChange: () => void trigger('filter') })}
            autoComplete="off"
            spellCheck={false}
            className="mono"
          />
        )}
      </Field>
      <details className="filter-builder">
        <summary>Build a filter</summary>
        <BuilderText
          label="These spaces"
          hint="Space ids, separated by commas or spaces. Events from any of them match."
          value={builder.spaces}
          onChange={(spaces) => setBuilder({ ...builder, spaces })}
        />
        <BuilderText
          label="This app"
          hint="An app id: events about this app (its reloads, data updates, exports) match."
          value={builder.appId}
          onChange={(appId) => setBuilder({ ...builder, appId })}
        />
        {onlyReload ? (
          <div className="field">
            <label htmlFor={`${id}-status`}>Reload status</label>
            <select
              id={`${id}-status`}
              value={builder.reloadStatus}
              onChange={(event) => setBuilder({ ...builder, reloadStatus: event.target.value as FilterBuilderInput['reloadStatus'] })}
            >
              <option value="">Any</option>
              <option value="ok">Succeeded (ok)</option>
              <option value="error">Failed (error)</option>
            </select>
          </div>
        ) : null}
        <p className="field-hint">
          Result: <code>{built || '(no filter)'}</code>
        </p>
        <Button onClick={() => setValue('filter', built, { shouldDirty: true, shouldValidate: true })}>Use this filter</Button>
      </details>
    </div>
  )
}

type BuilderTextProps = { label: string; hint: string; value: string; onChange: (value: string) => void }

function BuilderText({ label, hint, value, onChange }: BuilderTextProps) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-describedby={`${id}-hint`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
    </div>
  )
}

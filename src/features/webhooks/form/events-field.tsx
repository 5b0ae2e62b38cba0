import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useController, useFormContext, useWatch } from 'react-hook-form'
import type { EventType } from '../../../api'
import { Button } from '../../../components/ui/button'
import { describedBy, FieldError } from './form-field'
import { levelProblem, type WebhookFormValues } from './form-model'

type Group = { category: string; types: EventType[] }

function groupByCategory(types: EventType[]): Group[] {
  const groups = new Map<string, EventType[]>()
  for (const type of types) {
    if (!type.name) continue
    const category = type.category || 'Other'
    groups.set(category, [...(groups.get(category) ?? []), type])
  }
  return [...groups].map(([category, list]) => ({ category, types: list }))
}

const matches = (type: EventType, query: string) =>
  [type.title, type.name, type.description, type.category].some((text) => text?.toLowerCase().includes(query))

type EventsFieldProps = {
  eventTypes: EventType[] | undefined
  /** Why the catalogue could not be read, in words; null while it loads or once it has. */
  loadError: string | null
  /** Reads the catalogue again; the rest of the form keeps what was typed. */
  onRetry: () => void
  retrying: boolean
}

/** The catalogue from the API, grouped by category, searchable, with select all per group. */
export function EventsField({ eventTypes, loadError, onRetry, retrying }: EventsFieldProps) {
  const id = useId()
  const { control } = useFormContext<WebhookFormValues>()
  const { field, fieldState } = useController({ control, name: 'eventTypes' })
  const level = useWatch({ control, name: 'level' })
  const [query, setQuery] = useState('')
  const retried = useRef(false)
  const search = useRef<HTMLInputElement>(null)
  // Retry's button goes away with the error: focus moves on to the catalogue it brought.
  useEffect(() => {
    if (!eventTypes || !retried.current) return
    retried.current = false
    search.current?.focus()
  }, [eventTypes])
  const groups = useMemo(() => groupByCategory(eventTypes ?? []), [eventTypes])
  const selected = new Set(field.value)
  const q = query.trim().toLowerCase()
  const visible = groups
    .map((group) => ({ ...group, types: q ? group.types.filter((type) => matches(type, q)) : group.types }))
    .filter((group) => group.types.length > 0)
  const error = fieldState.error?.message
  // Focus goes here when the field is invalid on submit.
  const firstName = visible[0]?.types[0]?.name

  const setSelected = (next: Set<string>) => {
    // Keep the catalogue's order, which is also the order the API lists them in.
    const order = (eventTypes ?? []).map((type) => type.name ?? '')
    field.onChange([...next].sort((a, b) => order.indexOf(a) - order.indexOf(b)))
  }
  const toggle = (name: string, on: boolean) => {
    const next = new Set(selected)
    if (on) next.add(name)
    else next.delete(name)
    setSelected(next)
  }

  return (
    <fieldset className="field events" aria-describedby={describedBy(`${id}-hint`, error && `${id}-error`)}>
      <legend>Events</legend>
      <p id={`${id}-hint`} className="field-hint">
        The events that trigger this webhook. {selected.size} selected.
      </p>
      <FieldError id={`${id}-error`} message={error} />
      {loadError && !eventTypes ? (
        <div role="alert" className="form-error events-load-error">
          <p>Could not load the event types: {loadError}</p>
          {/* aria-disabled, not disabled: the button keeps focus while the types load again. */}
          <Button
            aria-disabled={retrying || undefined}
            onClick={() => {
              if (retrying) return
              retried.current = true
              onRetry()
            }}
          >
            {retrying ? 'Retrying…' : 'Retry'}
          </Button>
        </div>
      ) : !eventTypes ? (
        <p role="status">Loading event types…</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-search`}>Search events</label>
            <input
              ref={search}
              id={`${id}-search`}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              autoComplete="off"
            />
          </div>
          {visible.length === 0 ? <p className="field-hint">No event matches “{query}”.</p> : null}
          {visible.map((group) => {
            const allowed = group.types.filter((type) => !levelProblem(type, level)).map((type) => type.name!)
            const chosen = allowed.filter((name) => selected.has(name)).length
            const groupId = `${id}-${group.category.replace(/\W+/g, '-')}`
            return (
              <fieldset key={group.category} className="event-group">
                <legend>{group.category}</legend>
                <label className="check select-all">
                  <input
                    type="checkbox"
                    checked={allowed.length > 0 && chosen === allowed.length}
                    ref={(el) => {
                      if (el) el.indeterminate = chosen > 0 && chosen < allowed.length
                    }}
                    disabled={allowed.length === 0}
                    onChange={(event) => {
                      const next = new Set(selected)
                      for (const name of allowed) {
                        if (event.target.checked) next.add(name)
                        else next.delete(name)
                      }
                      setSelected(next)
                    }}
                  />
                  Select all {group.category}
                  {q ? ' shown' : ''}
                </label>
                <ul className="event-list">
                  {group.types.map((type) => {
                    const name = type.name!
                    const problem = levelProblem(type, level)
                    const checked = selected.has(name)
                    const reasonId = `${groupId}-${name}-reason`
                    return (
                      <li key={name}>
                        <label className="check">
                          <input
                            type="checkbox"
                            ref={name === firstName ? field.ref : undefined}
                            checked={checked}
                            // A selected type stays operable so that it can be unselected.
                            disabled={Boolean(problem) && !checked}
                            aria-invalid={problem && checked ? true : undefined}
                            aria-describedby={problem ? reasonId : undefined}
                            onChange={(event) => toggle(name, event.target.checked)}
                            onBlur={field.onBlur}
                          />
                          {type.title ?? name}
                        </label>
                        <span className="event-name">{name}</span>
                        {problem ? (
                          <span id={reasonId} className={checked ? 'field-error' : 'field-hint'}>
                            {problem}
                          </span>
                        ) : null}
                      </li>
                    )
                  })}
                </ul>
              </fieldset>
            )
          })}
        </>
      )}
    </fieldset>
  )
}

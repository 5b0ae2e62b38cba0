import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useController, useFormContext, useWatch } from 'react-hook-form'
import type { EventType } from '../../../api'
import { Button } from '../../../components/ui/button'
import { eventTypeDeprecation, replaceEventType } from '../../../lib/event-renames'
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

  const order = useMemo(() => (eventTypes ?? []).map((type) => type.name ?? ''), [eventTypes])
  const byName = useMemo(() => new Map((eventTypes ?? []).map((type) => [type.name, type])), [eventTypes])
  const fieldsetRef = useRef<HTMLFieldSetElement>(null)
  // After a replacement its button is gone: focus goes to the type that took the old one's place.
  const focusAfterReplace = useRef<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  useEffect(() => {
    const wanted = focusAfterReplace.current
    if (!wanted) return
    focusAfterReplace.current = null
    const target = [...(fieldsetRef.current?.querySelectorAll<HTMLInputElement>('input[data-event-type]') ?? [])].find(
      (input) => input.dataset.eventType === wanted,
    )
    ;(target ?? fieldsetRef.current?.querySelector<HTMLInputElement>('input[type="search"]'))?.focus()
  }, [field.value])

  const titleOf = (name: string) => byName.get(name)?.title ?? name
  const namedText = (name: string) => (titleOf(name) === name ? name : `${titleOf(name)} (${name})`)
  // "Title (name)", or the name alone when the catalogue has no title for it.
  const named = (name: string) => {
    const title = byName.get(name)?.title
    return title && title !== name ? (
      <>
        {title} (<code>{name}</code>)
      </>
    ) : (
      <code>{name}</code>
    )
  }
  // Selected types Qlik deprecated, with their successor when this tenant offers it.
  const deprecations = eventTypes
    ? field.value.flatMap((name) => {
        const deprecation = eventTypeDeprecation(byName.get(name) ?? { name })
        if (!deprecation) return []
        const offered = deprecation.replacedBy && byName.has(deprecation.replacedBy) ? deprecation.replacedBy : undefined
        return [{ ...deprecation, offered }]
      })
    : []
  const replaceable = deprecations.filter((d) => d.offered)
  const replace = (pairs: { name: string; offered?: string }[]) => {
    let next = field.value
    for (const { name, offered } of pairs) if (offered) next = replaceEventType(next, name, offered, order)
    field.onChange(next)
    setAnnouncement(pairs.map(({ name, offered }) => `Replaced ${titleOf(name)} with ${titleOf(offered ?? name)}.`).join(' '))
    focusAfterReplace.current = pairs[0]?.offered ?? null
  }

  const setSelected = (next: Set<string>) => {
    // Keep the catalogue's order, which is also the order the API lists them in.
    field.onChange([...next].sort((a, b) => order.indexOf(a) - order.indexOf(b)))
  }
  const toggle = (name: string, on: boolean) => {
    const next = new Set(selected)
    if (on) next.add(name)
    else next.delete(name)
    setSelected(next)
  }

  return (
    <fieldset ref={fieldsetRef} className="field events" aria-describedby={describedBy(`${id}-hint`, error && `${id}-error`)}>
      <legend>Events</legend>
      <p id={`${id}-hint`} className="field-hint">
        The events that trigger this webhook. {selected.size} selected.
      </p>
      <FieldError id={`${id}-error`} message={error} />
      {deprecations.length ? (
        <div className="form-notice event-deprecations" aria-labelledby={`${id}-deprecated`} role="group">
          <p id={`${id}-deprecated`}>
            <strong>{deprecations.length === 1 ? 'A deprecated event type is selected.' : 'Deprecated event types are selected.'}</strong>{' '}
            Qlik has deprecated them: subscribe to the event types that replace them.
          </p>
          <ul>
            {deprecations.map((deprecation) => (
              <li key={deprecation.name}>
                <p>
                  {named(deprecation.name)} is deprecated
                  {deprecation.replacedBy ? (
                    <>
                      : it is replaced by {named(deprecation.replacedBy)}
                      {deprecation.offered ? '.' : ', which this tenant does not offer yet.'}
                    </>
                  ) : (
                    '.'
                  )}
                </p>
                {deprecation.offered ? (
                  <Button onClick={() => replace([deprecation])}>Replace with {titleOf(deprecation.offered)}</Button>
                ) : null}
              </li>
            ))}
          </ul>
          {replaceable.length > 1 ? <Button onClick={() => replace(replaceable)}>Replace all {replaceable.length}</Button> : null}
        </div>
      ) : null}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
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
                    const deprecation = eventTypeDeprecation(type)
                    const deprecatedId = `${groupId}-${name}-deprecated`
                    return (
                      <li key={name}>
                        <label className="check">
                          <input
                            type="checkbox"
                            data-event-type={name}
                            ref={name === firstName ? field.ref : undefined}
                            checked={checked}
                            // A selected type stays operable so that it can be unselected.
                            disabled={Boolean(problem) && !checked}
                            aria-invalid={problem && checked ? true : undefined}
                            aria-describedby={describedBy(problem && reasonId, deprecation && deprecatedId)}
                            onChange={(event) => toggle(name, event.target.checked)}
                            onBlur={field.onBlur}
                          />
                          {type.title ?? name}
                        </label>
                        <span className="event-name">{name}</span>
                        {deprecation ? (
                          <span id={deprecatedId} className="field-hint">
                            Deprecated
                            {deprecation.replacedBy ? `: replaced by ${namedText(deprecation.replacedBy)}` : ''}.
                          </span>
                        ) : null}
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

import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import { LEVELS, ORIGINS } from '../../api'
import { Button } from '../../components/ui/button'
import { MultiSelectMenu, type MultiSelectOption } from '../../components/ui/multi-select-menu'
import { SelectField } from '../../components/ui/select-field'
import { setSearch } from '../../lib/url-state'
import { eventTypesQuery } from './queries'
import { clearFiltersUpdate, filterUpdate, hasFilters, type FilterState, type TableState } from './table-state'

/** How long typing must pause before a text filter reaches the URL and the API. */
export const TEXT_FILTER_DELAY_MS = 300

type TextFilterProps = { label: string; field: 'name' | 'url'; value: string; placeholder: string }

/**
 * A free-text filter. The first change while the field has focus makes a
 * Back-button step; the rest of the same typing replaces it, so Back goes
 * to the view before the typing, not to each letter.
 */
function TextFilter({ label, field, value, placeholder }: TextFilterProps) {
  const id = useId()
  const [text, setText] = useState(value)
  const [urlValue, setUrlValue] = useState(value)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const stepMade = useRef(false)

  // Back, Clear filters or a shared link changed the URL: show what it says.
  if (value !== urlValue) {
    setUrlValue(value)
    setText(value)
  }

  useEffect(() => () => clearTimeout(timer.current), [])

  const pending = useRef<string | undefined>(undefined)

  const commit = (next: string) => {
    clearTimeout(timer.current)
    pending.current = undefined
    setSearch(filterUpdate({ [field]: next }), stepMade.current ? 'replace' : 'push')
    stepMade.current = true
  }

  return (
    <div className="filter-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="input"
        value={text}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          const next = event.target.value
          setText(next)
          clearTimeout(timer.current)
          pending.current = next
          timer.current = setTimeout(() => commit(next), TEXT_FILTER_DELAY_MS)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(text)
        }}
        onBlur={() => {
          // Leaving the field (e.g. for Clear filters) applies what was typed first.
          if (pending.current !== undefined) commit(pending.current)
          stepMade.current = false
        }}
      />
    </div>
  )
}

// A choice of one, or none: "Any" leaves the filter out of the URL.
const any = { value: '', label: 'Any' }
const statusOptions = [any, { value: 'enabled', label: 'Enabled' }, { value: 'disabled', label: 'Disabled' }]
const levelOptions = [any, ...LEVELS.map((level) => ({ value: level, label: level }))]
const originOptions: MultiSelectOption[] = ORIGINS.map((origin) => ({ value: origin, label: origin }))

const update = (filters: Partial<FilterState>) => setSearch(filterUpdate(filters))

export function WebhooksFilters({ state }: { state: TableState }) {
  const eventTypes = useQuery(eventTypesQuery())
  // Selected names stay listed even before (or without) the catalogue, so a shared link still reads right.
  const known = new Set(eventTypes.data?.data.map((type) => type.name))
  const eventOptions: MultiSelectOption[] = [
    ...(eventTypes.data?.data ?? [])
      .filter((type) => type.name)
      .map((type) => ({ value: type.name!, label: type.title || type.name!, group: type.category })),
    ...state.events.filter((name) => !known.has(name)).map((name) => ({ value: name, label: name })),
  ]

  return (
    <div role="search" className="filters" aria-label="Filter webhooks">
      <TextFilter label="Name" field="name" value={state.name} placeholder="Part of a name" />
      <TextFilter label="URL" field="url" value={state.url} placeholder="Part of a URL" />
      <SelectField
        label="Status"
        value={state.status}
        options={statusOptions}
        onChange={(status) => update({ status: status as FilterState['status'] })}
      />
      <MultiSelectMenu label="Event types" options={eventOptions} selected={state.events} onChange={(events) => update({ events })} />
      <SelectField
        label="Level"
        value={state.level}
        options={levelOptions}
        onChange={(level) => update({ level: level as FilterState['level'] })}
      />
      <MultiSelectMenu
        label="Origin"
        options={originOptions}
        selected={state.origins}
        onChange={(origins) => update({ origins: origins as FilterState['origins'] })}
      />
      <Button className="filters-clear" disabled={!hasFilters(state)} onClick={() => setSearch(clearFiltersUpdate())}>
        Clear filters
      </Button>
    </div>
  )
}

import { useId } from 'react'
import { Button } from '../../components/ui/button'
import { SelectField } from '../../components/ui/select-field'
import { DELIVERY_SORT_OPTIONS, type HistoryFilters } from './history-params'
import { fromLocalInput, toLocalInput, type ViewFilterErrors, type ViewFilters } from './view-filters'

const statusOptions = [
  { value: '', label: 'All statuses' },
  { value: 'success', label: 'Success' },
  { value: 'fail', label: 'Failed' },
]

type DeliveryFiltersProps = {
  filters: HistoryFilters
  /** The event types to offer: the webhook's, those in the list, and the one filtered on. */
  eventTypes: string[]
  onChange: (patch: Partial<HistoryFilters>) => void
  onClear: () => void
  /** From, To and Search payloads: filters the API lacks, applied by the console. */
  view: ViewFilters
  /** The text of From and To as the URL has it, kept when it is in error. */
  viewErrors: ViewFilterErrors
  onViewChange: (patch: Partial<ViewFilters>) => void
  /** The 7 days the API keeps, for the date pickers' range. */
  now: number
}

export function DeliveryFilters({ filters, eventTypes, onChange, onClear, view, viewErrors, onViewChange, now }: DeliveryFiltersProps) {
  const ids = useId()
  const filtered = Boolean(filters.status || filters.eventType || view.from !== undefined || view.to !== undefined || view.search)
  const min = toLocalInput(now - 7 * 24 * 60 * 60 * 1000)
  const max = toLocalInput(now + 60_000)
  const dateField = (key: 'from' | 'to', label: string) => {
    const error = viewErrors[key]
    return (
      <div className="delivery-field">
        <label className="field-label" htmlFor={`${ids}-${key}`}>
          {label}
        </label>
        <input
          id={`${ids}-${key}`}
          className="input"
          type="datetime-local"
          min={min}
          max={max}
          value={view[key] === undefined ? '' : toLocalInput(view[key])}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ids}-${key}-error` : undefined}
          onChange={(event) => onViewChange({ [key]: fromLocalInput(event.target.value) })}
        />
        {error ? (
          <p id={`${ids}-${key}-error`} className="field-error">
            {error}
          </p>
        ) : null}
      </div>
    )
  }
  return (
    <div className="delivery-filters" role="group" aria-label="Filter and sort deliveries">
      <SelectField
        className="delivery-field"
        label="Status"
        value={filters.status}
        options={statusOptions}
        onChange={(status) => onChange({ status: status as HistoryFilters['status'] })}
      />
      <SelectField
        className="delivery-field"
        label="Event type"
        value={filters.eventType}
        options={[{ value: '', label: 'All event types' }, ...eventTypes.map((type) => ({ value: type, label: type }))]}
        onChange={(eventType) => onChange({ eventType })}
      />
      <SelectField
        className="delivery-field"
        label="Sort"
        value={filters.sort}
        options={DELIVERY_SORT_OPTIONS}
        onChange={(sort) => sort && onChange({ sort: sort as HistoryFilters['sort'] })}
      />
      {dateField('from', 'From')}
      {dateField('to', 'To')}
      <div className="delivery-field delivery-search">
        <label className="field-label" htmlFor={`${ids}-search`}>
          Search payloads
        </label>
        <input
          id={`${ids}-search`}
          className="input"
          type="search"
          value={view.search}
          aria-describedby={`${ids}-search-hint`}
          onChange={(event) => onViewChange({ search: event.target.value })}
        />
        <span id={`${ids}-search-hint`} className="visually-hidden">
          Matches the body, the status message and header names and values, never an encrypted value.
        </span>
      </div>
      {filtered ? <Button onClick={onClear}>Clear filters</Button> : null}
    </div>
  )
}

import { Button } from '../../components/ui/button'
import { SelectField } from '../../components/ui/select-field'
import { DELIVERY_SORT_OPTIONS, type HistoryFilters } from './history-params'

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
}

export function DeliveryFilters({ filters, eventTypes, onChange, onClear }: DeliveryFiltersProps) {
  const filtered = Boolean(filters.status || filters.eventType)
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
      {filtered ? <Button onClick={onClear}>Clear filters</Button> : null}
    </div>
  )
}

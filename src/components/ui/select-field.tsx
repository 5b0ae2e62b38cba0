import { useId } from 'react'

export type SelectOption = { value: string; label: string }

type SelectFieldProps = {
  label: string
  value: string
  options: readonly SelectOption[]
  onChange: (value: string) => void
  /** The wrapper's class, for the layout of the row it sits in. */
  className?: string
}

/** A native select with its visible label: the keyboard and screen readers get the platform's own behaviour. */
export function SelectField({ label, value, options, onChange, className = 'filter-field' }: SelectFieldProps) {
  const id = useId()
  return (
    <div className={className}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}

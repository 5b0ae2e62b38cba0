import { useId } from 'react'

export type SelectOption = { value: string; label: string }

type SelectFieldProps = {
  label: string
  /** Undefined selects the option whose value is '' (such as "Any"), and choosing that option gives undefined. */
  value: string | undefined
  options: readonly SelectOption[]
  onChange: (value: string | undefined) => void
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
      <select id={id} className="input" value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}

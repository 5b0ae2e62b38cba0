import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react'

export type MultiSelectOption = { value: string; label: string; group?: string }

type MultiSelectMenuProps = {
  label: string
  options: MultiSelectOption[]
  selected: string[]
  onChange: (selected: string[]) => void
  /** Shown on the button when nothing is selected. */
  placeholder?: string
}

/**
 * A labelled button that shows and hides a panel of checkboxes (a
 * disclosure): Tab moves through them, Space toggles, Escape closes and
 * returns to the button, as does leaving the panel. Options with a `group`
 * are listed under its heading, as a fieldset. Needs no popup library, and
 * the panel stays inside the page's landmarks.
 */
export function MultiSelectMenu({ label, options, selected, onChange, placeholder = 'Any' }: MultiSelectMenuProps) {
  const [open, setOpen] = useState(false)
  const labelId = useId()
  const valueId = useId()
  const panelId = useId()
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)

  const chosen = options.filter((option) => selected.includes(option.value))
  const summary = chosen.length === 0 ? placeholder : chosen.length === 1 ? chosen[0]!.label : `${chosen.length} selected`
  const toggle = (value: string, checked: boolean) => onChange(checked ? [...selected, value] : selected.filter((item) => item !== value))

  const groups: { name: string | undefined; options: MultiSelectOption[] }[] = []
  for (const option of options) {
    const group = groups.find((g) => g.name === option.group)
    if (group) group.options.push(option)
    else groups.push({ name: option.group, options: [option] })
  }

  useEffect(() => {
    if (!open) return
    panel.current?.querySelector('input')?.focus()
    const outside = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', outside)
    return () => document.removeEventListener('pointerdown', outside)
  }, [open])

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault()
      setOpen(false)
      button.current?.focus()
    }
  }
  const onBlur = (event: FocusEvent) => {
    // Only when focus moves to something outside (Tab). A click on an option's
    // text moves focus to nothing at all; clicks outside close by pointerdown.
    const next = event.relatedTarget as Node | null
    if (next && !root.current?.contains(next)) setOpen(false)
  }

  const checkbox = (option: MultiSelectOption) => (
    <label key={option.value} className="multi-select-option">
      <input type="checkbox" checked={selected.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />
      {option.label}
    </label>
  )

  return (
    // The handlers only listen for Escape and for focus leaving the widget; the controls inside are native.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div className="multi-select" ref={root} onKeyDown={onKeyDown} onBlur={onBlur}>
      <span id={labelId} className="field-label">
        {label}
      </span>
      <button
        ref={button}
        type="button"
        className="btn multi-select-trigger"
        aria-labelledby={`${labelId} ${valueId}`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
      >
        <span id={valueId}>{summary}</span>
        <span aria-hidden="true" className="multi-select-caret">
          ▾
        </span>
      </button>
      {open ? (
        <div ref={panel} id={panelId} role="group" aria-labelledby={labelId} className="multi-select-panel">
          {groups.map((group) =>
            group.name ? (
              <fieldset key={group.name} className="multi-select-group">
                <legend>{group.name}</legend>
                {group.options.map(checkbox)}
              </fieldset>
            ) : (
              group.options.map(checkbox)
            ),
          )}
          {selected.length > 0 ? (
            <button
              type="button"
              className="btn btn-ghost multi-select-clear"
              onClick={() => {
                // This button goes away with the selection: keep focus in the panel.
                panel.current?.querySelector('input')?.focus()
                onChange([])
              }}
            >
              Clear selection
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}

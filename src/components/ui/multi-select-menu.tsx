import { DropdownMenu as Menu } from 'radix-ui'
import { useId } from 'react'

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
 * A labelled button opening a menu of checkboxes: arrow keys move, Space or
 * Enter toggles and the menu stays open for the next choice, Escape closes
 * and returns focus. Options with a `group` are listed under its heading.
 */
export function MultiSelectMenu({ label, options, selected, onChange, placeholder = 'Any' }: MultiSelectMenuProps) {
  const labelId = useId()
  const valueId = useId()
  const chosen = options.filter((option) => selected.includes(option.value))
  const summary =
    chosen.length === 0 ? placeholder : chosen.length === 1 ? chosen[0]!.label : `${chosen.length} selected`
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...selected, value] : selected.filter((item) => item !== value))

  const groups: { name: string | undefined; options: MultiSelectOption[] }[] = []
  for (const option of options) {
    const group = groups.find((g) => g.name === option.group)
    if (group) group.options.push(option)
    else groups.push({ name: option.group, options: [option] })
  }

  return (
    <div className="multi-select">
      <span id={labelId} className="field-label">
        {label}
      </span>
      <Menu.Root modal={false}>
        <Menu.Trigger className="btn multi-select-trigger" aria-labelledby={`${labelId} ${valueId}`}>
          <span id={valueId}>{summary}</span>
          <span aria-hidden="true" className="multi-select-caret">
            ▾
          </span>
        </Menu.Trigger>
        {/* No portal: the menu stays inside the page's landmarks. */}
        <Menu.Content className="menu multi-select-menu" align="start" sideOffset={4} aria-labelledby={labelId}>
          {selected.length > 0 ? (
            <>
              <Menu.Item className="menu-item" onSelect={() => onChange([])}>
                Clear selection
              </Menu.Item>
              <Menu.Separator className="menu-separator" />
            </>
          ) : null}
          {groups.map((group) => (
            <Menu.Group key={group.name ?? ''}>
              {group.name ? <Menu.Label className="menu-label">{group.name}</Menu.Label> : null}
              {group.options.map((option) => (
                <Menu.CheckboxItem
                  key={option.value}
                  className="menu-item menu-checkbox-item"
                  checked={selected.includes(option.value)}
                  onCheckedChange={(checked) => toggle(option.value, checked === true)}
                  // Keep the menu open: choosing several is the point.
                  onSelect={(event) => event.preventDefault()}
                >
                  <span className="menu-check" aria-hidden="true">
                    <Menu.ItemIndicator>✓</Menu.ItemIndicator>
                  </span>
                  {option.label}
                </Menu.CheckboxItem>
              ))}
            </Menu.Group>
          ))}
        </Menu.Content>
      </Menu.Root>
    </div>
  )
}

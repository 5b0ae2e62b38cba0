import { useMemo, useState } from 'react'
import { isContainer, jsonKeys, jsonKind, jsonScalarText, jsonSlice, jsonSummary, truncateText } from '../../lib/json-tree'

type JsonTreeProps = {
  value: unknown
  /** Accessible name of the whole tree. */
  label: string
  /** Levels open at first (the root is level 0). */
  defaultExpandDepth?: number
  /** Children shown per step of a large object or array. */
  pageSize?: number
  /** Characters of a string shown before "Show all". */
  maxStringLength?: number
}

type Settings = Required<Pick<JsonTreeProps, 'defaultExpandDepth' | 'pageSize' | 'maxStringLength'>>

/**
 * A collapsible view of any JSON value, as nested lists with disclosure
 * buttons: Tab moves between them, Enter or Space opens and closes. Children
 * render only once their parent is open, and large containers and long
 * strings a page at a time, so a 1 MB document costs what is on screen.
 * Every value is React text: markup inside a string stays inert.
 */
export function JsonTree({ value, label, defaultExpandDepth = 1, pageSize = 100, maxStringLength = 500 }: JsonTreeProps) {
  const settings = { defaultExpandDepth, pageSize, maxStringLength }
  return (
    <ul className="json-tree" aria-label={label}>
      <JsonNode name={undefined} value={value} depth={0} settings={settings} />
    </ul>
  )
}

function KeyLabel({ name }: { name: string | number | undefined }) {
  if (name === undefined) return null
  return (
    <>
      <span className="json-key">{typeof name === 'number' ? name : JSON.stringify(name)}</span>
      <span className="json-colon">: </span>
    </>
  )
}

function JsonNode({
  name,
  value,
  depth,
  settings,
}: {
  name: string | number | undefined
  value: unknown
  depth: number
  settings: Settings
}) {
  const kind = jsonKind(value)
  if (!isContainer(kind)) {
    return (
      <li className="json-row">
        <KeyLabel name={name} />
        <JsonScalar value={value} kind={kind} maxLength={settings.maxStringLength} />
      </li>
    )
  }
  return <JsonContainer name={name} value={value} depth={depth} settings={settings} />
}

function JsonContainer({
  name,
  value,
  depth,
  settings,
}: {
  name: string | number | undefined
  value: unknown
  depth: number
  settings: Settings
}) {
  const kind = jsonKind(value)
  const keys = useMemo(() => jsonKeys(value), [value])
  const [open, setOpen] = useState(depth < settings.defaultExpandDepth)
  const [shown, setShown] = useState(settings.pageSize)
  const remaining = keys.length - shown
  if (!keys.length) {
    return (
      <li className="json-row">
        <KeyLabel name={name} />
        <span className={`json-value json-${kind}`}>{kind === 'array' ? '[]' : '{}'}</span>
      </li>
    )
  }
  return (
    <li className="json-row">
      <button type="button" className="json-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="json-caret" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <KeyLabel name={name} />
        <span className="json-summary">{jsonSummary(kind, keys.length)}</span>
      </button>
      {open ? (
        <ul className="json-children">
          {jsonSlice(value, keys, 0, shown).map((entry) => (
            <JsonNode key={entry.key} name={entry.key} value={entry.value} depth={depth + 1} settings={settings} />
          ))}
          {remaining > 0 ? (
            <li className="json-row">
              <button type="button" className="json-more" onClick={() => setShown(shown + settings.pageSize)}>
                Show {Math.min(remaining, settings.pageSize)} more ({remaining} not shown)
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </li>
  )
}

function JsonScalar({ value, kind, maxLength }: { value: unknown; kind: ReturnType<typeof jsonKind>; maxLength: number }) {
  const [full, setFull] = useState(false)
  const text = jsonScalarText(value)
  const cut = full ? { text, omitted: 0 } : truncateText(text, maxLength)
  return (
    <>
      <span className={`json-value json-${kind}`}>
        {cut.text}
        {cut.omitted ? '…' : null}
      </span>
      {cut.omitted ? (
        <button type="button" className="json-more" onClick={() => setFull(true)}>
          Show all ({cut.omitted} more characters)
        </button>
      ) : null}
    </>
  )
}

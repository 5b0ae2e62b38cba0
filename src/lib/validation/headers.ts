import { LIMITS } from '../limits'

// Custom headers Qlik sends with each delivery (webhooks-api.md §4.1, §6).
// Names are RFC 9110 tokens; a name may appear once across plain and
// encrypted headers, compared case-insensitively, since HTTP names are;
// each set is at most 2048 bytes, counted as UTF-8 of names plus values.

export type HeaderSet = 'headers' | 'encryptedHeaders'

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/

const encoder = new TextEncoder()

/** Size of a string as sent on the wire. */
export function utf8Length(value: string): number {
  return encoder.encode(value).length
}

/** Bytes a header set counts against its 2048-byte limit: names plus values. */
export function headerSetBytes(entries: Record<string, string> | Iterable<{ name: string; value: string }>): number {
  const pairs = Symbol.iterator in entries ? [...entries] : Object.entries(entries).map(([name, value]) => ({ name, value }))
  return pairs.reduce((sum, { name, value }) => sum + utf8Length(name) + utf8Length(value), 0)
}

function describeChar(char: string): string {
  if (char === ' ') return 'a space'
  if (char === '\t') return 'a tab'
  if (char === '\r' || char === '\n') return 'a line break'
  const code = char.codePointAt(0) ?? 0
  if (code < 0x20 || code === 0x7f) return `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`
  return `"${char}"`
}

/** Null when `name` is a valid HTTP header name, else why not. */
export function validateHeaderName(name: string): string | null {
  if (name === '') return 'Enter a header name.'
  if (TOKEN.test(name)) return null
  const bad = [...name].find((char) => !TOKEN_CHAR.test(char)) ?? ''
  return `The header name "${name}" contains ${describeChar(bad)}; use letters, digits and ! # $ % & ' * + - . ^ _ \` | ~ only.`
}

/** Null when `value` can be sent as a header value: one line, no control characters. */
export function validateHeaderValue(value: string, name?: string): string | null {
  const of = name ? ` of "${name}"` : ''
  if (/[\r\n]/.test(value)) return `The value${of} must be on one line (no line breaks).`
  // Horizontal tab is the one control character a field value may hold.
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000a-\u001f\u007f]/.exec(value)?.[0]
  if (control !== undefined) return `The value${of} contains ${describeChar(control)}, which a header cannot carry.`
  return null
}

/** Null when a set's names and values fit in 2048 UTF-8 bytes, else by how much they do not. */
export function validateHeaderSetSize(
  entries: Record<string, string> | Iterable<{ name: string; value: string }>,
  set: HeaderSet = 'headers',
): string | null {
  const bytes = headerSetBytes(entries)
  if (bytes <= LIMITS.headerBytes) return null
  const label = set === 'headers' ? 'Headers' : 'Encrypted headers'
  return `${label} must be at most ${LIMITS.headerBytes} bytes in total (names plus values, UTF-8); these are ${bytes} bytes.`
}

/** Names that occur more than once, ignoring case, each reported in its first spelling. */
export function findDuplicateHeaderNames(names: Iterable<string>): string[] {
  const seen = new Map<string, number>()
  const firstSpelling = new Map<string, string>()
  for (const name of names) {
    const key = name.toLowerCase()
    seen.set(key, (seen.get(key) ?? 0) + 1)
    if (!firstSpelling.has(key)) firstSpelling.set(key, name)
  }
  return [...seen].filter(([, count]) => count > 1).map(([key]) => firstSpelling.get(key)!)
}

export type HeaderIssue = {
  set: HeaderSet
  /** The header the message is about; absent for a message about the whole set (its size). */
  name?: string
  field: 'name' | 'value' | 'set'
  message: string
}

/**
 * Every problem of a webhook's two header sets, as sent in a POST, PUT or the
 * result of a PATCH. Values of encrypted headers that are already saved are
 * unknown to a client: pass just the names that are not re-entered in
 * `savedEncryptedNames` so that duplicates are still caught.
 */
export function validateHeaders(
  headers: Record<string, string> | undefined,
  encryptedHeaders: Record<string, string> | undefined,
  savedEncryptedNames: string[] = [],
): HeaderIssue[] {
  const issues: HeaderIssue[] = []
  const sets: [HeaderSet, Record<string, string>][] = [
    ['headers', headers ?? {}],
    ['encryptedHeaders', encryptedHeaders ?? {}],
  ]
  for (const [set, map] of sets) {
    for (const [name, value] of Object.entries(map)) {
      const nameProblem = validateHeaderName(name)
      if (nameProblem) issues.push({ set, name, field: 'name', message: nameProblem })
      const valueProblem = validateHeaderValue(value, name)
      if (valueProblem) issues.push({ set, name, field: 'value', message: valueProblem })
    }
    const sizeProblem = validateHeaderSetSize(map, set)
    if (sizeProblem) issues.push({ set, field: 'set', message: sizeProblem })
  }
  const plainNames = Object.keys(headers ?? {})
  const encryptedNames = [...Object.keys(encryptedHeaders ?? {}), ...savedEncryptedNames]
  const plainKeys = new Set(plainNames.map((n) => n.toLowerCase()))
  for (const name of findDuplicateHeaderNames(plainNames)) {
    issues.push({
      set: 'headers',
      name,
      field: 'name',
      message: `The header "${name}" is given more than once (names are not case-sensitive).`,
    })
  }
  for (const name of findDuplicateHeaderNames(encryptedNames)) {
    issues.push({
      set: 'encryptedHeaders',
      name,
      field: 'name',
      message: `The encrypted header "${name}" is given more than once (names are not case-sensitive).`,
    })
  }
  const reported = new Set<string>()
  for (const name of encryptedNames) {
    const key = name.toLowerCase()
    if (plainKeys.has(key) && !reported.has(key)) {
      reported.add(key)
      issues.push({
        set: 'encryptedHeaders',
        name,
        field: 'name',
        message: `The header "${name}" is both a plain and an encrypted header; a name may be used once (names are not case-sensitive).`,
      })
    }
  }
  return issues
}

export type HeaderRow = { name: string; value: string; encrypted: boolean }
export type HeaderRowErrors = { name?: string; value?: string }

/**
 * The same rules for an editable list of rows (a form): per-row messages by
 * index, and one message per set that is too large.
 */
export function validateHeaderRows(rows: HeaderRow[]): {
  rows: HeaderRowErrors[]
  sets: Partial<Record<HeaderSet, string>>
} {
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(row.name.toLowerCase(), (counts.get(row.name.toLowerCase()) ?? 0) + 1)
  const rowErrors = rows.map((row): HeaderRowErrors => {
    const errors: HeaderRowErrors = {}
    const nameProblem = validateHeaderName(row.name)
    if (nameProblem) errors.name = nameProblem
    else if ((counts.get(row.name.toLowerCase()) ?? 0) > 1) {
      errors.name = `The header "${row.name}" is given more than once (names are not case-sensitive, and plain and encrypted headers share names).`
    }
    const valueProblem = validateHeaderValue(row.value, row.name || undefined)
    if (valueProblem) errors.value = valueProblem
    return errors
  })
  const sets: Partial<Record<HeaderSet, string>> = {}
  for (const set of ['headers', 'encryptedHeaders'] as const) {
    const problem = validateHeaderSetSize(
      rows.filter((row) => row.encrypted === (set === 'encryptedHeaders')),
      set,
    )
    if (problem) sets[set] = problem
  }
  return { rows: rowErrors, sets }
}

// The model behind the JSON viewer: what kind a value is, how many children
// it has, and one slice of them at a time, so that a view of a 1 MB body
// only ever touches the part a person has opened.

export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null'

export function jsonKind(value: unknown): JsonKind {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return 'array'
  switch (typeof value) {
    case 'object':
      return 'object'
    case 'string':
      return 'string'
    case 'number':
    case 'bigint':
      return 'number'
    case 'boolean':
      return 'boolean'
    default:
      return 'null'
  }
}

export const isContainer = (kind: JsonKind) => kind === 'object' || kind === 'array'

/** The keys of an object or the indexes of an array, computed once per node. */
export function jsonKeys(value: unknown): string[] | number[] {
  if (Array.isArray(value)) return Array.from({ length: value.length }, (_, i) => i)
  if (jsonKind(value) === 'object') return Object.keys(value as object)
  return []
}

export type JsonEntry = { key: string | number; value: unknown }

/** Children `start` to `end` (exclusive) of a container. */
export function jsonSlice(value: unknown, keys: readonly (string | number)[], start: number, end: number): JsonEntry[] {
  return keys.slice(start, end).map((key) => ({ key, value: (value as Record<string | number, unknown>)[key] }))
}

/** A one-line description of a container: `{ 3 keys }`, `[ 10 items ]`. */
export function jsonSummary(kind: JsonKind, count: number): string {
  if (kind === 'array') return `[ ${count} ${count === 1 ? 'item' : 'items'} ]`
  if (kind === 'object') return `{ ${count} ${count === 1 ? 'key' : 'keys'} }`
  return ''
}

/** A scalar as JSON writes it; strings keep their quotes and escapes. */
export function jsonScalarText(value: unknown): string {
  if (value === undefined) return 'null'
  if (typeof value === 'bigint') return value.toString()
  return JSON.stringify(value) ?? 'null'
}

/** Cuts long text for display and says how much was left out. */
export function truncateText(text: string, max: number): { text: string; omitted: number } {
  if (text.length <= max) return { text, omitted: 0 }
  return { text: text.slice(0, max), omitted: text.length - max }
}

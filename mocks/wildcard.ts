// Qlik's `name` and `url` list filters: a case-insensitive substring where
// `*` stands for any run of characters. Matched by finding the parts
// between the stars in order, never through a regular expression: `.*`
// repeated in an unanchored pattern backtracks in polynomial time, and one
// `?name=**********zq` froze the whole mock (webhooks-api.md §2).

/** The longest pattern the mock reads: the longest value it can match (a URL) [assumed]. */
export const WILDCARD_PATTERN_MAX_LENGTH = 2048

/**
 * True when `value` contains the parts of `pattern` (split on `*`) in order,
 * without overlap: one left-to-right scan, so at most linear in the value
 * for each part.
 */
export function wildcardMatch(value: string | undefined, pattern: string): boolean {
  const text = (value ?? '').toLowerCase()
  let from = 0
  for (const part of pattern.toLowerCase().split('*')) {
    if (part === '') continue
    const at = text.indexOf(part, from)
    if (at === -1) return false
    from = at + part.length
  }
  return true
}

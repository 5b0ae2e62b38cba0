// Rules for the free text of a webhook (name, description): what a person
// reads in the console must be what is stored. Lengths are in characters
// as a person counts them (Unicode code points), not UTF-16 units, so an
// emoji counts once; messages say so.

/** Characters (code points) in `value`; a lone surrogate counts as one. */
export function codePointLength(value: string): number {
  let count = 0
  for (const _ of value) count += 1
  return count
}

// Bidi embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069)
// reorder the text around them: "Invoice \u202Efdp.exe" reads "Invoice exe.pdf".
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u
// Whitespace, format characters (zero-width, BOM, word joiner, bidi marks),
// default-ignorable code points (Hangul fillers, variation selectors) and
// controls draw nothing on their own.
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cs}]/u
const LONE_SURROGATE = /\p{Cs}/u

const codeOf = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`

export type TextRules = {
  /** How the message names the field: "The name". */
  label: string
  max: number
  /** A value needs at least one visible character. */
  required?: boolean
  /** Line breaks and tabs are allowed (a description). */
  multiline?: boolean
}

/** Null when `value` is a valid text field by `rules`, else one message that says what to change. */
export function validateText(value: string, { label, max, required = false, multiline = false }: TextRules): string | null {
  if (required && !VISIBLE.test(value)) {
    return value === ''
      ? `Enter ${label.toLowerCase().replace(/^the /, 'a ')}.`
      : `${label} has no visible character (only spaces or invisible characters); enter some text.`
  }
  const length = codePointLength(value)
  if (length > max) return `${label} must be at most ${max} characters (code points); it has ${length}.`
  if (LONE_SURROGATE.test(value)) {
    return `${label} contains a broken character (a lone UTF-16 surrogate); type or paste it again.`
  }
  // eslint-disable-next-line no-control-regex
  const control = (multiline ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/ : /[\u0000-\u001F\u007F-\u009F]/).exec(value)?.[0]
  if (control !== undefined) {
    return `${label} contains a control character (${codeOf(control)})${multiline ? '' : ', such as a line break or NUL'}; remove it.`
  }
  const bidi = BIDI_CONTROL.exec(value)?.[0]
  if (bidi !== undefined) {
    return `${label} contains a bidirectional control character (${codeOf(bidi)}), which makes text display in another order than it is stored; remove it.`
  }
  return null
}

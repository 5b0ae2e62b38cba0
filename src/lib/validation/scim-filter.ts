// The SCIM filter subset Qlik accepts on a webhook (webhooks-api.md §6):
//
//   filter     = comparison *( (" and " / " or ") comparison )   ; "and" binds tighter
//   comparison = attr (" eq " / " ne ") json-string
//   attr       = "id" / "spaceId" / "topLevelResourceId" / "data.status"
//
// As in RFC 7644, attribute names, operators and "and"/"or" are matched
// without regard to case; values are compared exactly.

export const FILTER_ATTRIBUTES = ['id', 'spaceId', 'topLevelResourceId', 'data.status'] as const
export type FilterAttribute = (typeof FILTER_ATTRIBUTES)[number]
export type FilterOperator = 'eq' | 'ne'

/** The only event type whose webhooks may filter on `data.status`. */
export const DATA_STATUS_EVENT_TYPE = 'com.qlik.v1.app.reload.finished'
export const DATA_STATUS_VALUES = ['ok', 'error'] as const

export type FilterComparison = {
  attribute: FilterAttribute
  operator: FilterOperator
  value: string
  /** Offset of the attribute in the filter text, from 0. */
  position: number
}

/** A filter as alternatives (or) of conjunctions (and); no alternatives means no filter. */
export type ParsedFilter = { anyOf: FilterComparison[][] }

export type FilterError = {
  message: string
  /** Offset in the filter text, from 0, where the problem starts. */
  position: number
}

export type FilterParseResult = { ok: true; filter: ParsedFilter } | { ok: false; error: FilterError }

const OTHER_SCIM_OPERATORS = ['co', 'sw', 'ew', 'pr', 'gt', 'ge', 'lt', 'le']
const ATTRIBUTE_LIST = 'id, spaceId, topLevelResourceId or data.status'

type Token =
  | { kind: 'word'; text: string; position: number; spaced: boolean }
  | { kind: 'string'; text: string; value: string; position: number; spaced: boolean }
  | { kind: 'paren'; text: string; position: number; spaced: boolean }
  | { kind: 'single-quote'; text: string; position: number; spaced: boolean }

class FilterSyntaxError extends Error {
  readonly position: number
  constructor(message: string, position: number) {
    super(`${message} (at character ${position + 1})`)
    this.position = position
  }
}

const WORD_END = /[\s"'()]/
const HEX4 = /^[0-9a-fA-F]{4}$/

function readString(input: string, start: number): { end: number; value: string } {
  let i = start + 1
  while (i < input.length) {
    const char = input[i]!
    if (char === '"') {
      return { end: i + 1, value: JSON.parse(input.slice(start, i + 1)) as string }
    }
    if (char === '\\') {
      const escape = input[i + 1]
      if (escape === 'u') {
        if (!HEX4.test(input.slice(i + 2, i + 6))) {
          throw new FilterSyntaxError('"\\u" must be followed by four hexadecimal digits', i)
        }
        i += 6
        continue
      }
      if (escape === undefined || !'"\\/bfnrt'.includes(escape)) {
        throw new FilterSyntaxError(
          `"\\${escape ?? ''}" is not a valid escape in a JSON string; use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX`,
          i,
        )
      }
      i += 2
      continue
    }
    if (char.charCodeAt(0) < 0x20) {
      throw new FilterSyntaxError('A value must not contain a line break or control character; escape it (\\n, \\t)', i)
    }
    i += 1
  }
  throw new FilterSyntaxError('The value starting here is missing its closing double quote', start)
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < input.length) {
    const start = i
    while (i < input.length && /\s/.test(input[i]!)) i += 1
    if (i >= input.length) break
    const spaced = i > start || i === 0
    const char = input[i]!
    if (char === '"') {
      const { end, value } = readString(input, i)
      tokens.push({ kind: 'string', text: input.slice(i, end), value, position: i, spaced })
      i = end
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: 'paren', text: char, position: i, spaced })
      i += 1
    } else if (char === "'") {
      tokens.push({ kind: 'single-quote', text: char, position: i, spaced })
      i += 1
    } else {
      let end = i
      while (end < input.length && !WORD_END.test(input[end]!)) end += 1
      tokens.push({ kind: 'word', text: input.slice(i, end), position: i, spaced })
      i = end
    }
  }
  return tokens
}

const canonicalAttribute = (word: string): FilterAttribute | undefined =>
  FILTER_ATTRIBUTES.find((attr) => attr.toLowerCase() === word.toLowerCase())

function parseTokens(input: string, tokens: Token[]): ParsedFilter {
  let index = 0
  const peek = () => tokens[index]
  const end = input.length

  const rejectUnsupported = (token: Token) => {
    if (token.kind === 'paren') {
      throw new FilterSyntaxError(
        'Parentheses are not supported; write the filter without them ("and" binds tighter than "or")',
        token.position,
      )
    }
    if (token.kind === 'word' && token.text.toLowerCase() === 'not') {
      throw new FilterSyntaxError('"not" is not supported; use ne to exclude a value', token.position)
    }
  }

  const comparison = (after: string | undefined): FilterComparison => {
    const attrToken = peek()
    if (!attrToken) {
      throw new FilterSyntaxError(`Expected a comparison such as spaceId eq "…" after "${after}"`, end)
    }
    rejectUnsupported(attrToken)
    if (attrToken.kind !== 'word') {
      throw new FilterSyntaxError(`Expected an attribute (${ATTRIBUTE_LIST}), found ${attrToken.text}`, attrToken.position)
    }
    const attribute = canonicalAttribute(attrToken.text)
    if (!attribute) {
      throw new FilterSyntaxError(`Unknown attribute "${attrToken.text}"; use ${ATTRIBUTE_LIST}`, attrToken.position)
    }
    index += 1

    const opToken = peek()
    if (!opToken) throw new FilterSyntaxError(`Expected eq or ne after "${attrToken.text}"`, end)
    const op = opToken.text.toLowerCase()
    if (opToken.kind !== 'word' || (op !== 'eq' && op !== 'ne')) {
      if (opToken.kind === 'word' && OTHER_SCIM_OPERATORS.includes(op)) {
        throw new FilterSyntaxError(`The operator "${opToken.text}" is not supported; use eq or ne`, opToken.position)
      }
      throw new FilterSyntaxError(`Expected eq or ne after "${attrToken.text}", found ${opToken.text}`, opToken.position)
    }
    if (!opToken.spaced) throw new FilterSyntaxError(`Expected a space before "${opToken.text}"`, opToken.position)
    index += 1

    const valueToken = peek()
    if (!valueToken) throw new FilterSyntaxError(`Expected a double-quoted value after "${opToken.text}"`, end)
    if (valueToken.kind === 'single-quote') {
      throw new FilterSyntaxError('Values take double quotes ("…"), not single quotes', valueToken.position)
    }
    if (valueToken.kind !== 'string') {
      rejectUnsupported(valueToken)
      throw new FilterSyntaxError(
        `Expected a double-quoted value after "${opToken.text}", found ${valueToken.text}; write "${valueToken.text}"`,
        valueToken.position,
      )
    }
    if (!valueToken.spaced) throw new FilterSyntaxError('Expected a space before the value', valueToken.position)
    index += 1
    if (attribute === 'data.status' && !(DATA_STATUS_VALUES as readonly string[]).includes(valueToken.value)) {
      throw new FilterSyntaxError(`data.status takes "ok" or "error", not ${valueToken.text}`, valueToken.position)
    }
    return { attribute, operator: op, value: valueToken.value, position: attrToken.position }
  }

  const anyOf: FilterComparison[][] = [[comparison(undefined)]]
  while (peek()) {
    const joiner = peek()!
    const word = joiner.text.toLowerCase()
    if (joiner.kind !== 'word' || (word !== 'and' && word !== 'or')) {
      rejectUnsupported(joiner)
      throw new FilterSyntaxError(`Expected "and" or "or" after a comparison, found ${joiner.text}`, joiner.position)
    }
    if (!joiner.spaced) throw new FilterSyntaxError(`Expected a space before "${joiner.text}"`, joiner.position)
    index += 1
    const next = comparison(joiner.text)
    if (word === 'and') anyOf[anyOf.length - 1]!.push(next)
    else anyOf.push([next])
  }
  return { anyOf }
}

/** Parses a filter; blank text is a valid, empty filter that matches everything. */
export function parseFilter(input: string): FilterParseResult {
  if (input.trim() === '') return { ok: true, filter: { anyOf: [] } }
  try {
    return { ok: true, filter: parseTokens(input, tokenize(input)) }
  } catch (error) {
    if (error instanceof FilterSyntaxError) return { ok: false, error: { message: error.message, position: error.position } }
    throw error
  }
}

/** Whether a filter may use `data.status`: only when App reload finished is the one event type. */
export function allowsDataStatus(eventTypes: readonly string[]): boolean {
  return eventTypes.length === 1 && eventTypes[0] === DATA_STATUS_EVENT_TYPE
}

/**
 * Checks a webhook's filter with the rules that depend on the rest of the
 * webhook: `data.status` is allowed only when the event types are exactly
 * `["com.qlik.v1.app.reload.finished"]`.
 */
export function validateFilter(input: string, context: { eventTypes?: readonly string[] }): FilterError | null {
  const parsed = parseFilter(input)
  if (!parsed.ok) return parsed.error
  const onlyReload = allowsDataStatus(context.eventTypes ?? [])
  const status = parsed.filter.anyOf.flat().find((c) => c.attribute === 'data.status')
  if (status && !onlyReload) {
    return {
      message: `data.status can be used only when "App reload finished" (${DATA_STATUS_EVENT_TYPE}) is the webhook's only event type (at character ${status.position + 1})`,
      position: status.position,
    }
  }
  return null
}

/** Writes a filter back as text; values are JSON-quoted, so any value round-trips. */
export function formatFilter(filter: ParsedFilter): string {
  return filter.anyOf.map((all) => all.map((c) => `${c.attribute} ${c.operator} ${JSON.stringify(c.value)}`).join(' and ')).join(' or ')
}

/** A filter that matches any of the given values of one attribute, e.g. "these spaces". */
export function filterForAnyOf(attribute: FilterAttribute, values: readonly string[]): string {
  return formatFilter({ anyOf: values.map((value) => [{ attribute, operator: 'eq', value, position: 0 }]) })
}

const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined

const stringOrUndefined = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/**
 * The value an attribute has in an event payload, in any of the three
 * formats: CloudEvents 1.0 (`spaceid`, `toplevelresourceid`), legacy 0.1
 * (`extensions.spaceId`, `extensions.topLevelResourceId`) or hybrid (both).
 */
export function filterAttributeValue(payload: unknown, attribute: FilterAttribute): string | undefined {
  const extensions = field(payload, 'extensions')
  switch (attribute) {
    case 'id':
      return stringOrUndefined(field(field(payload, 'data'), 'id'))
    case 'data.status':
      return stringOrUndefined(field(field(payload, 'data'), 'status'))
    case 'spaceId':
      return stringOrUndefined(field(payload, 'spaceid')) ?? stringOrUndefined(field(extensions, 'spaceId'))
    case 'topLevelResourceId':
      return stringOrUndefined(field(payload, 'toplevelresourceid')) ?? stringOrUndefined(field(extensions, 'topLevelResourceId'))
  }
}

/**
 * Whether an event with this payload passes the filter. A missing attribute
 * equals nothing, so `ne` matches it. A filter that does not parse matches
 * nothing: such a filter is never stored.
 */
export function matchesFilter(filter: string | ParsedFilter | undefined, payload: unknown): boolean {
  let parsed: ParsedFilter
  if (filter === undefined) return true
  if (typeof filter === 'string') {
    const result = parseFilter(filter)
    if (!result.ok) return false
    parsed = result.filter
  } else {
    parsed = filter
  }
  if (parsed.anyOf.length === 0) return true
  return parsed.anyOf.some((all) =>
    all.every((c) => {
      const actual = filterAttributeValue(payload, c.attribute)
      return c.operator === 'eq' ? actual === c.value : actual !== c.value
    }),
  )
}

import { PERSONAS, RECEIVER_MODES, type MockConfig } from './db'
import type { FaultMatch } from './faults'

// The bodies of the mock server's test controls (/__mock/reset, /configure,
// /fail-next), checked like any API body: a wrong field is a 400 that names
// it, never a 500 or a mock left in a state no handler expects.

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string }

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)
const describe = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value)?.slice(0, 80))
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message })

/** 2000-01-01 to 2100-01-01: a seed "now" the seeded history (7 days back) can be built around. */
export const SEEDED_AT_RANGE = [Date.UTC(2000, 0, 1), Date.UTC(2100, 0, 1)] as const

/** An empty body stands for `{}`: the controls take no field they need. */
function objectBody(body: unknown, what: string): Checked<Record<string, unknown>> {
  if (body === undefined) return { ok: true, value: {} }
  return isObject(body) ? { ok: true, value: body } : fail(`The body must be a JSON object (${what}), got ${describe(body)}.`)
}

function unknownField(body: Record<string, unknown>, known: readonly string[]): string | undefined {
  const extra = Object.keys(body).find((key) => !known.includes(key))
  return extra === undefined ? undefined : `Unknown field "${extra}"; use ${known.join(', ')}.`
}

export function checkResetBody(body: unknown): Checked<{ seededAt?: number }> {
  const object = objectBody(body, '{"seededAt": <ms since epoch>}, or no body')
  if (!object.ok) return object
  const extra = unknownField(object.value, ['seededAt'])
  if (extra) return fail(extra)
  const { seededAt } = object.value
  if (seededAt === undefined) return { ok: true, value: {} }
  const [from, to] = SEEDED_AT_RANGE
  if (typeof seededAt !== 'number' || !Number.isInteger(seededAt) || seededAt < from || seededAt > to) {
    return fail(
      `seededAt must be whole milliseconds since 1970 from ${new Date(from).toISOString()} to ${new Date(to).toISOString()}, got ${describe(seededAt)}.`,
    )
  }
  return { ok: true, value: { seededAt } }
}

const count = (value: unknown, min: number, max: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
const text = (value: unknown) => typeof value === 'string' && value.trim() !== '' && value.length <= 256

const CONFIG_FIELDS: { [K in keyof MockConfig]: [check: (value: unknown) => boolean, expected: string] } = {
  persona: [(v) => (PERSONAS as readonly unknown[]).includes(v), `one of ${PERSONAS.join(', ')}`],
  userId: [text, 'a non-empty string of at most 256 characters'],
  tenantId: [text, 'a non-empty string of at most 256 characters'],
  quotaPerUser: [(v) => count(v, 0, 10_000), 'a whole number from 0 to 10000'],
  quotaPerTenant: [(v) => count(v, 0, 10_000), 'a whole number from 0 to 10000'],
  failureThreshold: [(v) => count(v, 1, 1_000), 'a whole number from 1 to 1000'],
  receivers: [
    (v) => isObject(v) && Object.values(v).every((mode) => (RECEIVER_MODES as readonly unknown[]).includes(mode)),
    `an object of webhook ids or hosts to ${RECEIVER_MODES.join(', ')}`,
  ],
}

export function checkConfigureBody(body: unknown): Checked<Partial<MockConfig>> {
  if (!isObject(body)) return fail(`The body must be a JSON object of MockConfig fields, got ${describe(body)}.`)
  const known = Object.keys(CONFIG_FIELDS)
  const extra = unknownField(body, known)
  if (extra) return fail(extra)
  for (const [field, [check, expected]] of Object.entries(CONFIG_FIELDS)) {
    if (field in body && !check(body[field])) return fail(`${field} must be ${expected}, got ${describe(body[field])}.`)
  }
  return { ok: true, value: body as Partial<MockConfig> }
}

export type FailNextBody = { match: FaultMatch; status: number; times?: number }

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']

export function checkFailNextBody(body: unknown): Checked<FailNextBody> {
  if (!isObject(body))
    return fail(`The body must be a JSON object {"match": {"method", "path"}, "status", "times"}, got ${describe(body)}.`)
  const extra = unknownField(body, ['match', 'status', 'times'])
  if (extra) return fail(extra)
  const { match, status, times } = body
  if (!isObject(match)) return fail(`match must be an object {"method", "path"}, got ${describe(match)}.`)
  const method = typeof match.method === 'string' ? match.method.toUpperCase() : undefined
  if (method === undefined || !METHODS.includes(method))
    return fail(`match.method must be one of ${METHODS.join(', ')}, got ${describe(match.method)}.`)
  if (typeof match.path !== 'string' || !match.path.startsWith('/') || match.path.length > 2048) {
    return fail(`match.path must be a path starting with "/", got ${describe(match.path)}.`)
  }
  if (!count(status, 400, 599)) return fail(`status must be an error status from 400 to 599, got ${describe(status)}.`)
  if (times !== undefined && !count(times, 1, 1_000)) return fail(`times must be a whole number from 1 to 1000, got ${describe(times)}.`)
  return {
    ok: true,
    value: { match: { method, path: match.path }, status: status as number, ...(times === undefined ? {} : { times: times as number }) },
  }
}

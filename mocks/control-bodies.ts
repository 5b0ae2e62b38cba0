import type { FaultMatch } from './faults'

// The bodies of the mock server's test controls (/__mock/reset and
// /fail-next; /configure is checked by config.ts), checked like any API body: a wrong field is a 400 that names
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

// Deprecation warnings as Qlik sends them: response headers (versioning
// page), `Deprecation` (RFC 9745: `@<epoch seconds>`; Qlik's Data Qualities
// notice used `true`; an HTTP date is accepted too), `Sunset` (RFC 8594: an
// HTTP date) and `Link` to what replaces it. One notice per operation.

export type Deprecation = {
  /** The client operation that was answered as deprecated, e.g. `getWebhooks`. */
  operation: string
  method: string
  /** The request path, e.g. `/api/v1/webhooks`. */
  path: string
  /** When it was deprecated, when the header says. */
  since?: Date
  /** The date on or after which it may be removed. */
  sunset?: Date
  /** Where to read about it or its replacement. */
  link?: string
}

/** A header date: `@<epoch seconds>` or an HTTP date; undefined when neither. */
export function parseHeaderDate(value: string | null): Date | undefined {
  if (value === null) return undefined
  const trimmed = value.trim()
  const epoch = /^@(-?\d+)$/.exec(trimmed)
  if (epoch) return new Date(Number(epoch[1]) * 1000)
  if (!/[a-z]/i.test(trimmed)) return undefined
  const ms = Date.parse(trimmed)
  return Number.isFinite(ms) ? new Date(ms) : undefined
}

/** The first URI of a `Link` header, preferring `rel="deprecation"`, then `successor-version`, `sunset`, any. */
export function parseLinkHeader(value: string | null): string | undefined {
  if (!value) return undefined
  const links = [...value.matchAll(/<([^>]*)>([^,<]*)/g)].map(([, uri, params]) => ({
    uri: uri!,
    rel: /rel\s*=\s*"?([^";]+)"?/i.exec(params ?? '')?.[1]?.toLowerCase() ?? '',
  }))
  for (const rel of ['deprecation', 'successor-version', 'sunset']) {
    const found = links.find((link) => link.rel.split(/\s+/).includes(rel))
    if (found) return found.uri
  }
  return links[0]?.uri
}

/** What a response says about its operation's deprecation, or undefined when nothing. */
export function readDeprecation(headers: Headers, operation: string, method: string, url: string): Deprecation | undefined {
  const header = headers.get('Deprecation')
  const sunset = parseHeaderDate(headers.get('Sunset'))
  // A Sunset alone also announces a removal (RFC 8594).
  if ((header === null || header.trim().toLowerCase() === 'false') && !sunset) return undefined
  const since = header === null || header.trim().toLowerCase() === 'true' ? undefined : parseHeaderDate(header)
  let path = url
  try {
    path = new URL(url).pathname
  } catch {
    // a relative URL stays as it is
  }
  return { operation, method, path, since, sunset, link: parseLinkHeader(headers.get('Link')) }
}

const notices = new Map<string, Deprecation>()
const listeners = new Set<() => void>()
let snapshot: readonly Deprecation[] = []

export function noteDeprecation(deprecation: Deprecation): void {
  if (notices.has(deprecation.operation)) return
  notices.set(deprecation.operation, deprecation)
  snapshot = [...notices.values()]
  listeners.forEach((listener) => listener())
}

/** The deprecated operations met so far, one each, in the order met. */
export const deprecationStore = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
  getSnapshot: (): readonly Deprecation[] => snapshot,
  clear(): void {
    notices.clear()
    snapshot = []
    listeners.forEach((listener) => listener())
  },
}

import type { z } from 'zod/mini'
import { QLIK_API_VERSION, type WebhooksApi } from './api-version'
import { NetworkError, ResponseShapeError, type ApiError } from './errors'

/**
 * The one configuration point of the client: where the API is and how to
 * authenticate. The real-tenant modes plug in here; the mock mode sets
 * `ready` so that no request leaves before the service worker listens.
 */
export type ApiConfig = {
  /** Origin of the API, in front of `/api/core/...`. */
  baseUrl: () => string
  /** Names the backend (tenant, client), so that what is learnt about one (v1 only) is not applied to another. */
  backendKey: string
  /** `auto`: Core, falling back to v1 when the tenant has no Core list; or one of them, always. */
  webhooksApi: 'auto' | WebhooksApi
  /** Extra request headers, e.g. `Authorization`. Never logged. */
  headers: () => Record<string, string> | Promise<Record<string, string>>
  /** Resolves when the backend can take requests. */
  ready: Promise<unknown>
  /** Called when the API answers 401, e.g. to ask the user to sign in again. */
  onUnauthorized: (error: ApiError) => void
  fetch: typeof fetch
  /** Retries of a GET answered 429, and the longest wait per retry. */
  maxRetries: number
  maxRetryWaitMs: number
}

const defaultBaseUrl = () => (typeof location === 'undefined' ? 'http://localhost' : location.origin)

let config: ApiConfig = {
  baseUrl: defaultBaseUrl,
  backendKey: 'default',
  webhooksApi: 'auto',
  headers: () => ({}),
  ready: Promise.resolve(),
  onUnauthorized: () => {},
  fetch: (...args) => globalThis.fetch(...args),
  maxRetries: 2,
  maxRetryWaitMs: 10_000,
}

export function configureApi(patch: Partial<ApiConfig>): void {
  config = { ...config, ...patch }
}

export function getApiConfig(): Readonly<ApiConfig> {
  return config
}

export type QueryValue = string | number | boolean | string[] | undefined
export type Query = Record<string, QueryValue>

/** Builds an absolute URL; arrays become comma lists, as Qlik expects. */
export function buildUrl(path: string, query?: Query): string {
  const url = new URL(path, config.baseUrl())
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === '') continue
    if (Array.isArray(value)) {
      if (value.length) url.searchParams.set(key, value.join(','))
    } else {
      url.searchParams.set(key, String(value))
    }
  }
  return url.toString()
}

/**
 * Keeps every request on the configured API origin. A tenant behind the local
 * proxy writes its own origin into `links.*.href`; following such a link as
 * given would leave the proxy, and no credential may go to another origin.
 */
export function onApiOrigin(url: string): string {
  const base = new URL(config.baseUrl())
  const target = new URL(url, base)
  return target.origin === base.origin ? target.toString() : new URL(`${target.pathname}${target.search}`, base).toString()
}

type RequestOptions<T> = {
  operation: string
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Absolute URL, from buildUrl or a `links.*.href` of the API. */
  url: string
  body?: unknown
  /** The answer's schema, or how to load it (`wire` in ./wire): loaded while the request is on the wire. */
  schema?: z.ZodMiniType<T> | (() => Promise<z.ZodMiniType<T>>)
  signal?: AbortSignal
}

export function parseBody<T>(schema: z.ZodMiniType<T>, data: unknown, operation: string): T {
  const result = schema.safeParse(data)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const field = issue?.path.length ? issue.path.join('.') : '(body)'
  throw new ResponseShapeError(operation, field, issue?.message ?? 'invalid')
}

/**
 * Sends one request. GETs answered 429 wait for `Retry-After` (bounded) and
 * try again a few times; writes report the 429 at once, since repeating a
 * write the user did not ask twice for is not ours to decide.
 */
export async function request<T>(options: RequestOptions<T>): Promise<T> {
  const { operation, method = 'GET', url, body, signal } = options
  const schema = typeof options.schema === 'function' ? options.schema() : options.schema
  // A failed load surfaces when the answer is parsed, not as an unhandled rejection before it.
  if (schema instanceof Promise) schema.catch(() => undefined)
  await config.ready
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'qlik-api-version': QLIK_API_VERSION,
      ...(await config.headers()),
    }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    let response: Response
    try {
      response = await config.fetch(onApiOrigin(url), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        // The console authenticates with its headers alone, never with the browser's
        // cookies (the local proxy strips them both ways). Without them, the in-page
        // mock also skips reading document.cookie for every request.
        credentials: 'omit',
        signal,
      })
    } catch (cause) {
      if (signal?.aborted) throw cause
      throw new NetworkError(operation, cause)
    }
    // Only a deprecated operation's answer carries these; the code that reads them is not first-page material.
    if (response.headers.has('Deprecation') || response.headers.has('Sunset')) {
      const { noteDeprecation, readDeprecation } = await import('./deprecation')
      const deprecation = readDeprecation(response.headers, operation, method, url)
      if (deprecation) noteDeprecation(deprecation)
    }
    if (!response.ok) {
      // Reading a refusal (its body, Retry-After) is not first-page material either.
      const refusal = await import('./refusal')
      if (response.status === 429 && method === 'GET' && attempt < config.maxRetries) {
        await refusal.sleep(Math.min(refusal.retryAfterMs(response) ?? 1000, config.maxRetryWaitMs), signal)
        continue
      }
      const error = await refusal.toApiError(response, operation)
      if (response.status === 401) config.onUnauthorized(error)
      throw error
    }
    if (!schema || response.status === 204) return undefined as T
    let data: unknown
    try {
      data = await response.json()
    } catch {
      throw new ResponseShapeError(operation, '(body)', 'the answer is not JSON')
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new ResponseShapeError(
        operation,
        '(body)',
        `expected a JSON object, got ${Array.isArray(data) ? 'an array' : data === null ? 'null' : typeof data}`,
      )
    }
    return parseBody(await schema, data, operation)
  }
}

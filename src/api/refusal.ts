import { ApiError } from './errors'
import type { ApiErrorItem } from './schemas'
import { loadSchemas } from './wire'

// An answer that is not a success, read into an ApiError; and the wait a 429
// asks for. Loaded by http.ts with the first such answer.

/** Waits, unless the request is cancelled first (a query that is no longer wanted). */
export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })

/** `Retry-After` in milliseconds, in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('Retry-After')
  if (header === null) return undefined
  const seconds = Number(header)
  if (header.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(header)
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined
}

/**
 * A body that is not an ErrorResponse, as a detail fit to show: a gateway's
 * HTML error page (a 502 from a proxy in between) is named, never shown as markup.
 */
function plainDetail(response: Response, text: string): string | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  if (/html|xml/i.test(response.headers.get('content-type') ?? '') || trimmed.startsWith('<')) {
    return `HTTP ${response.status}: the answer was a web page, not an API error (often a gateway or proxy between the console and the tenant).`
  }
  // eslint-disable-next-line no-control-regex
  return trimmed.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 200)
}

export async function toApiError(response: Response, operation: string): Promise<ApiError> {
  const text = await response.text().catch(() => '')
  let parsed: unknown
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch {
    parsed = undefined
  }
  const { wireErrorResponseSchema } = await loadSchemas()
  const body = wireErrorResponseSchema.safeParse(parsed)
  const retryAfter = retryAfterMs(response)
  const fallbackTitle = response.statusText || `HTTP ${response.status}`
  // Qlik's items carry code and title; a gateway's may not, and an item without them is still read.
  const items: ApiErrorItem[] | undefined = body.success
    ? body.data.errors?.map((item) => ({ ...item, code: item.code ?? `HTTP-${response.status}`, title: item.title ?? fallbackTitle }))
    : undefined
  return new ApiError({
    status: response.status,
    operation,
    errors: items?.length
      ? items
      : [
          {
            code: `HTTP-${response.status}`,
            title: fallbackTitle,
            detail: plainDetail(response, text),
          },
        ],
    traceId: (body.success ? body.data.traceId : undefined) ?? response.headers.get('x-trace-id') ?? undefined,
    retryAfterSeconds: retryAfter === undefined ? undefined : Math.ceil(retryAfter / 1000),
  })
}

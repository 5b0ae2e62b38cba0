import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { DeliveryOutcome, DeliveryTransport } from './deliveries'

// Real deliveries from the mock server to a receiver on this machine
// (`npm run mock:server -- --deliver-to http://127.0.0.1:8787/hook`). Webhook
// URLs must stay https on public names (webhooks-api.md §6), so every
// delivery goes to the one loopback address given instead, with the URL it
// was meant for in X-Mock-Target-Url. Node only: the browser mock never
// loads this file.

export const TARGET_URL_HEADER = 'X-Mock-Target-Url'
export const RESPONSE_BODY_LIMIT = 10 * 1024
const TIMEOUT_MS = 10_000
const LOOPBACK = ['127.0.0.1', '[::1]', 'localhost']

/** The receiver's address, checked: http(s) on 127.0.0.1, ::1 or localhost only. */
export function parseDeliverTo(value: string): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`--deliver-to must be a URL such as http://127.0.0.1:8787/hook, got "${value}".`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`--deliver-to must be http:// or https://, got "${url.protocol}".`)
  if (!LOOPBACK.includes(url.hostname))
    throw new Error(`--deliver-to accepts only 127.0.0.1, ::1 or localhost (a receiver on this machine), got "${url.hostname}".`)
  if (url.username || url.password) throw new Error('--deliver-to must not carry a user name or password.')
  return url
}

function responseHeaders(response: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

/** The first RESPONSE_BODY_LIMIT bytes as text, never cutting a character in two. */
function truncated(bytes: Buffer): string {
  if (bytes.length <= RESPONSE_BODY_LIMIT) return bytes.toString('utf8')
  return new TextDecoder().decode(bytes.subarray(0, RESPONSE_BODY_LIMIT), { stream: true })
}

/** Sends each delivery by HTTP POST to `target`, and records what the receiver really answered. */
export function realTransport(target: URL, timeoutMs = TIMEOUT_MS): DeliveryTransport {
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest
  return ({ url, body, headers }) =>
    new Promise<DeliveryOutcome>((resolve) => {
      const bytes = Buffer.from(body, 'utf8')
      let settled = false
      const done = (outcome: DeliveryOutcome) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        resolve(outcome)
      }
      const request = send(target, {
        method: 'POST',
        headers: { ...headers, [TARGET_URL_HEADER]: url, 'Content-Length': String(bytes.length) },
      })
      const timer = setTimeout(() => {
        done({ status: 'fail', statusMessage: `Timeout: no response within ${timeoutMs / 1000} seconds` })
        request.destroy()
      }, timeoutMs)
      request.on('response', (response) => {
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          // Only what the record keeps is held in memory.
          if (size < RESPONSE_BODY_LIMIT + 4) chunks.push(chunk)
          size += chunk.length
        })
        response.on('error', (error) => done({ status: 'fail', statusMessage: `Connection failed: ${error.message}` }))
        response.on('end', () => {
          const statusCode = response.statusCode ?? 0
          const redirect = statusCode >= 300 && statusCode < 400
          const location = response.headers.location
          done({
            status: statusCode >= 200 && statusCode < 300 ? 'success' : 'fail',
            statusMessage:
              `HTTP ${statusCode} ${response.statusMessage ?? ''}`.trim() +
              (redirect ? `${location ? ` to ${location}` : ''}: redirects are not followed` : ''),
            response: { statusCode, headers: responseHeaders(response), body: truncated(Buffer.concat(chunks)) },
          })
        })
      })
      request.on('error', (error: NodeJS.ErrnoException) =>
        done({ status: 'fail', statusMessage: `Connection failed: ${error.code ? `${error.code} ` : ''}${error.message}` }),
      )
      request.end(bytes)
    })
}

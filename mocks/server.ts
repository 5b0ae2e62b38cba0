import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getResponse, http, HttpResponse, type RequestHandler } from 'msw'
import { DEMO_API_KEY, bearerToken, isAuthorized } from './auth'
import { checkConfigPatch, ConfigError, configure } from './config'
import { checkFailNextBody, checkResetBody, type Checked } from './control-bodies'
import { parseDeliverTo, TARGET_URL_HEADER, realTransport } from './deliver-to'
import { setDeliveryTransport, toDeliveryResponse } from './deliveries'
import { checkEventInput, EventInputError, raiseEvent } from './events'
import { failNext } from './faults'
import { handlers } from './handlers'
import { oauthStandInFromEnv } from './handlers/oauth'
import { MAX_BODY_BYTES, badRequest, errorResponse, payloadTooLarge } from './http-utils'
import { stopLiveTraffic, syncLiveTraffic } from './live-traffic'
import { resetDb, SEED_SECRETS } from './seed'

// The mock tenant as a real HTTP server on 127.0.0.1 (`npm run mock:server`):
// the same MSW handlers, answered through msw's getResponse() from node:http,
// behind the bearer check of a tenant and with CORS for a browser console on
// another origin.

export type MockHttpServerOptions = {
  /** 0 picks a free port. */
  port?: number
  host?: string
  /** Answered before the mock tenant, without its bearer check (e.g. the OAuth stand-in). */
  extraHandlers?: RequestHandler[]
  /** Sends every delivery for real to this loopback URL (see mocks/deliver-to.ts). */
  deliverTo?: string
}

export type MockHttpServer = { url: string; deliverTo?: string; close(): Promise<void> }

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS'
const ALLOWED_HEADERS = 'Authorization, Content-Type, Accept, qlik-api-version'
const EXPOSED_HEADERS = 'x-trace-id, Retry-After, Location, Deprecation, Sunset, Link'

/** An API request as it reached this server, for tests that check what a console or proxy sent. */
export type ReceivedRequest = {
  /** Counts up from 1 over the server's life; `?after=<seq>` reads only what came later. */
  seq: number
  method: string
  path: string
  /** The query string, with its `?`, or empty. */
  query: string
  /** Its `qlik-api-version` header, or null when it had none. */
  apiVersion: string | null
  status: number
}

/** The last API requests, oldest first; bounded so that a long-running server does not grow. */
export const RECEIVED_LIMIT = 1000
let received: ReceivedRequest[] = []
let receivedSeq = 0

function record(request: Request, status: number): void {
  const url = new URL(request.url)
  if (!url.pathname.startsWith('/api/')) return
  received.push({
    seq: ++receivedSeq,
    method: request.method,
    path: url.pathname,
    query: url.search,
    apiVersion: request.headers.get('qlik-api-version'),
    status,
  })
  if (received.length > RECEIVED_LIMIT) received = received.slice(-RECEIVED_LIMIT)
}

function receivedAfter(request: Request): Response {
  const after = new URL(request.url).searchParams.get('after') ?? '0'
  if (!/^\d{1,15}$/.test(after)) return badRequest(`after: must be a sequence number (digits), got "${after.slice(0, 40)}".`)
  return HttpResponse.json({ data: received.filter((r) => r.seq > Number(after)), lastSeq: receivedSeq })
}

const unauthorized = () =>
  errorResponse(401, 'WEBHOOKS-401', 'Unauthorized', 'Send Authorization: Bearer <key> with the demo API key or an issued access token.')

/**
 * Test-only control of the server's state, guarded by the demo key. It
 * exists on this server only, never in the browser's handlers.
 */
const controlHandlers = [
  http.post('*/__mock/reset', ({ request }) =>
    controlBody(request, checkResetBody, ({ seededAt }) => {
      resetDb(seededAt ?? Date.now())
      syncLiveTraffic()
      return new HttpResponse(null, { status: 204 })
    }),
  ),
  http.post('*/__mock/configure', ({ request }) =>
    controlBody(request, thrown(checkConfigPatch, ConfigError), (patch) => HttpResponse.json(configure(patch))),
  ),
  // Raises an event (mocks/events.ts): to every subscriber, or to `webhookId` alone as a test.
  http.post('*/__mock/events', ({ request }) =>
    controlBody(request, thrown(checkEventInput, EventInputError), async (input) => {
      const event = await raiseEvent(input)
      const deliveries = await Promise.all(event.deliveries.map((d) => toDeliveryResponse(d, SEED_SECRETS)))
      return HttpResponse.json(
        { eventId: event.eventId, eventType: event.eventType, resource: event.resource, deliveries },
        { status: 201 },
      )
    }),
  ),
  // What reached this server, as it arrived (after any proxy in front of it).
  http.get('*/__mock/requests', ({ request }) => receivedAfter(request)),
  http.post('*/__mock/fail-next', ({ request }) =>
    controlBody(request, checkFailNextBody, ({ match, status, times }) => {
      failNext(match, status, times)
      return new HttpResponse(null, { status: 204 })
    }),
  ),
]

/** A checker that throws its own error class, as one that answers Checked. */
function thrown<T>(check: (body: unknown) => T, kind: new (...args: never[]) => Error): (body: unknown) => Checked<T> {
  return (body) => {
    try {
      return { ok: true, value: check(body) }
    } catch (error) {
      if (error instanceof kind) return { ok: false, message: error.message }
      throw error
    }
  }
}

/** Reads a control's body (empty = undefined), checks it, and acts on it only when every field is right. */
async function controlBody<T>(
  request: Request,
  check: (body: unknown) => Checked<T>,
  act: (value: T) => Response | Promise<Response>,
): Promise<Response> {
  const text = await request.text()
  let json: unknown
  try {
    json = text.trim() === '' ? undefined : (JSON.parse(text) as unknown)
  } catch {
    return badRequest('The body is not valid JSON.')
  }
  const checked = check(json)
  return checked.ok ? act(checked.value) : badRequest(checked.message)
}

const CONTROL_PATHS = ['/__mock/reset', '/__mock/configure', '/__mock/fail-next', '/__mock/events', '/__mock/requests']

class BodyTooLarge extends Error {
  constructor(readonly bytes?: number) {
    super('request body too large')
  }
}

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const method = incoming.method ?? 'GET'
  let body: ArrayBuffer | undefined
  if (method !== 'GET' && method !== 'HEAD') {
    const declared = Number(incoming.headers['content-length'])
    if (declared > MAX_BODY_BYTES) throw new BodyTooLarge(declared)
    // Counted as it arrives: a body without a length (chunked) is cut off at the limit, not buffered whole.
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of incoming) {
      size += (chunk as Buffer).byteLength
      if (size > MAX_BODY_BYTES) throw new BodyTooLarge()
      chunks.push(chunk as Buffer)
    }
    const buffer = Buffer.concat(chunks)
    body = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer
  }
  return new Request(new URL(incoming.url ?? '/', origin), { method, headers, ...(body?.byteLength ? { body } : {}) })
}

async function answer(request: Request, extraHandlers: RequestHandler[]): Promise<Response> {
  const { pathname } = new URL(request.url)
  if (request.method === 'OPTIONS') return new Response(null, { status: 204 })
  if (CONTROL_PATHS.includes(pathname)) {
    if (bearerToken(request.headers.get('authorization')) !== DEMO_API_KEY) return unauthorized()
    return (
      (await getResponse(controlHandlers, request)) ?? errorResponse(404, 'WEBHOOKS-404', 'Not found', `No ${request.method} ${pathname}.`)
    )
  }
  if (pathname.startsWith('/api/')) {
    if (!isAuthorized(request.headers.get('authorization'))) return unauthorized()
    const response = await getResponse(handlers, request)
    if (response) return response
  } else {
    const response = await getResponse(extraHandlers, request)
    if (response) return response
  }
  return errorResponse(404, 'WEBHOOKS-404', 'Not found', `No ${request.method} ${pathname} on the mock tenant.`)
}

function withCors(response: Response, request: Request): Headers {
  const headers = new Headers(response.headers)
  const origin = request.headers.get('origin')
  if (origin) {
    // Reflects the caller's origin: any local console may talk to the mock.
    headers.set('Access-Control-Allow-Origin', origin)
    headers.append('Vary', 'Origin')
    headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS)
    if (request.method === 'OPTIONS') {
      headers.set('Access-Control-Allow-Methods', ALLOWED_METHODS)
      headers.set('Access-Control-Allow-Headers', ALLOWED_HEADERS)
      headers.set('Access-Control-Max-Age', '600')
    }
  }
  return headers
}

async function send(response: Response, request: Request, res: ServerResponse): Promise<void> {
  const headers = withCors(response, request)
  const body = Buffer.from(await response.arrayBuffer())
  res.writeHead(response.status, response.statusText || undefined, [...headers].flat())
  res.end(request.method === 'HEAD' ? undefined : body)
}

/** Serves the mock tenant over HTTP until `close()`; resolves once it listens. */
export function startMockHttpServer(options: MockHttpServerOptions = {}): Promise<MockHttpServer> {
  const { port = 9090, host = '127.0.0.1', extraHandlers = [], deliverTo } = options
  const target = deliverTo ? parseDeliverTo(deliverTo) : undefined
  let origin = ''
  const server = createServer((incoming, res) => {
    void (async () => {
      let request: Request | undefined
      try {
        request = await toRequest(incoming, origin)
        const response = await answer(request, extraHandlers)
        record(request, response.status)
        await send(response, request, res)
      } catch (error) {
        if (error instanceof BodyTooLarge && !res.headersSent) {
          // The rest of the body is not read: the connection closes after the answer.
          const refusal = payloadTooLarge(error.bytes)
          const headers = new Headers(refusal.headers)
          const origin = incoming.headers.origin
          if (origin) headers.set('Access-Control-Allow-Origin', origin)
          headers.set('Connection', 'close')
          res.writeHead(413, [...headers].flat())
          // What the client is still sending is read and dropped: a socket closed under an
          // upload resets, and the client may then never read the 413. It closes five seconds
          // after the answer in any case, so that an endless body cannot hold it open (one
          // second was too short for a client on a loaded machine to read the answer first).
          incoming.resume()
          res.end(Buffer.from(await refusal.arrayBuffer()), () => setTimeout(() => incoming.destroy(), 5000).unref())
          return
        }
        console.error('mock server:', error)
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ errors: [{ code: 'WEBHOOKS-500', title: 'Internal server error' }] }))
      }
    })()
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo
      origin = `http://${host}:${address.port}`
      if (target) setDeliveryTransport(realTransport(target))
      syncLiveTraffic()
      resolve({
        url: origin,
        ...(target ? { deliverTo: target.toString() } : {}),
        close: () =>
          new Promise<void>((done, fail) => {
            stopLiveTraffic()
            if (target) setDeliveryTransport()
            server.closeAllConnections()
            server.close((error) => (error ? fail(error) : done()))
          }),
      })
    })
  })
}

/** `--deliver-to <url>` or `--deliver-to=<url>` among the command's arguments. */
export function deliverToArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--deliver-to') {
      const value = argv[i + 1]
      if (!value || value.startsWith('--')) throw new Error('--deliver-to needs a URL, e.g. --deliver-to http://127.0.0.1:8787/hook.')
      return value
    }
    if (arg.startsWith('--deliver-to=')) return arg.slice('--deliver-to='.length)
  }
  return undefined
}

/**
 * `npm run mock:server`: port from MOCK_PORT (default 9090), with the OAuth
 * stand-in configured from its MOCK_OAUTH_* variables, and real deliveries
 * to `--deliver-to` (or MOCK_DELIVER_TO) when given.
 */
export async function startMockHttpServerFromEnv(
  env: Record<string, string | undefined> = process.env,
  argv: readonly string[] = [],
): Promise<MockHttpServer> {
  const port = env.MOCK_PORT === undefined || env.MOCK_PORT === '' ? 9090 : Number(env.MOCK_PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`MOCK_PORT must be a port number, got "${env.MOCK_PORT}".`)
  const deliverTo = deliverToArgument(argv) ?? (env.MOCK_DELIVER_TO || undefined)
  if (deliverTo) parseDeliverTo(deliverTo)
  resetDb()
  return startMockHttpServer({ port, extraHandlers: oauthStandInFromEnv(env).handlers, ...(deliverTo ? { deliverTo } : {}) })
}

export { TARGET_URL_HEADER }

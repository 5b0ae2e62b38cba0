import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getResponse, http, HttpResponse, type RequestHandler } from 'msw'
import { DEMO_API_KEY, isAuthorized } from './auth'
import { configureMock } from './configure'
import { db } from './db'
import { failNext, type FaultMatch } from './faults'
import { handlers } from './handlers'
import { oauthStandInFromEnv } from './handlers/oauth'
import { badRequest, errorResponse } from './http-utils'
import { resetDb } from './seed'

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
}

export type MockHttpServer = { url: string; close(): Promise<void> }

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS'
const ALLOWED_HEADERS = 'Authorization, Content-Type, Accept, qlik-api-version'
const EXPOSED_HEADERS = 'x-trace-id, Retry-After, Location, Deprecation, Sunset, Link'

const unauthorized = () =>
  errorResponse(401, 'WEBHOOKS-401', 'Unauthorized', 'Send Authorization: Bearer <key> with the demo API key or an issued access token.')

/**
 * Test-only control of the server's state, guarded by the demo key. It
 * exists on this server only, never in the browser's handlers.
 */
const controlHandlers = [
  http.post('*/__mock/reset', async ({ request }) => {
    const body = (await request.json().catch(() => ({}))) as { seededAt?: unknown }
    if (body.seededAt !== undefined && typeof body.seededAt !== 'number') return badRequest('seededAt must be a number (ms since epoch).')
    resetDb(typeof body.seededAt === 'number' ? body.seededAt : Date.now())
    return new HttpResponse(null, { status: 204 })
  }),
  http.post('*/__mock/configure', async ({ request }) => {
    const refused = configureMock(await request.json().catch(() => undefined))
    return refused ? badRequest(refused) : HttpResponse.json(db.state.config)
  }),
  http.post('*/__mock/fail-next', async ({ request }) => {
    const body = (await request.json().catch(() => ({}))) as { match?: FaultMatch; status?: number; times?: number }
    try {
      failNext(body.match ?? { method: '', path: '' }, body.status ?? 0, body.times)
    } catch (error) {
      return badRequest((error as Error).message)
    }
    return new HttpResponse(null, { status: 204 })
  }),
]

const CONTROL_PATHS = ['/__mock/reset', '/__mock/configure', '/__mock/fail-next']

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const method = incoming.method ?? 'GET'
  let body: ArrayBuffer | undefined
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = []
    for await (const chunk of incoming) chunks.push(chunk as Buffer)
    const buffer = Buffer.concat(chunks)
    body = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer
  }
  return new Request(new URL(incoming.url ?? '/', origin), { method, headers, ...(body?.byteLength ? { body } : {}) })
}

async function answer(request: Request, extraHandlers: RequestHandler[]): Promise<Response> {
  const { pathname } = new URL(request.url)
  if (request.method === 'OPTIONS') return new Response(null, { status: 204 })
  if (CONTROL_PATHS.includes(pathname)) {
    if (request.headers.get('authorization') !== `Bearer ${DEMO_API_KEY}`) return unauthorized()
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
  const { port = 9090, host = '127.0.0.1', extraHandlers = [] } = options
  let origin = ''
  const server = createServer((incoming, res) => {
    void (async () => {
      let request: Request | undefined
      try {
        request = await toRequest(incoming, origin)
        await send(await answer(request, extraHandlers), request, res)
      } catch (error) {
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
      resolve({
        url: origin,
        close: () =>
          new Promise<void>((done, fail) => {
            server.closeAllConnections()
            server.close((error) => (error ? fail(error) : done()))
          }),
      })
    })
  })
}

/**
 * `npm run mock:server`: port from MOCK_PORT (default 9090), with the OAuth
 * stand-in configured from its MOCK_OAUTH_* variables.
 */
export async function startMockHttpServerFromEnv(env: Record<string, string | undefined> = process.env): Promise<MockHttpServer> {
  const port = env.MOCK_PORT === undefined || env.MOCK_PORT === '' ? 9090 : Number(env.MOCK_PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`MOCK_PORT must be a port number, got "${env.MOCK_PORT}".`)
  resetDb()
  return startMockHttpServer({ port, extraHandlers: oauthStandInFromEnv(env).handlers })
}

// @vitest-environment node
import { execFile, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { promisify } from 'node:util'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startMockServerProcess, stopMockServerProcess } from './mock-server-process'
import { configureApi, getApiConfig } from '../../src/api'
import { DEMO_API_KEY } from '../auth'
import type { MockConfig } from '../db'
import { mockServer } from '../node'
import { deliveryContract } from './deliveries.contract'
import { REQUEST_BOUND_MS, hostileContract } from './hostile.contract'
import { webhookContract } from './webhooks.contract'

// Both contract suites again, over real HTTP against the mock server as
// `npm run mock:server` starts it (scripts/mock-server.mjs, in its own
// process, on a free port), and the README's curl examples run with curl.
// The in-process MSW server of src/testing/setup.ts is closed here, or it
// would answer these requests itself before they reached the socket.

let child: ChildProcess | undefined
const server = { url: '' }
const previous = { ...getApiConfig() }

async function control(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${server.url}/__mock/${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${DEMO_API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`/__mock/${path} answered ${response.status}: ${await response.text()}`)
}

const env = {
  reset: (options?: { seededAt?: number }) => control('reset', options ?? {}),
  configure: (patch: Partial<MockConfig>) => control('configure', patch),
}

beforeAll(async () => {
  mockServer.close()
  const started = await startMockServerProcess()
  child = started.child
  server.url = started.url
  configureApi({ baseUrl: () => server.url, headers: () => ({ Authorization: `Bearer ${DEMO_API_KEY}` }) })
}, 60_000)
afterAll(async () => {
  configureApi({ baseUrl: previous.baseUrl, headers: previous.headers })
  await stopMockServerProcess(child)
})

for (const api of ['core', 'v1'] as const) webhookContract('webhook operations over HTTP (mock server)', env, api)
for (const api of ['core', 'v1'] as const) deliveryContract('delivery operations over HTTP (mock server)', env, api)
hostileContract('hostile input over HTTP (mock server)', {
  send: (path, init = {}) => fetch(`${server.url}${path}`, { ...init, signal: AbortSignal.timeout(REQUEST_BOUND_MS) }),
  reset: () => env.reset(),
})

describe('the mock server itself', () => {
  beforeEach(() => env.reset())
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(REQUEST_BOUND_MS), ...init })
  const controlRaw = (path: string, body: string) =>
    api(`/__mock/${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEMO_API_KEY}`, 'Content-Type': 'application/json' },
      body,
    })

  it('reads the bearer scheme in any case', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR']) {
      const response = await api('/api/v1/webhooks?limit=1', { headers: { Authorization: `${scheme} ${DEMO_API_KEY}` } })
      expect({ scheme, status: response.status }).toEqual({ scheme, status: 200 })
    }
    expect((await controlRaw('reset', '')).status).toBe(204)
    const lower = await api('/__mock/reset', { method: 'POST', headers: { Authorization: `bearer ${DEMO_API_KEY}` } })
    expect(lower.status).toBe(204)
  })

  it.each([
    ['configure', '{"persona":"root"}', 'persona: must be one of tenantAdmin, manager, user, none'],
    ['configure', '{"quotaPerTenant":"100"}', 'quotaPerTenant: must be a whole number'],
    ['configure', '{"quotaPerUser":-1}', 'quotaPerUser: must be a whole number'],
    ['configure', '{"failureThreshold":0.5}', 'failureThreshold: must be a whole number'],
    ['configure', '{"receivers":{"wh-x":"explode"}}', 'is not a receiver mode'],
    ['configure', '{"personna":"user"}', 'personna: is not a configuration field'],
    ['configure', '{"legacyPayloads":"on"}', 'legacyPayloads: must be true or false'],
    ['configure', '[]', 'body: must be a JSON object'],
    ['configure', '{"persona":', 'not valid JSON'],
    ['reset', '{"seededAt":"yesterday"}', 'seededAt must be whole milliseconds'],
    ['reset', '{"seededAt":1e20}', 'seededAt must be whole milliseconds'],
    ['reset', '{"seededAt":-5}', 'seededAt must be whole milliseconds'],
    ['reset', '"now"', 'The body must be a JSON object'],
    ['fail-next', '{"match":{"path":"/api"},"status":500}', 'match.method must be one of'],
    ['fail-next', '{"match":{"method":"GET"},"status":500}', 'match.path must be a path'],
    ['fail-next', '{"match":{"method":"GET","path":"/api"},"status":200}', 'status must be an error status'],
    ['fail-next', '{"match":{"method":"GET","path":"/api"},"status":500,"times":0}', 'times must be a whole number'],
    ['fail-next', '{}', 'match must be an object'],
  ])('/__mock/%s refuses %s with a 400 naming the field', async (path, body, message) => {
    const response = await controlRaw(path, body)
    expect(response.status).toBe(400)
    const { errors } = (await response.json()) as { errors: { detail: string }[] }
    expect(errors[0]!.detail).toContain(message)
    // Nothing changed: the tenant answers as seeded.
    const list = await api('/api/v1/webhooks?limit=1', { headers: { Authorization: `Bearer ${DEMO_API_KEY}` } })
    expect(list.status).toBe(200)
  })

  it('refuses a body declared above 1 MB before reading it, and a chunked one once it passes 1 MB', async () => {
    // Sends 2 MB of a body announced as 200 MB (or of unknown length) and waits for the answer without
    // ending the body: a server that buffered the whole body first would never answer.
    const refusal = (headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = httpRequest(`${server.url}/api/v1/webhooks`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${DEMO_API_KEY}`, 'Content-Type': 'application/json', ...headers },
          signal: AbortSignal.timeout(REQUEST_BOUND_MS),
        })
        let answered = false
        request.on('response', (response) => {
          answered = true
          let body = ''
          response.on('data', (chunk: Buffer) => (body += chunk.toString()))
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
        })
        // The server closes the connection after its answer; writes after that fail, which is the
        // point. An error before any answer (a reset that lost the 413) fails the test at once.
        request.on('error', (error) => (error.name === 'AbortError' || !answered ? reject(error) : undefined))
        request.write(`{"name":"big","url":"https://hooks.example.com/b","description":"`)
        const chunk = 'x'.repeat(64 * 1024)
        for (let i = 0; i < 32; i++) request.write(chunk)
      })
    const declared: Record<string, string>[] = [{ 'Content-Length': String(200 * 1024 * 1024) }, { 'Transfer-Encoding': 'chunked' }]
    for (const headers of declared) {
      const { status, body } = await refusal(headers)
      expect(status).toBe(413)
      expect(body).toContain('at most 1 MB')
    }
  })

  it('answers 401 WEBHOOKS-401 without a bearer token, with a wrong one, and for the control endpoints without the demo key', async () => {
    for (const headers of [{}, { Authorization: 'Bearer wrong-key' }, { Authorization: DEMO_API_KEY }] as Record<string, string>[]) {
      const response = await api('/api/v1/webhooks', { headers })
      expect(response.status).toBe(401)
      expect(await response.json()).toMatchObject({
        errors: [{ code: 'WEBHOOKS-401', title: 'Unauthorized' }],
        traceId: expect.any(String),
      })
    }
    expect((await api('/__mock/reset', { method: 'POST' })).status).toBe(401)
  })

  it('answers a CORS preflight for any origin, allowing the headers a console sends', async () => {
    const response = await api('/api/v1/webhooks/wh-slack-app-events', {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'authorization, content-type, qlik-api-version',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(response.headers.get('access-control-allow-methods')).toContain('PATCH')
    const allowed = response.headers.get('access-control-allow-headers')!.toLowerCase()
    for (const header of ['authorization', 'content-type', 'qlik-api-version']) expect(allowed).toContain(header)

    const actual = await api('/api/v1/webhooks?limit=1', {
      headers: { Origin: 'https://console.example.com', Authorization: `Bearer ${DEMO_API_KEY}` },
    })
    expect(actual.headers.get('access-control-allow-origin')).toBe('https://console.example.com')
    expect(actual.headers.get('access-control-expose-headers')).toContain('x-trace-id')
  })

  it('answers 404 with an ErrorResponse for a path it does not serve', async () => {
    const response = await api('/api/v1/nothing-here', { headers: { Authorization: `Bearer ${DEMO_API_KEY}` } })
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ errors: [{ code: 'WEBHOOKS-404' }] })
  })

  it('lists the API requests it received through /__mock/requests, with their qlik-api-version', async () => {
    const headers = { Authorization: `Bearer ${DEMO_API_KEY}` }
    const read = async (after: number) => {
      const response = await api(`/__mock/requests?after=${after}`, { headers })
      expect(response.status).toBe(200)
      return (await response.json()) as {
        data: { seq: number; method: string; path: string; query: string; apiVersion: string | null; status: number }[]
        lastSeq: number
      }
    }
    const { lastSeq } = await read(0)
    await api('/api/core/webhooks?limit=2', { headers: { ...headers, 'qlik-api-version': '2026-11' } })
    await api('/api/v1/webhooks/wh-nowhere', { method: 'DELETE', headers })
    await api('/api/v1/webhooks')
    const { data } = await read(lastSeq)
    expect(data.map(({ seq: _seq, ...rest }) => rest)).toEqual([
      { method: 'GET', path: '/api/core/webhooks', query: '?limit=2', apiVersion: '2026-11', status: 200 },
      { method: 'DELETE', path: '/api/v1/webhooks/wh-nowhere', query: '', apiVersion: null, status: 404 },
      { method: 'GET', path: '/api/v1/webhooks', query: '', apiVersion: null, status: 401 },
    ])
    expect(data.map((r) => r.seq)).toEqual([lastSeq + 1, lastSeq + 2, lastSeq + 3])
    // The control endpoints are not API requests, and only the demo key reads them.
    expect((await read(lastSeq + 2)).data.map((r) => r.path)).toEqual(['/api/v1/webhooks'])
    expect((await api('/__mock/requests')).status).toBe(401)
    const wrong = await api('/__mock/requests?after=-1', { headers })
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toMatchObject({ errors: [{ detail: expect.stringContaining('after: must be a sequence number') }] })
  })

  it('injects faults through /__mock/fail-next', async () => {
    await control('fail-next', { match: { method: 'GET', path: '/deliveries' }, status: 503 })
    const headers = { Authorization: `Bearer ${DEMO_API_KEY}` }
    const failed = await api('/api/v1/webhooks/wh-slack-app-events/deliveries', { headers })
    expect(failed.status).toBe(503)
    expect(await failed.json()).toMatchObject({ errors: [{ code: 'WEBHOOKS-503' }] })
    expect((await api('/api/v1/webhooks/wh-slack-app-events/deliveries', { headers })).status).toBe(200)
  })
})

type Example = { title: string; status: number; fields: string[]; command: string }

/**
 * The curl examples of the README's "Mock server" and "Using the mock tenant
 * in your tests" sections: `# <title>: <status> {fields}` then the command.
 */
function readmeExamples(): { env: Record<string, string>; examples: Example[] } {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  const section = ['Mock server', 'Using the mock tenant in your tests']
    .map((title) => new RegExp(`^## ${title}\\n([\\s\\S]*?)(?=^## )`, 'm').exec(readme)?.[1] ?? '')
    .join('\n')
  const env: Record<string, string> = {}
  const examples: Example[] = []
  for (const [, block] of section.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const lines = block!.split('\n')
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!
      const exported = /^export (.+)$/.exec(line)
      if (exported) for (const [, name, value] of exported[1]!.matchAll(/(\w+)=(\S+)/g)) env[name!] = value!
      const heading = /^# (.+): (\d{3})(?: \{(.+)\})?$/.exec(line)
      if (!heading) continue
      let command = ''
      while (lines[i + 1]?.trim()) {
        i++
        command += lines[i]!.replace(/\\$/, ' ')
      }
      examples.push({ title: heading[1]!, status: Number(heading[2]), fields: heading[3]?.split(',').map((f) => f.trim()) ?? [], command })
    }
  }
  return { env, examples }
}

describe('the README curl examples', () => {
  const { env: readmeEnv, examples } = readmeExamples()

  it('are there: list, create, patch, deliveries, one delivery, resend, delete, no key', () => {
    expect(readmeEnv).toMatchObject({ KEY: DEMO_API_KEY })
    expect(examples.map((e) => e.command.split(' ')[0])).toEqual(Array(examples.length).fill('curl'))
    expect(examples.length).toBeGreaterThanOrEqual(10)
    expect(examples.filter((e) => e.command.includes('/__mock/events'))).toHaveLength(2)
  })

  it('give the documented status and fields, run in order against a fresh server state', async () => {
    await env.reset()
    const run = promisify(execFile)
    for (const example of examples) {
      // The server of this test stands in for the README's 127.0.0.1:9090.
      const { stdout } = await run('sh', ['-c', `${example.command} -w '\\n%{http_code}'`], {
        env: { ...process.env, ...readmeEnv, QLIK_MOCK: server.url },
      })
      const newline = stdout.lastIndexOf('\n')
      const status = Number(stdout.slice(newline + 1))
      const body = stdout.slice(0, newline)
      expect({ example: example.title, status }).toEqual({ example: example.title, status: example.status })
      if (example.status === 204) {
        expect(body).toBe('')
        continue
      }
      const json = JSON.parse(body) as Record<string, unknown>
      for (const field of example.fields) expect(json, `${example.title}: ${field}`).toHaveProperty(field)
    }
  })
})

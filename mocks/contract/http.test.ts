// @vitest-environment node
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { configureApi, getApiConfig } from '../../src/api'
import { DEMO_API_KEY } from '../auth'
import type { MockConfig } from '../db'
import { mockServer } from '../node'
import { deliveryContract } from './deliveries.contract'
import { webhookContract } from './webhooks.contract'

// Both contract suites again, over real HTTP against the mock server as
// `npm run mock:server` starts it (scripts/mock-server.mjs, in its own
// process, on a free port), and the README's curl examples run with curl.
// The in-process MSW server of src/testing/setup.ts is closed here, or it
// would answer these requests itself before they reached the socket.

let child: ChildProcess
const server = { url: '' }
const previous = { ...getApiConfig() }

/** Starts scripts/mock-server.mjs and resolves with the URL it prints once it listens. */
function startServerProcess(): Promise<string> {
  child = spawn(process.execPath, ['scripts/mock-server.mjs'], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: { ...process.env, MOCK_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let output = ''
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
      const url = /Mock Qlik tenant on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1]
      if (url) resolve(url)
    }
    child.stdout!.on('data', collect)
    child.stderr!.on('data', collect)
    child.once('exit', (code) => reject(new Error(`mock:server exited with ${code}: ${output}`)))
  })
}

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
  server.url = await startServerProcess()
  configureApi({ baseUrl: () => server.url, headers: () => ({ Authorization: `Bearer ${DEMO_API_KEY}` }) })
}, 60_000)
afterAll(async () => {
  configureApi({ baseUrl: previous.baseUrl, headers: previous.headers })
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
})

for (const api of ['core', 'v1'] as const) webhookContract('webhook operations over HTTP (mock server)', env, api)
for (const api of ['core', 'v1'] as const) deliveryContract('delivery operations over HTTP (mock server)', env, api)

describe('the mock server itself', () => {
  beforeEach(() => env.reset())
  const api = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, init)

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

/** The curl examples of the README's "Mock server" section: `# <title>: <status> {fields}` then the command. */
function readmeExamples(): { env: Record<string, string>; examples: Example[] } {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  const section = /^## Mock server\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? ''
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
    expect(examples.length).toBeGreaterThanOrEqual(8)
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

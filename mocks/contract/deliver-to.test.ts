// @vitest-environment node
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OMITTED_HEADER_VALUE, type Delivery } from '../../src/api/schemas'
import { DEMO_API_KEY } from '../auth'
import { parseDeliverTo, RESPONSE_BODY_LIMIT, realTransport } from '../deliver-to'
import type { OutgoingDelivery } from '../deliveries'
import { mockServer } from '../node'
import { SEED_WEBHOOKS } from '../seed'
import { startMockHttpServerFromEnv } from '../server'

// `npm run mock:server -- --deliver-to` with the README's own receiver: real
// HTTP from the mock server to a process on this machine. The in-process
// MSW server of src/testing/setup.ts is closed, or it would intercept the
// requests before they reached the sockets.

const root = new URL('../..', import.meta.url).pathname
const SECRET = 'receiver-test-secret-0123456789abcdef'
const ENCRYPTED_VALUE = 'Bearer real-encrypted-value-for-the-receiver'

/** The README's receiver, exactly as printed there. */
function readmeReceiver(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const block = /```js\n(\/\/ receiver\.mjs[\s\S]*?)\n```/.exec(readme)?.[1]
  if (!block) throw new Error('README.md has no ```js block starting with "// receiver.mjs"')
  return block
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Starts a process and resolves once its output matches `ready`. */
function start(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  lines: string[],
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let output = ''
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
      lines.push(...chunk.toString().split('\n').filter(Boolean))
      const match = ready.exec(output)
      if (match) resolve({ child, match })
    }
    child.stdout!.on('data', collect)
    child.stderr!.on('data', collect)
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${output}`)))
  })
}

async function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

describe('npm run mock:server -- --deliver-to, with the README receiver', () => {
  const receiverLines: string[] = []
  let receiver: ChildProcess | undefined
  let mock: ChildProcess | undefined
  let mockUrl = ''
  let hookUrl = ''

  beforeAll(async () => {
    mockServer.close()
    const dir = mkdtempSync(join(tmpdir(), 'qlik-receiver-'))
    writeFileSync(join(dir, 'receiver.mjs'), readmeReceiver())
    const port = await freePort()
    hookUrl = `http://127.0.0.1:${port}/hook`
    receiver = spawn(process.execPath, [join(dir, 'receiver.mjs')], {
      env: { ...process.env, SECRET, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    receiver.stdout!.on('data', (chunk: Buffer) => receiverLines.push(...chunk.toString().split('\n').filter(Boolean)))
    const started = await start(
      ['scripts/mock-server.mjs', '--deliver-to', hookUrl],
      { MOCK_PORT: '0' },
      /Mock Qlik tenant on (http:\/\/127\.0\.0\.1:\d+)[\s\S]*Deliveries are sent to/,
      [],
    )
    mock = started.child
    mockUrl = started.match[1]!
  }, 60_000)
  afterAll(async () => {
    await stop(mock)
    await stop(receiver)
  })

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${mockUrl}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${DEMO_API_KEY}`, 'Content-Type': 'application/json', ...init.headers },
    })

  it('sends the signed body and the real encrypted value; the record shows the status and **OMITTED**', async () => {
    const created = await api('/api/v1/webhooks', {
      method: 'POST',
      body: JSON.stringify({
        name: 'Local receiver',
        url: 'https://hooks.example.com/qlik/apps',
        eventTypes: ['com.qlik.v1.app.created'],
        enabled: true,
        secret: SECRET,
        headers: { 'X-Team': 'analytics' },
        encryptedHeaders: { Authorization: ENCRYPTED_VALUE },
      }),
    })
    expect(created.status).toBe(201)
    const webhook = (await created.json()) as { id: string }

    const raised = await api('/__mock/events', {
      method: 'POST',
      body: JSON.stringify({ eventType: 'com.qlik.v1.app.created', webhookId: webhook.id }),
    })
    expect(raised.status).toBe(201)
    const { deliveries } = (await raised.json()) as { deliveries: Delivery[] }
    expect(deliveries).toHaveLength(1)
    const [delivery] = deliveries
    expect(delivery).toMatchObject({ webhookId: webhook.id, status: 'success', statusMessage: 'HTTP 200 OK' })
    expect(delivery!.response).toMatchObject({
      statusCode: 200,
      body: '{"verified":true}',
      headers: { 'content-type': 'application/json' },
    })
    expect(delivery!.request!.headers!.Authorization).toBe(OMITTED_HEADER_VALUE)
    expect(JSON.stringify(delivery)).not.toContain(ENCRYPTED_VALUE)

    const received = receiverLines.map((line) => JSON.parse(line) as { verified: boolean; headers: Record<string, string>; body: string })
    expect(received).toHaveLength(1)
    const [got] = received
    expect(got!.verified).toBe(true)
    expect(got!.headers).toMatchObject({
      authorization: ENCRYPTED_VALUE,
      'x-team': 'analytics',
      'user-agent': 'Qlik Webhook',
      'content-type': 'application/json',
      'x-mock-target-url': 'https://hooks.example.com/qlik/apps',
    })
    expect(got!.body).toBe(JSON.stringify(delivery!.request!.body))
    expect(JSON.parse(got!.body)).toMatchObject({ specversion: '1.0.2', type: 'com.qlik.app.created' })

    // The history has it too, as the API returns it.
    const history = (await (await api(`/api/v1/webhooks/${webhook.id}/deliveries`)).json()) as { data: Delivery[] }
    expect(history.data[0]).toMatchObject({ id: delivery!.id, status: 'success', response: { statusCode: 200 } })
  })

  it("records the receiver's refusal when the signature does not verify (a seeded webhook's other secret)", async () => {
    receiverLines.length = 0
    const raised = await api('/__mock/events', {
      method: 'POST',
      body: JSON.stringify({ eventType: 'com.qlik.v1.app.created', webhookId: 'wh-slack-app-events' }),
    })
    const { deliveries } = (await raised.json()) as { deliveries: Delivery[] }
    expect(deliveries[0]).toMatchObject({
      status: 'fail',
      statusMessage: 'HTTP 401 Unauthorized',
      response: { statusCode: 401, body: '{"verified":false}' },
    })
    expect(JSON.parse(receiverLines[0]!)).toMatchObject({ verified: false, headers: { 'x-mock-target-url': SEED_WEBHOOKS[0]!.url } })
  })

  it('answers 400 naming the field for a bad event', async () => {
    for (const [body, field] of [
      [{}, 'eventType'],
      [{ eventType: 'com.qlik.v1.nope' }, 'eventType'],
      [{ eventType: 'com.qlik.v1.app.created', data: [1] }, 'data'],
      [{ eventType: 'com.qlik.v1.app.created', webhookId: 'wh-nope' }, 'webhookId'],
    ] as const) {
      const response = await api('/__mock/events', { method: 'POST', body: JSON.stringify(body) })
      expect(response.status).toBe(400)
      const error = (await response.json()) as { errors: { code: string; detail: string }[] }
      expect(error.errors[0]).toMatchObject({ code: 'WEBHOOKS-400-VALIDATION', detail: expect.stringMatching(new RegExp(`^${field}: `)) })
    }
    expect((await fetch(`${mockUrl}/__mock/events`, { method: 'POST', body: '{}' })).status).toBe(401)
  })
})

describe('the real transport', () => {
  let server: Server
  let base = ''
  beforeAll(async () => {
    mockServer.close()
    server = createServer((req, res) => {
      if (req.url === '/hang') return
      if (req.url === '/redirect') return void res.writeHead(302, { Location: 'http://127.0.0.1/elsewhere' }).end()
      if (req.url === '/big') return void res.writeHead(200, { 'Content-Type': 'text/plain' }).end('é'.repeat(RESPONSE_BODY_LIMIT))
      res.writeHead(503).end('busy')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  const outgoing = { webhook: { id: 'wh-x' }, url: 'https://hooks.example.com/x', body: '{}', headers: {} } as OutgoingDelivery

  it('fails a 3xx (not followed), a 5xx and a timeout; keeps the first 10 kB of a body', async () => {
    expect(await realTransport(new URL(`${base}/redirect`))(outgoing)).toMatchObject({
      status: 'fail',
      statusMessage: 'HTTP 302 Found to http://127.0.0.1/elsewhere: redirects are not followed',
      response: { statusCode: 302 },
    })
    expect(await realTransport(new URL(`${base}/other`))(outgoing)).toMatchObject({
      status: 'fail',
      response: { statusCode: 503, body: 'busy' },
    })
    expect(await realTransport(new URL(`${base}/hang`), 300)(outgoing)).toEqual({
      status: 'fail',
      statusMessage: 'Timeout: no response within 0.3 seconds',
    })
    const big = await realTransport(new URL(`${base}/big`))(outgoing)
    expect(big.status).toBe('success')
    expect(Buffer.byteLength(big.response!.body!)).toBe(RESPONSE_BODY_LIMIT)
    expect(big.response!.body).toBe('é'.repeat(RESPONSE_BODY_LIMIT / 2))
    const refused = await realTransport(new URL('http://127.0.0.1:1/'))(outgoing)
    expect(refused).toMatchObject({ status: 'fail', statusMessage: expect.stringContaining('Connection failed: ECONNREFUSED') })
  })

  it('accepts only a loopback receiver, from --deliver-to or MOCK_DELIVER_TO', async () => {
    for (const ok of ['http://127.0.0.1:8787/hook', 'http://[::1]:8787/', 'https://localhost/x'])
      expect(parseDeliverTo(ok).toString()).toBe(new URL(ok).toString())
    for (const bad of ['http://10.0.0.1/hook', 'http://example.com/', 'ftp://127.0.0.1/', 'not a url', 'http://user:pw@localhost/'])
      expect(() => parseDeliverTo(bad)).toThrow(/--deliver-to/)
    await expect(startMockHttpServerFromEnv({ MOCK_PORT: '0', MOCK_DELIVER_TO: 'http://192.168.1.2/hook' })).rejects.toThrow(
      'accepts only 127.0.0.1, ::1 or localhost',
    )
    await expect(startMockHttpServerFromEnv({ MOCK_PORT: '0' }, ['--deliver-to'])).rejects.toThrow('--deliver-to needs a URL')
  })
})

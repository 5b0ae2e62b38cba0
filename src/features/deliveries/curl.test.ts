// @vitest-environment node
import { execFile } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { shellQuote, toCurl } from './curl'

const body = { specversion: '1.0', data: { name: `It's "quoted" – ünïcode \\ $HOME \`x\``, n: [1, 2.5] } }

describe('Copy as cURL', () => {
  it('keeps Qlik-Signature, shows encrypted values as **OMITTED**, and says what the signature needs', () => {
    const command = toCurl({
      id: 'dl-1',
      request: {
        url: 'https://hooks.example.com/qlik',
        headers: { 'Content-Type': 'application/json', 'X-Api-Key': '**OMITTED**', 'Qlik-Signature': 'abc123' },
        body,
      },
    })
    expect(command).toContain(`-H 'Qlik-Signature: abc123'`)
    expect(command).toContain(`-H 'X-Api-Key: **OMITTED**'`)
    expect(command).toMatch(/^# .*\n# Qlik-Signature .* verifies only with that secret\.\n# Encrypted header values .*X-Api-Key/)
    expect(command).toContain(`curl -X POST 'https://hooks.example.com/qlik'`)
  })

  it('quotes anything for the shell', () => {
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`)
  })

  it('posts the same body bytes and headers when run against a local receiver', async () => {
    const received = await new Promise<{ body: Buffer; headers: Record<string, unknown>; method: string }>((resolve, reject) => {
      const server = createServer((req, res) => {
        const chunks: Buffer[] = []
        req.on('data', (chunk: Buffer) => chunks.push(chunk))
        req.on('end', () => {
          res.end('ok')
          server.close()
          resolve({ body: Buffer.concat(chunks), headers: req.headers, method: req.method ?? '' })
        })
      })
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo
        const command = toCurl({
          id: 'dl-1',
          request: {
            url: `http://127.0.0.1:${port}/hook`,
            headers: { 'Content-Type': 'application/json', 'User-Agent': 'Qlik Webhook', 'Qlik-Signature': 'f00d' },
            body,
          },
        })
        execFile('bash', ['-c', command.replace('curl ', 'curl -sS ')], (error) => error && reject(error))
      })
    })
    expect(received.method).toBe('POST')
    expect(received.body.equals(Buffer.from(JSON.stringify(body), 'utf8'))).toBe(true)
    expect(received.headers['qlik-signature']).toBe('f00d')
    expect(received.headers['user-agent']).toBe('Qlik Webhook')
    expect(received.headers.accept).toBeUndefined()
  })
})

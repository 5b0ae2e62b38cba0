import { beforeEach, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES } from '../http-utils'
import { WILDCARD_PATTERN_MAX_LENGTH } from '../wildcard'

// Hostile input against the mock tenant: the shapes that froze it, flooded
// it or slipped past it (issue 16), and their relatives. Written against a
// bare `send`, so that the same suite runs on the in-process handlers and
// over HTTP; each `send` fails after a time bound rather than waiting, so a
// hang fails its test instead of stalling the run.

/** How long one request may take before the suite calls it a hang: generous for a busy two-core machine. */
export const REQUEST_BOUND_MS = 5_000

export type HostileEnv = {
  /** One request to the mock; rejects when no answer comes within REQUEST_BOUND_MS. */
  send(path: string, init?: RequestInit): Promise<Response>
  reset(): Promise<void> | void
}

const KEY = { Authorization: 'Bearer qlik-mock-demo-key' }
const JSON_HEADERS = { ...KEY, 'Content-Type': 'application/json' }
const VALID = { name: 'Hostile hook', url: 'https://hooks.example.com/hostile', eventTypes: ['com.qlik.v1.app.created'] }

type ErrorBody = { errors: { code: string; title: string; detail?: string }[] }

export function hostileContract(name: string, env: HostileEnv): void {
  const get = (path: string) => env.send(path, { headers: KEY })
  const post = (path: string, body: unknown) => env.send(path, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) })
  const details = async (response: Response) => ((await response.json()) as ErrorBody).errors.map((e) => e.detail ?? '').join('\n')

  describe(name, { timeout: 60_000 }, () => {
    beforeEach(() => env.reset())

    describe('wildcard patterns in name and url answer at once', () => {
      const shapes = [
        '**********zq',
        `${'*'.repeat(500)}zq`,
        `${'*a'.repeat(200)}zq`,
        `${'a*'.repeat(300)}b`,
        `*${'x*'.repeat(100)}`,
        `${'*.*'.repeat(100)}q`,
        '(.*)*$',
        '\\',
        '[',
        '%',
        '*',
      ]
      for (const key of ['name', 'url']) {
        it(`?${key}= with ${shapes.length} shapes that backtrack in a regular expression`, async () => {
          for (const shape of shapes) {
            const response = await get(`/api/v1/webhooks?${key}=${encodeURIComponent(shape)}&limit=100`)
            expect({ shape, status: response.status }).toEqual({ shape, status: 200 })
            const { data } = (await response.json()) as { data: unknown[] }
            expect(Array.isArray(data)).toBe(true)
            if (shape.endsWith('zq')) expect(data).toEqual([])
          }
        })
      }

      it('still matches in order and case-insensitively', async () => {
        const response = await get('/api/v1/webhooks?name=SLACK*PUBLISHED&limit=100')
        const { data } = (await response.json()) as { data: { name: string }[] }
        expect(data.map((w) => w.name)).toEqual(['Slack: new and published apps'])
        const reversed = (await (await get('/api/v1/webhooks?name=published*slack&limit=100')).json()) as { data: unknown[] }
        expect(reversed.data).toEqual([])
      })

      it(`refuses a pattern longer than ${WILDCARD_PATTERN_MAX_LENGTH} characters with a 400 naming the parameter`, async () => {
        for (const key of ['name', 'url']) {
          const response = await get(`/api/v1/webhooks?${key}=${'*'.repeat(WILDCARD_PATTERN_MAX_LENGTH + 1)}`)
          expect(response.status).toBe(400)
          expect(await details(response)).toContain(`${key} must be at most ${WILDCARD_PATTERN_MAX_LENGTH} characters`)
        }
      })
    })

    describe('query parameters are read strictly', () => {
      for (const limit of ['0x10', '1e2', ' 5', '5.0', '+5', '-0', '0', '101', '', 'Infinity']) {
        it(`limit=${JSON.stringify(limit)} is a 400`, async () => {
          const response = await get(`/api/v1/webhooks?limit=${encodeURIComponent(limit)}`)
          expect(response.status).toBe(400)
          expect(await details(response)).toContain('limit must be an integer from 1 to 100')
        })
      }

      it('next together with prev is a 400, on webhooks and on deliveries', async () => {
        const first = (await (await get('/api/v1/webhooks?limit=2')).json()) as { links: { next: { href: string } } }
        const cursor = new URL(first.links.next.href).searchParams.get('next')!
        for (const path of ['/api/v1/webhooks', '/api/v1/webhooks/wh-slack-app-events/deliveries']) {
          const response = await get(`${path}?limit=2&next=${cursor}&prev=${cursor}`)
          expect(response.status).toBe(400)
          expect(await details(response)).toContain('not both')
        }
      })

      it('a cursor that is not one is a 400, whatever it holds', async () => {
        for (const cursor of ['garbage', btoa('{"o":-1}'), btoa('{"o":1e400}'), btoa('[]'), '%00', '..%2F..']) {
          const response = await get(`/api/v1/webhooks?next=${cursor}`)
          expect({ cursor, status: response.status }).toEqual({ cursor, status: 400 })
        }
      })
    })

    describe('methods the mock does not serve', () => {
      const cases: [method: string, path: string, allow: string][] = [
        ['DELETE', '/api/v1/webhooks', 'GET, POST'],
        ['PUT', '/api/v1/webhooks', 'GET, POST'],
        ['POST', '/api/v1/webhooks/wh-slack-app-events', 'GET, PUT, PATCH, DELETE'],
        ['DELETE', '/api/v1/webhooks/wh-slack-app-events/deliveries', 'GET'],
        ['GET', '/api/v1/webhooks/wh-slack-app-events/deliveries/dl-slack-app-events-0060/actions/resend', 'POST'],
        ['PATCH', '/api/core/webhooks', 'GET, POST'],
      ]
      for (const [method, path, allow] of cases) {
        it(`${method} ${path} is a 405 with Allow: ${allow}`, async () => {
          const response = await env.send(path, { method, headers: JSON_HEADERS, ...(method === 'GET' ? {} : { body: '{}' }) })
          expect(response.status).toBe(405)
          expect(response.headers.get('allow')?.split(', ').sort()).toEqual(allow.split(', ').sort())
          expect(await details(response)).toContain(`${method} is not served`)
        })
      }
    })

    describe('ids in the path are ids', () => {
      // (`%2e` and `%2e%2e` alone are dot segments to every URL parser: they name the list or /api/v1/.)
      for (const id of ['x%2e%2e', '..%2f__mock%2freset', '%2e%2e%5c__mock', '%00', `${'a'.repeat(5000)}`]) {
        it(`/api/v1/webhooks/${id.slice(0, 20)} is a 404`, async () => {
          const response = await get(`/api/v1/webhooks/${id}`)
          expect(response.status).toBe(404)
        })
      }
    })

    describe(`bodies above ${MAX_BODY_BYTES} bytes`, () => {
      const big = (bytes: number) => JSON.stringify({ ...VALID, description: 'x'.repeat(bytes) })
      for (const [method, path] of [
        ['POST', '/api/v1/webhooks'],
        ['PUT', '/api/v1/webhooks/wh-slack-app-events'],
        ['PATCH', '/api/v1/webhooks/wh-slack-app-events'],
      ] as const) {
        it(`${method} of 2 MB is a 413 that states the limit, and nothing is stored`, async () => {
          const response = await env.send(path, { method, headers: JSON_HEADERS, body: big(2 * MAX_BODY_BYTES) })
          expect(response.status).toBe(413)
          expect(await details(response)).toContain('at most 1 MB')
          const list = (await (await get('/api/v1/webhooks?limit=100&name=Hostile')).json()) as { data: unknown[] }
          expect(list.data).toEqual([])
        })
      }

      it('a body just under the limit is read and judged on its fields (400, not 413)', async () => {
        const response = await env.send('/api/v1/webhooks', { method: 'POST', headers: JSON_HEADERS, body: big(MAX_BODY_BYTES - 200) })
        expect(response.status).toBe(400)
        expect(await details(response)).toContain('description')
      })
    })

    describe('field rules hold against crafted values', () => {
      it('a filter longer than the limit is a 400 on filter, not stored', async () => {
        const filter = Array.from({ length: 300 }, (_, i) => `spaceId eq "space-${i}"`).join(' or ')
        const response = await post('/api/v1/webhooks', { ...VALID, filter })
        expect(response.status).toBe(400)
        expect(await details(response)).toMatch(/^filter: The filter must be at most \d+ characters/m)
      })

      it('a long filter made to slow a parser is answered at once', async () => {
        for (const filter of [
          `${'('.repeat(20_000)}`,
          `spaceId eq "${'\\u0041'.repeat(1000)}"`,
          `${'spaceId eq "a" and '.repeat(150)}id eq`,
        ]) {
          const response = await post('/api/v1/webhooks', { ...VALID, filter })
          expect(response.status).toBe(400)
        }
      })

      const names: [string, string, RegExp][] = [
        ['only zero-width spaces', '\u200B\u200B\u200B', /name: .*visible character/],
        ['only a BOM and a word joiner', '\uFEFF\u2060', /name: .*visible character/],
        ['only bidi marks', '\u200E\u200F\u061C', /name: .*visible character/],
        ['a right-to-left override', 'Invoice \u202Efdp.exe', /name: .*U\+202E/],
        ['a bidi isolate', 'a\u2066b\u2069', /name: .*U\+2066/],
        ['a NUL', 'a\u0000b', /name: .*U\+0000/],
        ['a lone surrogate', 'a\uD800b', /name: .*surrogate/],
        ['513 characters of emoji (1026 UTF-16 units)', '😀'.repeat(513), /name: .*at most 512 characters \(code points\)/],
      ]
      for (const [what, value, message] of names) {
        it(`a name of ${what} is a 400 on name`, async () => {
          const response = await post('/api/v1/webhooks', { ...VALID, name: value })
          expect(response.status).toBe(400)
          expect(await details(response)).toMatch(message)
        })
      }

      it('512 emoji (1024 UTF-16 units) are a valid name', async () => {
        const response = await post('/api/v1/webhooks', { ...VALID, name: '😀'.repeat(512) })
        expect(response.status).toBe(201)
      })

      const urls: [string, RegExp][] = [
        ['https://hooks.example.com\\@evil.example.com/', /url: .*backslash/],
        ['https://hooks.example.com/a\\b', /url: .*backslash/],
        ['https://hooks.example.com:0/', /url: .*port "0".*1 to 65535/],
        ['https://hooks.example.com:65536/', /url: .*port "65536"/],
        ['https://hooks.example.com:00443x/', /url: .*port/],
      ]
      for (const [url, message] of urls) {
        it(`the URL ${url} is a 400 on url`, async () => {
          const response = await post('/api/v1/webhooks', { ...VALID, url })
          expect(response.status).toBe(400)
          expect(await details(response)).toMatch(message)
        })
      }

      it('a header named __proto__ is an ordinary header, kept as sent', async () => {
        const response = await env.send('/api/v1/webhooks', {
          method: 'POST',
          headers: JSON_HEADERS,
          body: '{"name":"Proto","url":"https://hooks.example.com/p","headers":{"__proto__":"x","X-Team":"ops"}}',
        })
        expect(response.status).toBe(201)
        const created = (await response.json()) as { headers: Record<string, string> }
        expect(Object.entries(created.headers)).toEqual([
          ['__proto__', 'x'],
          ['X-Team', 'ops'],
        ])
      })

      for (const header of ['Qlik-Signature', 'content-type', 'User-Agent', 'HOST', 'Content-Length']) {
        it(`a header named ${header} is a 400 saying Qlik sets it`, async () => {
          const response = await post('/api/v1/webhooks', { ...VALID, headers: { [header]: 'x' } })
          expect(response.status).toBe(400)
          expect(await details(response)).toMatch(new RegExp(`headers: .*"${header}".*Qlik sets`, 'i'))
        })
      }

      it('a header value outside visible ASCII is a 400 saying so', async () => {
        for (const value of ['café', 'a\u200Bb', 'x\u0085y']) {
          const response = await post('/api/v1/webhooks', { ...VALID, headers: { 'X-Team': value } })
          expect(response.status).toBe(400)
          expect(await details(response)).toMatch(/headers: .*visible ASCII/)
        }
      })
    })
  })
}

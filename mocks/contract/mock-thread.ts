import { Worker } from 'node:worker_threads'

// The parent side of scripts/mock-thread.mjs: a fetch-like call into the
// in-process handlers that fails after `boundMs` instead of waiting for ever,
// and replaces a thread that did not answer with a fresh one.

export type MockThread = {
  /** Resolves once the thread has loaded the handlers (seconds: it goes through Vite's module runner). */
  ready(): Promise<void>
  send(path: string, init?: RequestInit): Promise<Response>
  reset(): Promise<void>
  close(): Promise<void>
}

type Answer = { id: number; status?: number; headers?: [string, string][]; body?: ArrayBuffer | null; unhandled?: true; error?: string }

const SCRIPT = new URL('../../scripts/mock-thread.mjs', import.meta.url)

export function startMockThread(boundMs: number): MockThread {
  let worker: Worker
  let ready: Promise<void>
  let sequence = 0
  const waiting = new Map<number, (answer: Answer) => void>()

  const start = () => {
    worker = new Worker(SCRIPT)
    ready = new Promise((resolve, reject) => {
      worker.once('error', reject)
      worker.on('message', (message: Answer | { ready: true }) => {
        if ('ready' in message) return resolve()
        waiting.get(message.id)?.(message)
        waiting.delete(message.id)
      })
    })
  }
  start()

  async function call(what: string, message: Record<string, unknown>): Promise<Answer> {
    await ready
    const id = ++sequence
    let timer: ReturnType<typeof setTimeout> | undefined
    const answered = new Promise<Answer>((resolve) => waiting.set(id, resolve))
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        waiting.delete(id)
        // A handler stuck in a loop holds the thread: end it, and answer later calls from a new one.
        void worker.terminate()
        start()
        reject(new Error(`The in-process mock did not answer ${what} within ${boundMs} ms.`))
      }, boundMs)
    })
    worker.postMessage({ id, ...message })
    try {
      return await Promise.race([answered, timedOut])
    } finally {
      clearTimeout(timer)
    }
  }

  return {
    ready: () => ready,
    async send(path, init = {}) {
      const url = new URL(path, 'http://localhost').toString()
      const method = init.method ?? 'GET'
      const body = init.body === undefined || init.body === null ? undefined : await new Response(init.body).arrayBuffer()
      const answer = await call(`${method} ${path.slice(0, 120)}`, { url, method, headers: [...new Headers(init.headers)], body })
      if (answer.error) throw new Error(`The in-process mock failed on ${method} ${path}: ${answer.error}`)
      if (answer.unhandled) return new Response(null, { status: 599, statusText: 'unhandled by the mock' })
      const empty = answer.status === 204 || answer.status === 304 || !answer.body?.byteLength
      return new Response(empty ? null : answer.body!, { status: answer.status!, headers: answer.headers! })
    },
    async reset() {
      await call('reset', { kind: 'reset' })
    },
    close: () => worker.terminate().then(() => undefined),
  }
}

// @vitest-environment node
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServerProcess, stopMockServerProcess } from './mock-server-process'
import { DEMO_API_KEY } from '../auth'
import { mockServer } from '../node'

// The Playwright example of the README's "Using the mock tenant in your
// tests", read from the README at test time (so that the two cannot drift)
// and run by Playwright itself, as a reader would, against
// `npm run mock:server` on a free port. The example needs no browser.

const root = new URL('../..', import.meta.url).pathname

/** The first ```ts block of that section, exactly as printed. */
function readmePlaywrightExample(readme: string): string {
  const section = /^## Using the mock tenant in your tests\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1]
  if (!section) throw new Error('README.md has no section "Using the mock tenant in your tests"')
  const block = /\*\*A Playwright example\*\*[\s\S]*?```ts\n([\s\S]*?)\n```/.exec(section)?.[1]
  if (!block) throw new Error('The section has no ```ts block after "A Playwright example"')
  return block
}

/** Runs a command to its end; its exit code and everything it printed. */
function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })))
}

describe('the README’s Playwright example', () => {
  // Inside the repository, so that the example's import of @playwright/test resolves; .out is ignored by git.
  const dir = join(root, '.out', `readme-playwright-${process.pid}`)
  let mock: { child: ChildProcess; url: string } | undefined

  beforeAll(async () => {
    // The in-process mock of src/testing/setup.ts would answer this file's own fetch to the server.
    mockServer.close()
    mock = await startMockServerProcess()
  }, 60_000)
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true })
    await stopMockServerProcess(mock?.child)
  })

  it('is in the README, reads the server address from QLIK_MOCK, and checks what it says', () => {
    const example = readmePlaywrightExample(readFileSync(join(root, 'README.md'), 'utf8'))
    expect(example).toContain("from '@playwright/test'")
    expect(example).toContain("const MOCK = process.env.QLIK_MOCK ?? 'http://127.0.0.1:9090'")
    expect(example).toMatch(/expect\(webhook\)\.toMatchObject\(\{ enabled: false, disabledReasonCode: 'DELIVERY_FAILURE_THRESHOLD' \}\)/)
  })

  it('passes, run as written by Playwright against npm run mock:server', async () => {
    const example = readmePlaywrightExample(readFileSync(join(root, 'README.md'), 'utf8'))
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'readme-example.spec.ts'), example)
    // A config of its own, so that the console's (browsers, preview servers) stays out of it.
    writeFileSync(join(dir, 'playwright.config.mjs'), "export default { testDir: '.', workers: 1, reporter: 'list', retries: 0 }\n")
    const { code, output } = await run(
      [join(root, 'node_modules/@playwright/test/cli.js'), 'test', '--config', join(dir, 'playwright.config.mjs')],
      { QLIK_MOCK: mock!.url, CI: '' },
    )
    expect(output).toMatch(/1 passed/)
    expect({ code, output }).toMatchObject({ code: 0 })

    // And the server is as the example left it: the webhook disabled by its failing receiver.
    const webhook = await fetch(`${mock!.url}/api/v1/webhooks/wh-slack-app-events`, {
      headers: { Authorization: `Bearer ${DEMO_API_KEY}` },
    })
    expect(await webhook.json()).toMatchObject({ enabled: false, disabledReasonCode: 'DELIVERY_FAILURE_THRESHOLD' })
  }, 120_000)
})

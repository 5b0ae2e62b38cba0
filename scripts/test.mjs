// npm test: every check, in order, stopping at the first failure and naming it.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { assertFirstPageWithinBudget, FIRST_PAGE_BUDGET } from './build-report.mjs'
import { tenantBuilds } from '../e2e/tenant-builds.mjs'

function findChromium() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('playwright-core').chromium.executablePath())"], {
    encoding: 'utf8',
  })
  return probe.status === 0 && existsSync(probe.stdout) ? probe.stdout : undefined
}

function checkBuilds() {
  const report = assertFirstPageWithinBudget('dist-tenant')
  if (report.mockFiles.length || report.workerScript) {
    throw new Error(
      `mock code in the real-tenant build: ${[...report.mockFiles, ...(report.workerScript ? ['mockServiceWorker.js'] : [])].join(', ')}`,
    )
  }
  const demo = assertFirstPageWithinBudget('dist')
  if (demo.mockInFirstPage) throw new Error('the demo build loads the mock with its first-page JS; it must be a lazy chunk')
}

const npx = (...args) => ['npx', args]
const steps = [
  ['format (Prettier, check only)', npx('prettier', '--check', '.', '--log-level', 'warn')],
  ['typecheck', npx('tsc', '--noEmit', '-p', 'tsconfig.json')],
  ['lint', npx('eslint', '.', '--max-warnings=0')],
  ['unit and component tests', npx('vitest', 'run')],
  ['build (demo, mock on)', npx('vite', 'build', '--logLevel', 'warn')],
  ['build (real tenant)', npx('vite', 'build', '--mode', 'tenant', '--logLevel', 'warn')],
  [`both builds: first page within ${FIRST_PAGE_BUDGET / 1024} kB gzip; no mock code in the real-tenant build`, checkBuilds],
  ...tenantBuilds.map(({ name, env }) => [
    `build (real tenant, ${name} journeys)`,
    npx('vite', 'build', '--mode', 'tenant', '--logLevel', 'warn'),
    env,
  ]),
  ['end-to-end tests (Playwright, Chromium)', npx('playwright', 'test'), { TENANT_E2E: '1' }],
]

const started = Date.now()
for (const [name, command, stepEnv] of steps) {
  const t0 = Date.now()
  console.log(`\n▶ ${name}`)
  let failure
  if (typeof command === 'function') {
    try {
      command()
    } catch (error) {
      failure = error.message
    }
  } else {
    if (name.startsWith('end-to-end') && !findChromium()) {
      failure =
        "no Chromium found (CHROME_PATH, /usr/bin/chromium, or Playwright's own browser).\n" +
        '  Install it with: sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium fonts-liberation'
    } else {
      const result = spawnSync(command[0], command[1], {
        stdio: 'inherit',
        env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ...stepEnv },
      })
      if (result.status !== 0) failure = `exit code ${result.status ?? result.signal}`
    }
  }
  if (failure) {
    console.error(`\n✗ npm test failed at step "${name}": ${failure}`)
    process.exit(1)
  }
  console.log(`✓ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
}
console.log(`\n✓ all checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`)

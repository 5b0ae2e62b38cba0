// npm run bench: builds the demo (mock) and real-tenant consoles and prints
// their sizes as a table and as one JSON line. Budgets: README, "Budgets".
import { execFileSync } from 'node:child_process'
import { analyzeBuild } from './build-report.mjs'

const BUDGET_FIRST_PAGE_TENANT = 120 * 1024

const builds = [
  { name: 'demo (mock)', mode: 'production', dir: '.out/bench-demo' },
  { name: 'real tenant', mode: 'tenant', dir: '.out/bench-tenant' },
]
const results = {}
for (const build of builds) {
  execFileSync('npx', ['vite', 'build', '--mode', build.mode, '--logLevel', 'error'], {
    stdio: 'inherit',
    env: { ...process.env, DIST_DIR: build.dir },
  })
  results[build.name] = analyzeBuild(build.dir)
}

const kB = (n) => `${(n / 1024).toFixed(1)} kB`
const rows = [
  ['', ...builds.map((b) => b.name)],
  ['first-page JS (gzip)', ...builds.map((b) => kB(results[b.name].firstPageJsGzip))],
  ['total JS (gzip)', ...builds.map((b) => kB(results[b.name].totalJsGzip))],
  ['CSS (gzip)', ...builds.map((b) => kB(results[b.name].cssGzip))],
  ['JS files', ...builds.map((b) => String(results[b.name].jsFiles))],
  [
    'mock code in build',
    ...builds.map((b) => (results[b.name].mockFiles.length ? `yes (${results[b.name].mockFiles.length} file)` : 'no')),
  ],
  ['mock code in first-page JS', ...builds.map((b) => (results[b.name].mockInFirstPage ? 'yes' : 'no'))],
]
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '))

const tenant = results['real tenant']
const demo = results['demo (mock)']
const verdict = {
  firstPageTenantWithinBudget: tenant.firstPageJsGzip <= BUDGET_FIRST_PAGE_TENANT,
  tenantHasNoMock: tenant.mockFiles.length === 0 && !tenant.workerScript,
  demoMockOffFirstPage: !demo.mockInFirstPage,
}
console.log(
  `\nbudget: first-page JS of the real-tenant build <= ${kB(BUDGET_FIRST_PAGE_TENANT)}: ${verdict.firstPageTenantWithinBudget ? 'within' : 'OVER'}`,
)
console.log(
  JSON.stringify({ bench: 'build-size', unit: 'bytes-gzip', results, budget: { firstPageTenant: BUDGET_FIRST_PAGE_TENANT }, verdict }),
)

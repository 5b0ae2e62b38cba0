// npm run bench: builds the demo (mock) and real-tenant consoles, measures
// their sizes, then serves both and measures them in headless Chromium
// (scripts/bench-runtime.mjs) and with Lighthouse. Prints one table and one
// JSON line with every figure. Budgets: README, "Budgets".
//
//   npm run bench                 everything (about 18 minutes on 2 quiet cores)
//   npm run bench -- --quick      sizes and browser figures, no Lighthouse (about 12 minutes)
//   npm run bench -- --size       sizes only (seconds)
//   --runs N, --lighthouse-runs N cold loads per figure (default 5 each)
//   --map                         also writes a treemap of each build to .out/bundle-map-<build>.html
import { execFileSync } from 'node:child_process'
import { analyzeBuild, FIRST_PAGE_BUDGET } from './build-report.mjs'
import { runtimeBench } from './bench-runtime.mjs'

const args = process.argv.slice(2)
const flag = (name) => args.includes(name)
const option = (name, fallback) => {
  const at = args.indexOf(name)
  if (at === -1) return fallback
  const value = Number(args[at + 1])
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number of runs (at least 1)`)
  return value
}
const sizeOnly = flag('--size')
const runs = option('--runs', 5)
const lighthouseRuns = flag('--quick') ? 0 : option('--lighthouse-runs', 5)

// Budgets of the browser figures (README, "Budgets"), in ms unless named.
const BUDGETS = {
  tableRowsDemo: 2500,
  tableRowsTenant: 2000,
  fcp: 1800,
  sort: 500,
  filter: 500,
  historyOpen: 1500,
  scrollLongFrames: 0,
  scrollTbt: 0,
  cls: 0.01,
  lighthouseMobileDemo: 95,
  lighthouseMobileTenant: 98,
  lighthouseDesktop: 100,
}

const builds = [
  { key: 'demo', name: 'demo (mock)', mode: 'production', dir: '.out/bench-demo' },
  { key: 'tenant', name: 'real tenant', mode: 'tenant', dir: '.out/bench-tenant' },
]
const sizes = {}
for (const build of builds) {
  execFileSync('npx', ['vite', 'build', '--mode', build.mode, '--logLevel', 'error'], {
    stdio: 'inherit',
    env: { ...process.env, DIST_DIR: build.dir, ...(flag('--map') ? { BUNDLE_MAP: `.out/bundle-map-${build.key}.html` } : {}) },
  })
  sizes[build.key] = analyzeBuild(build.dir)
}

let runtime
if (!sizeOnly) {
  const started = Date.now()
  runtime = await runtimeBench({
    demoDir: builds[0].dir,
    tenantDir: builds[1].dir,
    runs,
    lighthouseRuns,
    log: (text) => process.stderr.write(text),
  })
  runtime.seconds = Math.round((Date.now() - started) / 1000)
}

// One row per figure: name, value (or stats), unit, budget, and whether a
// higher value is the better one (scores).
const rows = []
const add = (name, value, unit, budget, higherIsBetter = false) => rows.push({ name, value, unit, budget, higherIsBetter })
const kB = (n) => n / 1024
for (const build of builds) {
  const s = sizes[build.key]
  add(`first-page JS, ${build.name}`, kB(s.firstPageJsGzip), 'kB gzip', kB(FIRST_PAGE_BUDGET))
  add(`total JS, ${build.name}`, kB(s.totalJsGzip), 'kB gzip')
  add(`CSS, ${build.name}`, kB(s.cssGzip), 'kB gzip')
}
add('mock code in the real-tenant build', sizes.tenant.mockFiles.length + (sizes.tenant.workerScript ? 1 : 0), 'files', 0)
add('mock code in the demo first page', sizes.demo.mockInFirstPage ? 1 : 0, 'files', 0)

if (runtime) {
  for (const key of ['demo', 'tenant']) {
    const r = runtime[key]
    const label = key === 'demo' ? 'demo' : 'real tenant'
    add(`${label}: navigation to table rows`, r.tableRows, 'ms', key === 'demo' ? BUDGETS.tableRowsDemo : BUDGETS.tableRowsTenant)
    add(`${label}: first contentful paint`, r.fcp, 'ms', BUDGETS.fcp)
    add(`${label}: layout shift up to the rows (CLS, 1280×800)`, r.cls, '', BUDGETS.cls)
    add(`${label}: Name header click to rows reordered`, r.sortByName, 'ms', BUDGETS.sort)
    add(`${label}: Name filter (Enter) to rows filtered`, r.filterByName, 'ms', BUDGETS.filter)
  }
  add('demo: mock tenant start (seed, worker listening)', runtime.demo.mockStart, 'ms')
  add('demo: mock tenant ready, from navigation', runtime.demo.mockReady, 'ms')
  for (const [size, h] of Object.entries(runtime.history)) {
    const n = Number(size).toLocaleString('en')
    add(`history of ${n}: open to first rows`, h.open, 'ms', BUDGETS.historyOpen)
    add(`history of ${n}: mock state restored after reload`, h.mockRestore, 'ms')
    add(`history of ${n}: scroll, frames over 50 ms (${h.rowsShown} rows)`, h.scrollLongFrames, 'frames', BUDGETS.scrollLongFrames)
    add(`history of ${n}: scroll, total blocking time (${h.rowsShown} rows)`, h.scrollTbt, 'ms', BUDGETS.scrollTbt)
    add(`history of ${n}, whole 7 days in view (a search all match): every row loaded`, h.wholeViewLoaded, 'ms')
    add(`history of ${n}, whole view: scroll, frames over 50 ms`, h.wholeViewLongFrames, 'frames', BUDGETS.scrollLongFrames)
    add(`history of ${n}, whole view: scroll, total blocking time`, h.wholeViewTbt, 'ms', BUDGETS.scrollTbt)
    add(`history of ${n}, whole view: table rows in the DOM after the scroll`, h.wholeViewRowsRendered, 'rows')
    add(`history of ${n}: JS heap, open`, h.heapOpen && { ...h.heapOpen, ...scale(h.heapOpen, 1 / 2 ** 20) }, 'MB')
    add(`history of ${n}: JS heap, after closing`, h.heapClosed && { ...h.heapClosed, ...scale(h.heapClosed, 1 / 2 ** 20) }, 'MB')
  }
  for (const [name, lh] of Object.entries(runtime.lighthouse ?? {})) {
    const [build, preset] = name.split('-')
    const target =
      preset === 'desktop' ? BUDGETS.lighthouseDesktop : build === 'demo' ? BUDGETS.lighthouseMobileDemo : BUDGETS.lighthouseMobileTenant
    const label = `Lighthouse ${build === 'demo' ? 'demo' : 'real tenant'} ${preset}`
    add(`${label}: Performance`, lh.performance, 'score', target, true)
    add(`${label}: Accessibility / Best practices / SEO`, lh.accessibility && lh.accessibility.median, 'score', undefined, true)
    rows.at(-1).text = [lh.accessibility, lh.bestPractices, lh.seo].map((s) => (s ? String(s.median) : '-')).join(' / ')
    add(`${label}: FCP`, lh.fcp, 'ms')
    add(`${label}: LCP`, lh.lcp, 'ms')
    add(`${label}: TBT`, lh.tbt, 'ms')
    add(`${label}: CLS`, lh.cls, '', BUDGETS.cls)
  }
}

function scale(stats, factor) {
  return { median: stats.median * factor, min: stats.min * factor, max: stats.max * factor }
}

const median = (value) => (value && typeof value === 'object' ? value.median : value)
const format = (n, unit) =>
  n === null || n === undefined
    ? '-'
    : unit === 'kB gzip' || unit === 'MB'
      ? n.toFixed(1)
      : unit === ''
        ? n.toFixed(3)
        : String(Math.round(n))
const verdict = (row) => {
  const m = median(row.value)
  if (row.budget === undefined || m === null || m === undefined) return ''
  return (row.higherIsBetter ? m >= row.budget : m <= row.budget) ? 'within' : 'OVER'
}
const table = [
  ['figure', 'median', 'min', 'max', 'unit', 'budget', ''],
  ...rows.map((row) => {
    const v = row.value
    const stats = v && typeof v === 'object'
    return [
      row.name,
      row.text ?? format(median(v), row.unit),
      stats && !row.text ? format(v.min, row.unit) : '',
      stats && !row.text ? format(v.max, row.unit) : '',
      row.unit,
      row.budget === undefined ? '' : `${row.higherIsBetter ? '≥' : '≤'} ${format(row.budget, row.unit)}`,
      verdict(row),
    ]
  }),
]
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)))
console.log('')
for (const row of table)
  console.log(row.map((cell, i) => (i >= 1 && i <= 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  '))
const over = rows.filter((row) => verdict(row) === 'OVER').map((row) => row.name)
console.log(over.length ? `\nOVER budget: ${over.join('; ')}` : '\nevery budgeted figure is within its budget')
if (runtime) console.log(`(browser figures: median of ${runs} cold loads, Lighthouse of ${lighthouseRuns}; ${runtime.seconds} s)`)
console.log(
  JSON.stringify({
    bench: 'console',
    sizes,
    runtime,
    budgets: { firstPageGzip: FIRST_PAGE_BUDGET, ...BUDGETS },
    over,
  }),
)

// Reads a Vite build (its manifest) and measures what the first page needs.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

// Strings that only the mock tenant's code contains: msw itself, the worker
// script's name, the seed's ids, and the demo feature's own wording.
export const MOCK_MARKERS = [
  'mockServiceWorker',
  'msw/browser',
  'MSW_ACTIVATE',
  'wh-slack-app-events',
  'setupWorker',
  'Demo controls',
  'Send test event',
]

/** First page (entry chunk and its static imports), gzip level 9: README, "Budgets". npm test refuses a build past it. */
export const FIRST_PAGE_BUDGET = 100 * 1024

const gz = (buf) => gzipSync(buf, { level: 9 }).length

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

export function analyzeBuild(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8'))
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry)
  if (!entry) throw new Error(`${dir}: the manifest has no entry chunk`)
  const firstPage = new Set()
  const visit = (chunk) => {
    if (firstPage.has(chunk.file)) return
    firstPage.add(chunk.file)
    for (const key of chunk.imports ?? []) visit(manifest[key])
  }
  visit(entry)
  const files = walk(dir).filter((f) => !f.includes(`${join(dir, '.vite')}`))
  const js = files.filter((f) => f.endsWith('.js') && !f.endsWith('mockServiceWorker.js'))
  const css = files.filter((f) => f.endsWith('.css'))
  // Each file is read and compressed once, though first-page files count in two totals.
  const contents = new Map([...js, ...css].map((f) => [f, readFileSync(f)]))
  const gzipped = new Map()
  const gzOf = (f) => {
    if (!gzipped.has(f)) gzipped.set(f, gz(contents.get(f)))
    return gzipped.get(f)
  }
  const size = (list) => list.reduce((sum, f) => sum + gzOf(f), 0)
  const firstPageFiles = [...firstPage].map((f) => join(dir, f))
  const mockFiles = js.filter((f) => {
    const text = contents.get(f).toString('utf8')
    return MOCK_MARKERS.some((marker) => text.includes(marker))
  })
  return {
    firstPageJsGzip: size(firstPageFiles.filter((f) => f.endsWith('.js'))),
    firstPageFiles: firstPageFiles.filter((f) => f.endsWith('.js')).map((f) => ({ file: f.slice(dir.length + 1), gzip: gzOf(f) })),
    totalJsGzip: size(js),
    cssGzip: size(css),
    jsFiles: js.length,
    mockFiles: mockFiles.map((f) => f.slice(dir.length + 1)),
    mockInFirstPage: firstPageFiles.some((f) => mockFiles.includes(f)),
    workerScript: files.some((f) => f.endsWith('mockServiceWorker.js')),
  }
}

/** Throws when a build's first page is over FIRST_PAGE_BUDGET, naming its files and sizes. */
export function assertFirstPageWithinBudget(dir, report = analyzeBuild(dir)) {
  if (report.firstPageJsGzip <= FIRST_PAGE_BUDGET) return report
  const files = report.firstPageFiles.map((f) => `${f.file} ${(f.gzip / 1024).toFixed(1)} kB`).join(', ')
  throw new Error(
    `${dir}: first-page JS is ${(report.firstPageJsGzip / 1024).toFixed(1)} kB gzip, over the budget of ${FIRST_PAGE_BUDGET / 1024} kB (${files}). ` +
      'Load what the first paint does not need in a chunk of its own (README, "Budgets"; `npm run bench -- --size --map` draws the bytes).',
  )
}

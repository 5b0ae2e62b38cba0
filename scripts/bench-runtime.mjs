// The runtime half of `npm run bench`: serves the demo build (vite preview)
// and the real-tenant build (vite preview through the local API-key proxy,
// against the mock server), each on a free port, and measures them in
// headless Chromium with Playwright, then with Lighthouse. Every figure is
// the median of several cold loads (a new browser context each: no cache, no
// service worker, no storage), reported with its min and max.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS as CHROME_ARGS, chromiumPath as chromePath } from './chromium.mjs'

const DEMO_API_KEY = 'qlik-mock-demo-key'
const BIG_HISTORY = { webhookId: 'wh-automation-catalog', name: 'Automation catalogue sync' }
/** The name typed into the Name filter: one seeded webhook. */
const FILTER_NAME = 'Reload monitor (errors only)'

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function waitForUrl(url, child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with code ${child.exitCode}`)
    try {
      const response = await fetch(url)
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

/** Starts a server process and waits until `readyUrl` answers; `stop()` ends that process alone. */
async function startServer(name, command, args, env, readyUrl) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  try {
    await waitForUrl(readyUrl, child)
  } catch (error) {
    child.kill('SIGTERM')
    throw new Error(`${name}: ${error.message}\n${stderr}`)
  }
  return {
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', resolve)
        child.kill('SIGTERM')
      }),
  }
}

const vite = 'node_modules/.bin/vite'

async function startServers({ demoDir, tenantDir }) {
  const [demoPort, mockPort, tenantPort] = [await freePort(), await freePort(), await freePort()]
  const demoUrl = `http://127.0.0.1:${demoPort}`
  const mockUrl = `http://127.0.0.1:${mockPort}`
  const tenantUrl = `http://127.0.0.1:${tenantPort}`
  const servers = []
  try {
    const preview = ['preview', '--host', '127.0.0.1', '--strictPort', '--logLevel', 'error']
    servers.push(
      await startServer(
        'demo preview',
        vite,
        [...preview, '--port', String(demoPort), '--outDir', demoDir],
        { DIST_DIR: demoDir },
        demoUrl,
      ),
    )
    servers.push(
      await startServer(
        'mock server',
        process.execPath,
        ['scripts/mock-server.mjs'],
        { MOCK_PORT: String(mockPort) },
        `${mockUrl}/api/v1/webhooks`,
      ),
    )
    servers.push(
      await startServer(
        'tenant preview',
        vite,
        [...preview, '--mode', 'tenant', '--port', String(tenantPort), '--outDir', tenantDir],
        { DIST_DIR: tenantDir, QLIK_TENANT_URL: mockUrl, QLIK_API_KEY: DEMO_API_KEY },
        tenantUrl,
      ),
    )
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()))
    throw error
  }
  return { demoUrl, mockUrl, tenantUrl, stop: () => Promise.all(servers.map((s) => s.stop())) }
}

// Runs in the page before its own scripts: long tasks from the start, and
// `until`, which resolves with the time of the first frame at which a
// condition holds (checked on every DOM change).
function pageProbe() {
  const bench = { longTasks: [], layoutShift: 0, shifts: [] }
  window.__bench = bench
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) bench.layoutShift += entry.value
        bench.shifts.push({ value: entry.value, sources: (entry.sources ?? []).map((s) => s.node?.className || s.node?.nodeName) })
      }
    }).observe({ type: 'layout-shift', buffered: true })
  } catch {
    // no long-task or layout-shift timing in this browser
  }
  bench.until = (check, timeoutMs = 30_000) =>
    new Promise((resolve, reject) => {
      let observer
      let done = false
      const timer = setTimeout(() => {
        observer?.disconnect()
        reject(new Error(`condition not met within ${timeoutMs} ms`))
      }, timeoutMs)
      const test = () => {
        if (done || !check()) return
        done = true
        observer?.disconnect()
        clearTimeout(timer)
        requestAnimationFrame(() => resolve(performance.now()))
      }
      observer = new MutationObserver(test)
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true })
      test()
    })
  // The table "Webhooks" and its data rows, found by name as a person would.
  bench.webhooksTable = () =>
    [...document.querySelectorAll('table')].find((table) => {
      const label = table.getAttribute('aria-labelledby')
      return label && document.getElementById(label)?.textContent?.trim() === 'Webhooks'
    })
  bench.rowNames = () => {
    const table = bench.webhooksTable()
    if (!table || table.getAttribute('aria-busy') === 'true') return []
    return [...table.querySelectorAll('tbody tr button[aria-label^="More actions for "]')].map((b) =>
      b.getAttribute('aria-label').slice('More actions for '.length),
    )
  }
  bench.historyTable = () =>
    [...document.querySelectorAll('table')].find((table) => {
      const label = table.getAttribute('aria-labelledby')
      return label && document.getElementById(label)?.textContent?.trim().startsWith('Delivery history')
    })
  bench.historyRows = () => bench.historyTable()?.querySelectorAll('tbody tr').length ?? 0
  /** The history's line while a search is on: how far the reading of the 7 days got. */
  bench.searchLine = () => document.querySelector('.delivery-searched')?.textContent ?? ''
}

async function newPage(browser, storageState) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...(storageState ? { storageState } : {}) })
  await context.addInitScript(pageProbe)
  const page = await context.newPage()
  return { context, page }
}

/** Navigation start to the first frame with the seeded rows in the table "Webhooks", and FCP. */
async function loadTable(page, url) {
  await page.goto(url, { waitUntil: 'commit' })
  await page.waitForFunction(() => window.__bench?.until)
  const rowsAt = await page.evaluate(() => window.__bench.until(() => window.__bench.rowNames().length > 0))
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null)
  // Shifts land a frame or two after the rows: wait before reading them.
  await page.waitForTimeout(300)
  const { cls, shifts } = await page.evaluate(() => ({ cls: window.__bench.layoutShift, shifts: window.__bench.shifts }))
  if (process.env.BENCH_DEBUG) console.error(JSON.stringify(shifts))
  return { tableRows: rowsAt, fcp, cls }
}

/** A click on the Name header to the first frame with the rows in their new order. */
function sortByName(page) {
  return page.evaluate(async () => {
    const bench = window.__bench
    const header = [...bench.webhooksTable().querySelectorAll('th button')].find((b) => b.textContent?.trim().startsWith('Name'))
    const before = bench.rowNames().join('\n')
    const start = performance.now()
    header.click()
    return (
      (await bench.until(() => {
        const now = bench.rowNames().join('\n')
        return now !== '' && now !== before
      })) - start
    )
  })
}

/** A name typed in the Name filter, then Enter, to the first frame with only the matching rows. */
function filterByName(page, name) {
  return page.evaluate(async (name) => {
    const bench = window.__bench
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Name')
    const input = document.getElementById(label.htmlFor)
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, name)
    input.dispatchEvent(new Event('input', { bubbles: true }))
    // Let React render the typed text before Enter reads it.
    await new Promise((r) => setTimeout(r, 0))
    const start = performance.now()
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }))
    return (
      (await bench.until(() => {
        const names = bench.rowNames()
        return names.length > 0 && names.every((n) => n === name)
      })) - start
    )
  }, name)
}

function measureOf(page, name) {
  return page.evaluate((name) => {
    const entry = performance.getEntriesByName(name).at(-1)
    return entry ? { duration: entry.duration, end: entry.startTime + entry.duration } : null
  }, name)
}

/** A click on "Show delivery history" of the big-history webhook to the first frame with its first rows. */
function openHistory(page) {
  return page.evaluate(async (name) => {
    const bench = window.__bench
    const row = bench
      .webhooksTable()
      .querySelector(`button[aria-label="More actions for ${CSS.escape(name)}"]`)
      .closest('tr')
    const toggle = [...row.querySelectorAll('button')].find((b) => b.textContent?.includes('Show delivery history'))
    const start = performance.now()
    toggle.click()
    return { ms: (await bench.until(() => bench.historyRows() > 0, 60_000)) - start, rows: bench.historyRows() }
  }, BIG_HISTORY.name)
}

/**
 * Scrolls the history from its top to its bottom, 120 px a frame (a brisk
 * wheel), in its own scroll container if it has one, else the page: frames
 * longer than 50 ms, and total blocking time (long tasks' time past 50 ms).
 */
function scrollHistory(page) {
  return page.evaluate(async () => {
    const bench = window.__bench
    const table = bench.historyTable()
    let scroller = table.parentElement
    while (scroller && scroller !== document.body) {
      const style = getComputedStyle(scroller)
      if (/(auto|scroll)/.test(style.overflowY) && scroller.scrollHeight > scroller.clientHeight) break
      scroller = scroller.parentElement
    }
    const own = scroller && scroller !== document.body
    const el = own ? scroller : document.scrollingElement
    const rect = table.getBoundingClientRect()
    const top = own ? 0 : Math.max(0, rect.top + window.scrollY - 80)
    const bottom = own ? el.scrollHeight - el.clientHeight : Math.max(top, rect.bottom + window.scrollY - window.innerHeight)
    el.scrollTop = top
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
    const start = performance.now()
    let last = start
    let longFrames = 0
    let position = top
    while (position < bottom) {
      position = Math.min(bottom, position + 120)
      el.scrollTop = position
      const now = await new Promise((r) => requestAnimationFrame(r))
      if (now - last > 50) longFrames += 1
      last = now
    }
    // Let the last frames' work land before reading the long tasks.
    await new Promise((r) => setTimeout(r, 100))
    const tbt = bench.longTasks.filter((t) => t.start >= start).reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0)
    return { longFrames, tbt, pixels: bottom - top, ms: last - start, rows: bench.historyRows() }
  })
}

/**
 * The whole 7 days in one view: a search every delivery matches (each has a
 * Content-Type header) makes the history read every delivery, through the
 * console's background queue, into its virtualised table. Waits until the
 * history says it has searched them all (a few of the `size` seeded may have
 * passed the 7 days since the seed was made), then scrolls them.
 */
async function wholeViewScroll(page, demoUrl, size) {
  const start = Date.now()
  await page.goto(`${demoUrl}?history=${BIG_HISTORY.webhookId}&dq=content-type`)
  try {
    await page.evaluate(() => window.__bench.until(() => window.__bench.searchLine().startsWith('Searched all'), 180_000))
  } catch (error) {
    const line = await page.evaluate(() => window.__bench.searchLine())
    throw new Error(`the whole view of ${size} deliveries was not read within 180 s: "${line}" (${error.message})`)
  }
  const loaded = Date.now() - start
  const scroll = await scrollHistory(page)
  return { loaded, ...scroll }
}

async function heapBytes(page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return usedSize
}

/**
 * The mock's state as the demo saves it, with the big-history webhook holding `size` deliveries
 * and the rate limiter off: the whole-view figure reads every delivery, and at Qlik's 1,000 reads
 * a minute 10,000 of them would take ten minutes of waiting, not of the console's work.
 */
async function seededStorage(browser, demoUrl, size) {
  const { context, page } = await newPage(browser)
  await page.goto(demoUrl)
  await page.waitForFunction(() => window.mockTenant)
  await page.evaluate((size) => window.mockTenant.configure({ seedHistorySize: size, rateLimits: false }), size)
  const state = await context.storageState()
  await context.close()
  return state
}

export const stats = (values) => {
  const list = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b)
  if (!list.length) return null
  const mid = Math.floor(list.length / 2)
  const median = list.length % 2 ? list[mid] : (list[mid - 1] + list[mid]) / 2
  return { median, min: list[0], max: list.at(-1), n: list.length }
}

function collect(samples) {
  const out = {}
  for (const key of Object.keys(samples[0] ?? {})) out[key] = stats(samples.map((s) => s[key]))
  return out
}

async function tableLoads(browser, url, runs, log) {
  const samples = []
  for (let i = 0; i < runs; i++) {
    const { context, page } = await newPage(browser)
    const sample = await loadTable(page, url)
    const mock = await measureOf(page, 'mock-tenant:start')
    const state = await measureOf(page, 'mock-tenant:state')
    sample.mockStart = mock?.duration ?? null
    sample.mockReady = mock?.end ?? null
    sample.mockState = state?.duration ?? null
    sample.sortByName = await sortByName(page)
    sample.filterByName = await filterByName(page, FILTER_NAME)
    samples.push(sample)
    await context.close()
    log('.')
  }
  return collect(samples)
}

async function historyLoads(browser, demoUrl, size, runs, log) {
  const storageState = await seededStorage(browser, demoUrl, size)
  const samples = []
  let rowsShown = 0
  for (let i = 0; i < runs; i++) {
    const { context, page } = await newPage(browser, storageState)
    await loadTable(page, demoUrl)
    const restored = await measureOf(page, 'mock-tenant:state')
    const open = await openHistory(page)
    const seed = await measureOf(page, 'mock-tenant:seed-deliveries')
    // What the history holds once opened (a first page, unless it loads more as it scrolls).
    rowsShown = await page.evaluate(() => window.__bench.historyRows())
    const scroll = await scrollHistory(page)
    const heapOpen = await heapBytes(page)
    await page.evaluate(async (name) => {
      const bench = window.__bench
      const row = bench
        .webhooksTable()
        .querySelector(`button[aria-label="More actions for ${CSS.escape(name)}"]`)
        .closest('tr')
      ;[...row.querySelectorAll('button')].find((b) => b.textContent?.includes('Hide delivery history')).click()
      await bench.until(() => !bench.historyTable())
    }, BIG_HISTORY.name)
    const heapClosed = await heapBytes(page)
    const whole = await wholeViewScroll(page, demoUrl, size)
    samples.push({
      open: open.ms,
      mockRestore: restored?.duration ?? null,
      seedDeliveries: seed?.duration ?? null,
      scrollLongFrames: scroll.longFrames,
      scrollTbt: scroll.tbt,
      scrollPixels: scroll.pixels,
      rowsAfterScroll: scroll.rows,
      wholeViewLoaded: whole.loaded,
      wholeViewLongFrames: whole.longFrames,
      wholeViewTbt: whole.tbt,
      wholeViewRowsRendered: whole.rows,
      heapOpen,
      heapClosed,
    })
    await context.close()
    log('.')
  }
  return { size, rowsShown, ...collect(samples) }
}

async function lighthouseRuns(url, preset, runs, log) {
  const { default: lighthouse, desktopConfig } = await import('lighthouse')
  const port = await freePort()
  const browser = await chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: [...CHROME_ARGS, `--remote-debugging-port=${port}`],
  })
  const samples = []
  try {
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(
        url,
        { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] },
        preset === 'desktop' ? desktopConfig : undefined,
      )
      const lhr = result.lhr
      if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`)
      const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100))
      const audit = (id) => lhr.audits[id]?.numericValue ?? null
      samples.push({
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        fcp: audit('first-contentful-paint'),
        lcp: audit('largest-contentful-paint'),
        tbt: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
      })
      log('.')
    }
  } finally {
    await browser.close()
  }
  return collect(samples)
}

/**
 * Every runtime figure. `runs` cold loads per figure; `lighthouseRuns` 0
 * leaves Lighthouse out; `historySizes` are the big-history webhook's sizes.
 */
export async function runtimeBench({
  demoDir,
  tenantDir,
  runs = 5,
  lighthouseRuns: lhRuns = 5,
  historySizes = [1000, 10000],
  log = () => {},
}) {
  const servers = await startServers({ demoDir, tenantDir })
  const results = { runs, lighthouseRuns: lhRuns }
  try {
    const browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: CHROME_ARGS })
    try {
      log('demo table ')
      results.demo = await tableLoads(browser, servers.demoUrl, runs, log)
      log('\ntenant table ')
      results.tenant = await tableLoads(browser, servers.tenantUrl, runs, log)
      results.history = {}
      for (const size of historySizes) {
        log(`\nhistory of ${size} `)
        results.history[size] = await historyLoads(browser, servers.demoUrl, size, runs, log)
      }
    } finally {
      await browser.close()
    }
    if (lhRuns > 0) {
      results.lighthouse = {}
      for (const [build, url] of [
        ['demo', servers.demoUrl],
        ['tenant', servers.tenantUrl],
      ]) {
        for (const preset of ['mobile', 'desktop']) {
          log(`\nLighthouse ${build} ${preset} `)
          results.lighthouse[`${build}-${preset}`] = await lighthouseRuns(url, preset, lhRuns, log)
        }
      }
    }
    log('\n')
  } finally {
    await servers.stop()
  }
  return results
}

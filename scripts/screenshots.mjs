// npm run screenshots: pictures of the console for the README, taken from the built demo
// (dist/, or DIST_DIR) with Playwright's Chromium, in the light and the dark theme, so that
// they never go stale. Writes docs/screenshots/<screen>-<theme>.png at 1280 x 800, CSS pixels,
// each made small with pngquant (see png-optimiser.mjs); SCREENSHOTS_OPTIMISE=0 leaves them as taken.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { findPngquant, kB, optimisePng } from './png-optimiser.mjs'
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs'

const distDir = process.env.DIST_DIR ?? 'dist'
const port = Number(process.env.PORT ?? 4299)
const outDir = 'docs/screenshots'
const base = `http://127.0.0.1:${port}`

// Before anything is started: a missing optimiser is said at once, not after the browser run.
const optimise = process.env.SCREENSHOTS_OPTIMISE !== '0'
const pngquant = optimise ? findPngquant() : undefined
if (pngquant && !pngquant.ok) {
  console.error(pngquant.message)
  process.exit(1)
}

if (!existsSync(`${distDir}/index.html`)) {
  console.error(`No demo build in ${distDir}/: run npm run build first.`)
  process.exit(1)
}
mkdirSync(outDir, { recursive: true })

async function answers(url) {
  try {
    await fetch(url)
    return true
  } catch {
    return false
  }
}
// Whatever answers there would be photographed instead of this build (vite's --strictPort exit comes too late to tell).
if (await answers(base)) {
  console.error(`Something already answers on ${base}: stop it, or set PORT to a free port.`)
  process.exit(1)
}

// In a process group of its own: npx starts vite as a child, which outlived a kill of npx
// alone and kept the port (a later run then photographed the old build).
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', distDir], {
  stdio: 'ignore',
  detached: true,
})
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM')
  } catch {
    // already gone
  }
}
process.on('exit', stop)
let serverExit
server.on('exit', (code) => (serverExit = code))

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    if (serverExit !== undefined) throw new Error(`vite preview exited (code ${serverExit}): is port ${port} in use? Set PORT to another.`)
    try {
      if ((await fetch(base)).ok) return
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`vite preview did not answer on ${base}`)
}

const screens = [
  {
    name: 'webhooks',
    path: '/',
    ready: (page) =>
      page
        .getByRole('button', { name: /^More actions for / })
        .first()
        .waitFor(),
  },
  {
    name: 'delivery-history',
    path: '/?history=wh-slack-app-events',
    ready: (page) =>
      page
        .getByRole('button', { name: /^View payload/ })
        .first()
        .waitFor(),
  },
  {
    name: 'payload-viewer',
    path: '/?history=wh-slack-app-events&delivery=dl-slack-app-events-0060',
    ready: (page) => page.getByRole('table', { name: 'Request headers' }).waitFor(),
  },
]

const executablePath = chromiumPath()
await waitForServer()
const totals = { before: 0, after: 0 }
if (pngquant) console.log(`Optimising with pngquant ${pngquant.version}`)
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS })
try {
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      colorScheme,
      reducedMotion: 'reduce',
    })
    const page = await context.newPage()
    for (const screen of screens) {
      await page.goto(`${base}${screen.path}`)
      await screen.ready(page)
      // The Health column fills in from background reads after the rows: wait for every cell.
      await page.getByText('Loading health…').first().waitFor({ state: 'detached', timeout: 30_000 })
      await page.mouse.move(0, 0)
      const file = `${outDir}/${screen.name}-${colorScheme}.png`
      await page.screenshot({ path: file, scale: 'css', animations: 'disabled', caret: 'hide' })
      if (!pngquant) {
        console.log(`${file}  ${kB(statSync(file).size)} (not optimised)`)
        continue
      }
      const { before, after, kept } = optimisePng(pngquant.command, file)
      totals.before += before
      totals.after += after
      console.log(`${file}  ${kB(before)} -> ${kB(after)}${kept ? ` (kept as taken: ${kept})` : ''}`)
    }
    await context.close()
  }
} finally {
  await browser.close()
  stop()
}
if (pngquant) console.log(`All ${screens.length * 2}: ${kB(totals.before)} as taken -> ${kB(totals.after)}`)

// npm run screenshots: pictures of the console for the README, taken from the built demo
// (dist/, or DIST_DIR) with Playwright's Chromium, in the light and the dark theme, so that
// they never go stale. Writes docs/screenshots/<screen>-<theme>.png at 1280 x 800, CSS pixels.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { chromium } from '@playwright/test'

const distDir = process.env.DIST_DIR ?? 'dist'
const port = Number(process.env.PORT ?? 4299)
const outDir = 'docs/screenshots'
const base = `http://127.0.0.1:${port}`

if (!existsSync(`${distDir}/index.html`)) {
  console.error(`No demo build in ${distDir}/: run npm run build first.`)
  process.exit(1)
}
mkdirSync(outDir, { recursive: true })

const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', distDir], {
  stdio: 'ignore',
})
const stop = () => server.kill('SIGTERM')
process.on('exit', stop)

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
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

const executablePath = process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
await waitForServer()
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] })
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
      await page.mouse.move(0, 0)
      const file = `${outDir}/${screen.name}-${colorScheme}.png`
      await page.screenshot({ path: file, scale: 'css', animations: 'disabled', caret: 'hide' })
      console.log(`${file}  ${Math.round(statSync(file).size / 1024)} kB`)
    }
    await context.close()
  }
} finally {
  await browser.close()
  stop()
}

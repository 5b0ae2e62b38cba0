// The one Chromium of the end-to-end tests, the bench and the screenshots:
// CHROME_PATH, else Debian's /usr/bin/chromium, else Playwright's own browser
// (undefined), launched with flags that keep it quiet on a closed network.
import { existsSync } from 'node:fs'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export const chromiumPath = () => process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

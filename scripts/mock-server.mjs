// `npm run mock:server`: the mock tenant over HTTP on 127.0.0.1.
// Node 20 cannot run TypeScript by itself (no --experimental-strip-types
// before 22.6), so mocks/server.ts is loaded through Vite's module runner
// (`runnerImport`), which the project already depends on: no extra package.
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))
const { module } = await runnerImport(`${root}mocks/server.ts`, { root, configFile: false, logLevel: 'error' })
try {
  const server = await module.startMockHttpServerFromEnv(process.env, process.argv.slice(2))
  const { DEMO_API_KEY } = await runnerImport(`${root}mocks/auth.ts`, { root, configFile: false, logLevel: 'error' }).then((r) => r.module)
  console.log(`Mock Qlik tenant on ${server.url} (Authorization: Bearer ${DEMO_API_KEY}); Ctrl+C stops it.`)
  if (server.deliverTo) console.log(`Deliveries are sent to ${server.deliverTo}, each webhook's own URL in X-Mock-Target-Url.`)
  const stop = () => server.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
} catch (error) {
  console.error(`mock:server could not start: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
}

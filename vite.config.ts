import { rmSync } from 'node:fs'
import { join } from 'node:path'
import react from '@vitejs/plugin-react'
import { visualizer } from 'rollup-plugin-visualizer'
import { loadEnv, type Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import { assertNoCredentialInBundleEnv, tenantProxy } from './scripts/tenant-proxy.ts'

// `--mode tenant` builds the console for a real Qlik tenant: __BACKEND__ is
// a compile-time constant, so the mock's dynamic import is dropped entirely.
const outDir = (mode: string) => process.env.DIST_DIR ?? (mode === 'tenant' ? 'dist-tenant' : 'dist')

/** What the first page reaches only through re-exports, and loads with `import()` when it needs it. */
const LAZY_ONLY = /[\\/]src[\\/]api[\\/]schemas\.ts$|[\\/]node_modules[\\/]zod[\\/]/

/** A tenant build must not ship the mock's service worker script from public/. */
const dropMockWorker = (outDir: string): Plugin => ({
  name: 'drop-mock-worker',
  apply: 'build',
  closeBundle() {
    rmSync(join(outDir, 'mockServiceWorker.js'), { force: true })
  },
})

export default defineConfig(({ mode, command }) => {
  // Every variable, not only VITE_ ones: QLIK_API_KEY stays in this process.
  const env = loadEnv(mode, process.cwd(), '')
  let proxy: ReturnType<typeof tenantProxy> | undefined
  try {
    assertNoCredentialInBundleEnv(env)
    // `npm run dev:tenant` / `preview:tenant`: the local server forwards /api to the tenant.
    if (mode === 'tenant' && command === 'serve') proxy = tenantProxy(env)
  } catch (error) {
    // A setup mistake, not a crash: say what to fix, without a stack trace.
    console.error(`\n${(error as Error).message}\n`)
    process.exit(1)
  }
  return {
    plugins: [
      react(),
      ...(mode === 'tenant' ? [dropMockWorker(outDir(mode))] : []),
      ...(proxy ? [proxy.plugin] : []),
      // `npm run bench -- --map`: a treemap of each build, outside the served folder.
      ...(process.env.BUNDLE_MAP
        ? [
            visualizer({
              filename: process.env.BUNDLE_MAP,
              template: process.env.BUNDLE_MAP.endsWith('.json') ? 'raw-data' : 'treemap',
              gzipSize: true,
              title: `Bundle map (${mode})`,
            }),
          ]
        : []),
    ],
    resolve: {
      alias: {
        // React 19 has useSyncExternalStore: TanStack Store's import of the shim (a polyfill for React
        // 17 and a second copy of the hook) is served by the package's own unshimmed entry instead.
        'use-sync-external-store/shim/with-selector': 'use-sync-external-store/with-selector',
      },
    },
    define: {
      __BACKEND__: JSON.stringify(mode === 'tenant' ? 'tenant' : 'mock'),
    },
    build: {
      outDir: outDir(mode),
      emptyOutDir: true,
      sourcemap: false,
      // Every supported browser preloads modules natively: no polyfill on the first page.
      modulePreload: { polyfill: false },
      // The bench reads the entry chunk and its static imports from here.
      manifest: true,
      // Only the demo's mock tenant (msw, the event fixtures), a lazy chunk, is
      // over Vite's 500 kB default; the first page is budgeted by `npm run bench`.
      chunkSizeWarningLimit: 700,
      rolldownOptions: {
        output: {
          // Everything the first page imports statically, in one chunk: one request, and one
          // gzip stream instead of eight small ones that each pay for their own headers and glue.
          // The wire schemas (zod) are reached statically only by re-exports the first page
          // never runs, and load lazily through src/api/wire.ts: they stay out.
          codeSplitting: {
            groups: [{ name: 'first-page', tags: ['$initial'], test: (id) => !LAZY_ONLY.test(id), includeDependenciesRecursively: false }],
          },
        },
      },
    },
    ...(proxy ? { server: { proxy: proxy.proxy } } : {}),
    preview: {
      port: Number(process.env.PORT ?? 4173),
      strictPort: true,
      ...(proxy ? { proxy: proxy.proxy } : {}),
    },
    test: {
      environment: 'jsdom',
      setupFiles: ['src/testing/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'scripts/**/*.test.ts'],
      restoreMocks: true,
      // The same busy machine: a test that waits up to 3 s for a render needs more than vitest's 5 s in all.
      testTimeout: 15_000,
    },
  }
})

import { rmSync } from 'node:fs'
import { join } from 'node:path'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

// `--mode tenant` builds the console for a real Qlik tenant: __BACKEND__ is
// a compile-time constant, so the mock's dynamic import is dropped entirely.
const outDir = (mode: string) => process.env.DIST_DIR ?? (mode === 'tenant' ? 'dist-tenant' : 'dist')

/** A tenant build must not ship the mock's service worker script from public/. */
const dropMockWorker = (outDir: string): Plugin => ({
  name: 'drop-mock-worker',
  apply: 'build',
  closeBundle() {
    rmSync(join(outDir, 'mockServiceWorker.js'), { force: true })
  },
})

export default defineConfig(({ mode }) => ({
  plugins: [react(), ...(mode === 'tenant' ? [dropMockWorker(outDir(mode))] : [])],
  define: {
    __BACKEND__: JSON.stringify(mode === 'tenant' ? 'tenant' : 'mock'),
  },
  build: {
    outDir: outDir(mode),
    emptyOutDir: true,
    sourcemap: false,
    // The bench reads the entry chunk and its static imports from here.
    manifest: true,
  },
  preview: {
    port: Number(process.env.PORT ?? 4173),
    strictPort: true,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts'],
    restoreMocks: true,
  },
}))

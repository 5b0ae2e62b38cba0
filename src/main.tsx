import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { configureApi } from './api'
import { App } from './app/app'
import { TenantConsole } from './app/tenant-console'
import type { DemoControl } from './features/demo'
import './app/styles.css'
import { startTheme } from './app/theme'

let demo: Promise<DemoControl> | undefined
if (__BACKEND__ === 'mock') {
  // The mock tenant loads in its own chunk, after the shell has painted;
  // requests wait for it. A tenant build drops this branch and the chunk.
  demo = import('../mocks/browser').then((m) => m.startMockWorker())
  configureApi({ ready: demo })
}

// Before the first render, so that the page never flashes in the other theme.
startTheme()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    {/* A tenant build connects through the local proxy or signs in with OAuth; see TenantConsole. */}
    {__BACKEND__ === 'mock' ? <App backend={{ kind: 'mock' }} demo={demo} /> : <TenantConsole />}
  </StrictMode>,
)

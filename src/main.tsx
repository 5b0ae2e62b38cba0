import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { configureApi } from './api'
import { App } from './app/app'
import { ResetDemoButton } from './app/reset-demo'
import { TenantConsole } from './app/tenant-console'
import './app/styles.css'
import { startTheme } from './app/theme'

if (__BACKEND__ === 'mock') {
  // The mock tenant loads in its own chunk, after the shell has painted;
  // requests wait for it. A tenant build drops this branch and the chunk.
  configureApi({ ready: import('../mocks/browser').then((m) => m.startMockWorker()) })
}

// Before the first render, so that the page never flashes in the other theme.
startTheme()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    {/* A tenant build connects through the local proxy or signs in with OAuth; see TenantConsole. */}
    {__BACKEND__ === 'mock' ? <App backend={{ kind: 'mock' }} actions={<ResetDemoButton />} /> : <TenantConsole />}
  </StrictMode>,
)

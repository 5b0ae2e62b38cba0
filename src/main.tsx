import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { configureApi } from './api'
import { App } from './app/app'
import './app/styles.css'

if (__BACKEND__ === 'mock') {
  // The mock tenant loads in its own chunk, after the shell has painted;
  // requests wait for it. A tenant build drops this branch and the chunk.
  configureApi({ ready: import('../mocks/browser').then((m) => m.startMockWorker()) })
}

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App backend={__BACKEND__ === 'mock' ? { kind: 'mock' } : { kind: 'tenant', host: location.host }} />
  </StrictMode>,
)

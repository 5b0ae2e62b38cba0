import { QueryClientProvider } from '@tanstack/react-query'
import { lazy, Suspense, useState, type ReactNode } from 'react'
import { ConnectionStatus } from '../components/ui/connection-status'
import { Toaster } from '../components/ui/toast'
import type { DemoControl } from '../features/demo'
import { ApiVersionBadge } from './api-notices'
import { backendLabel, type Backend } from './backend'
import { DemoHeaderActions, DemoPersona, DemoProvider, DemoWebhooksPage } from './demo-slot'
import { createQueryClient } from './query-client'
import { ThemeToggle } from './theme-toggle'
import { WebhooksScreen } from './webhooks-screen'

export type { Backend } from './backend'

const DeprecationNotices = lazy(() => import('./deprecation-notices').then((m) => ({ default: m.DeprecationNotices })))

/**
 * The shell. One QueryClient per mounted App: the tenant console remounts it
 * (a new `key`) whenever the backend or the signed-in session changes, so
 * cached data of one tenant never shows on another.
 */
export function App({
  backend,
  actions,
  notice,
  children,
  demo,
}: {
  backend: Backend | undefined
  /** Mock mode only: the mock tenant's control, for the demo controls and test events. */
  demo?: Promise<DemoControl>
  actions?: ReactNode
  /** Shown above the page, e.g. "sign in again"; the page stays, with whatever was typed in it. */
  notice?: ReactNode
  /** Replaces the page, e.g. with the sign-in screen. */
  children?: ReactNode
}) {
  const [queryClient] = useState(createQueryClient)
  const shell = (
    <div className="shell">
      <header className="shell-header">
        <span className="shell-title">Qlik Cloud webhooks</span>
        <span className="backend-badge" aria-label="Backend">
          {backend ? backendLabel(backend) : 'No tenant connected'}
        </span>
        {backend ? <ApiVersionBadge /> : null}
        <ConnectionStatus />
        {__BACKEND__ === 'mock' ? <DemoPersona /> : null}
        <span className="shell-actions">
          {__BACKEND__ === 'mock' ? <DemoHeaderActions /> : null}
          {actions}
          <ThemeToggle />
        </span>
      </header>
      <main className="shell-main">
        {notice}
        <Suspense fallback={null}>
          <DeprecationNotices />
        </Suspense>
        {children ?? (__BACKEND__ === 'mock' ? <DemoWebhooksPage /> : <WebhooksScreen />)}
      </main>
    </div>
  )
  return (
    <QueryClientProvider client={queryClient}>
      {__BACKEND__ === 'mock' && demo ? <DemoProvider demo={demo}>{shell}</DemoProvider> : shell}
      <Toaster />
    </QueryClientProvider>
  )
}

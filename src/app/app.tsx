import { QueryClientProvider } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { Toaster } from '../components/ui/toast'
import { ApiVersionBadge, DeprecationNotices } from './api-notices'
import { backendLabel, type Backend } from './backend'
import { createQueryClient } from './query-client'
import { WebhooksScreen } from './webhooks-screen'

export type { Backend } from './backend'

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
}: {
  backend: Backend | undefined
  actions?: ReactNode
  /** Shown above the page, e.g. "sign in again"; the page stays, with whatever was typed in it. */
  notice?: ReactNode
  /** Replaces the page, e.g. with the sign-in screen. */
  children?: ReactNode
}) {
  const [queryClient] = useState(createQueryClient)
  return (
    <QueryClientProvider client={queryClient}>
      <div className="shell">
        <header className="shell-header">
          <span className="shell-title">Qlik Cloud webhooks</span>
          <span className="backend-badge" aria-label="Backend">
            {backend ? backendLabel(backend) : 'No tenant connected'}
          </span>
          {backend ? <ApiVersionBadge /> : null}
          {actions ? <span className="shell-actions">{actions}</span> : null}
        </header>
        <main className="shell-main">
          {notice}
          <DeprecationNotices />
          {children ?? <WebhooksScreen />}
        </main>
      </div>
      <Toaster />
    </QueryClientProvider>
  )
}

import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { Toaster } from '../components/ui/toast'
import { TooltipProvider } from '../components/ui/tooltip'
import { WebhooksPage } from '../features/webhooks/webhooks-page'
import { createQueryClient } from './query-client'

export type Backend = { kind: 'mock' } | { kind: 'tenant'; host: string }

export function App({ backend }: { backend: Backend }) {
  const [queryClient] = useState(createQueryClient)
  return (
    <QueryClientProvider client={queryClient}>
      <TooltipProvider delayDuration={300}>
      <div className="shell">
        <header className="shell-header">
          <span className="shell-title">Qlik Cloud webhooks</span>
          <span className="backend-badge" aria-label="Backend">
            {backend.kind === 'mock' ? 'Built-in mock tenant' : backend.host}
          </span>
        </header>
        <main className="shell-main">
          <WebhooksPage />
        </main>
      </div>
      <Toaster />
      </TooltipProvider>
    </QueryClientProvider>
  )
}

import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { vi } from 'vitest'
import { SEED_WEBHOOKS } from '../../mocks/seed'
import type { Webhook } from '../api'
import { DeliveryHistory } from '../features/deliveries'

/** A seeded webhook as the API lists it: no secret, encrypted header names only. */
export const seededWebhook = (id: string): Webhook => {
  const { secret: _secret, encryptedHeaders, ...rest } = SEED_WEBHOOKS.find((w) => w.id === id)!
  return { ...rest, encryptedHeaders: Object.keys(encryptedHeaders ?? {}) }
}

/** The delivery history of a seeded webhook, opened by its URL (`search` adds to it), on a QueryClient of its own. */
export function renderHistory(id: string, search = '') {
  history.replaceState(null, '', `/?history=${id}${search}`)
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const onWebhookChanged = vi.fn<(webhookId: string) => void>()
  const view = render(
    <QueryClientProvider client={queryClient}>
      <DeliveryHistory webhook={seededWebhook(id)} onWebhookChanged={onWebhookChanged} />
    </QueryClientProvider>,
  )
  return { ...view, queryClient, onWebhookChanged }
}

import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { SEED_WEBHOOKS } from '../../../mocks/seed'
import { DeliveryHistory } from './delivery-history'

describe('an empty delivery history', () => {
  it('says when the webhook was created and what sends a delivery, with events by catalogue title', async () => {
    const { secret: _secret, encryptedHeaders, ...stored } = SEED_WEBHOOKS.find((w) => w.id === 'wh-exports-kenji')!
    const webhook = { ...stored, encryptedHeaders: Object.keys(encryptedHeaders ?? {}) }
    history.replaceState(null, '', `/?history=${webhook.id}`)
    const titles: Record<string, string> = { 'com.qlik.v1.app.exported': 'App exported' }
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <DeliveryHistory webhook={webhook} onWebhookChanged={() => {}} eventTitle={(name) => titles[name]} />
      </QueryClientProvider>,
    )
    expect(await screen.findByText('No deliveries in the last 7 days.', {}, { timeout: 5000 })).toBeInTheDocument()
    const created = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(webhook.createdAt!))
    expect(screen.getByText(`This webhook was created on ${created}.`)).toBeInTheDocument()
    expect(screen.getByText(/Qlik sends a delivery each time one of its events happens in the tenant \(App exported\)/)).toBeInTheDocument()
    expect(screen.getByText(/choose Send test event in this webhook’s menu, or turn on Live traffic in Demo controls/)).toBeInTheDocument()
  })
})

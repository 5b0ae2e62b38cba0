import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { db } from '../../../mocks/db'
import { WebhooksPage } from './webhooks-page'

// First run and filters that match nothing, on the whole page.

const renderPage = () =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <WebhooksPage renderExpanded={() => null} />
    </QueryClientProvider>,
  )

describe('empty states', () => {
  it('a tenant with no webhooks says what they are for and offers Create new', async () => {
    db.state.webhooks = []
    history.replaceState(null, '', '/')
    const user = userEvent.setup()
    renderPage()
    const table = await screen.findByRole('table', { name: 'Webhooks' })
    expect(
      await within(table).findByText(/A webhook sends an HTTPS request to a service of yours/, {}, { timeout: 5000 }),
    ).toBeInTheDocument()
    await user.click(within(table).getByRole('button', { name: 'Create new' }))
    expect(new URLSearchParams(location.search).get('create')).toBe('1')
  })

  it('filters that match nothing say so, and Clear filters brings the webhooks back', async () => {
    history.replaceState(null, '', '/?name=no-such-webhook-anywhere')
    const user = userEvent.setup()
    renderPage()
    const table = await screen.findByRole('table', { name: 'Webhooks' })
    expect(await within(table).findByText('No webhooks match these filters.', {}, { timeout: 5000 })).toBeInTheDocument()
    await user.click(within(table).getByRole('button', { name: 'Clear filters' }))
    expect(new URLSearchParams(location.search).get('name')).toBeNull()
    expect(await within(table).findAllByRole('button', { name: /^More actions for / }, { timeout: 5000 })).not.toHaveLength(0)
  })
})

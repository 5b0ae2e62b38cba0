import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { WebhookFormDialog } from './webhook-form-dialog'

function renderAt(search: string) {
  history.replaceState(null, '', `/${search}`)
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={client}>
      <WebhookFormDialog />
    </QueryClientProvider>,
  )
}

afterEach(() => history.replaceState(null, '', '/'))

describe('WebhookFormDialog', () => {
  it('renders nothing without create or edit in the URL', () => {
    renderAt('')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('opens the create form on ?create=1 with its fields and buttons', async () => {
    renderAt('?create=1')
    const dialog = await screen.findByRole('dialog', { name: 'Create webhook' })
    expect(dialog).toBeVisible()
    expect(screen.getByLabelText('Name')).toHaveValue('')
    expect(screen.getByLabelText('URL')).toBeInTheDocument()
    expect(screen.getByRole('checkbox', { name: 'Enabled' })).toBeChecked()
    expect(screen.getByRole('button', { name: 'Create' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument()
    expect(await screen.findByRole('checkbox', { name: 'App created' })).not.toBeChecked()
  })

  it('opens the edit form filled in on ?edit=<id>', async () => {
    renderAt('?edit=wh-slack-app-events')
    await screen.findByRole('dialog', { name: 'Edit webhook' })
    expect(await screen.findByLabelText('Name')).toHaveValue('Slack: new and published apps')
    expect(screen.getByRole('button', { name: 'Save' })).toBeInTheDocument()
  })
})

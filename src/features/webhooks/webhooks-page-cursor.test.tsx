import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockServer } from '../../../mocks/node'
import { WebhooksPage } from './webhooks-page'

// A page cursor the API refuses (the mock answers 400 to one it cannot read)
// takes the table back to its first page, says so, and leaves no dead entry in
// the history.

const renderAt = (search: string) => {
  history.replaceState(null, '', `/${search}`)
  const pushState = vi.spyOn(history, 'pushState')
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <WebhooksPage renderExpanded={() => null} />
    </QueryClientProvider>,
  )
  return { pushState, user: userEvent.setup() }
}

const firstPageRows = () => screen.findAllByRole('button', { name: /^More actions for / }, { timeout: 15000 })
const notice = () => screen.queryByText(/That page of webhooks could not be opened/)

afterEach(() => {
  vi.restoreAllMocks()
  history.replaceState(null, '', '/')
})

// The whole page renders in jsdom: a few seconds on a small, shared machine.
describe('a refused page cursor', { timeout: 30_000 }, () => {
  it('shows the first page with a notice, and drops the cursor from the URL without a new history entry', async () => {
    const { pushState } = renderAt('?next=garbage')
    expect(await firstPageRows()).toHaveLength(14)
    const status = screen.getAllByRole('status').find((region) => region.textContent?.includes('could not be opened'))
    expect(status).toHaveTextContent(
      'That page of webhooks could not be opened: the API refused its page cursor (Bad request: The next cursor is not valid.). Showing the first page instead.',
    )
    expect(location.search).toBe('')
    expect(pushState).not.toHaveBeenCalled()
    expect(screen.queryByText('Could not load webhooks')).toBeNull()
  })

  it('keeps the sort and the filters of the link, and reads a prev cursor the same way', async () => {
    renderAt('?sort=%2Bname&name=slack&prev=%25%25%25')
    const rows = await firstPageRows()
    expect(rows[0]).toHaveAccessibleName(/Slack/)
    expect(notice()).toHaveTextContent('The prev cursor is not valid.')
    const params = new URLSearchParams(location.search)
    expect([...params.keys()]).toEqual(['sort', 'name'])
    expect(params.get('sort')).toBe('+name')
  })

  it('puts the notice away on Dismiss, and when the view changes', async () => {
    const { user } = renderAt('?next=garbage')
    await firstPageRows()
    await user.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(notice()).toBeNull()

    history.replaceState(null, '', '/?next=garbage-again')
    window.dispatchEvent(new PopStateEvent('popstate'))
    expect(await screen.findByText(/That page of webhooks could not be opened/)).toBeInTheDocument()
    await user.type(screen.getByRole('searchbox', { name: 'Name' }), 'slack{Enter}')
    expect(new URLSearchParams(location.search).get('name')).toBe('slack')
    expect(notice()).toBeNull()
  })

  it('is not taken for a server failure: a 500 on a page keeps its cursor and shows the error with Retry', async () => {
    mockServer.use(
      http.get('*/api/core/webhooks', ({ request }) =>
        new URL(request.url).searchParams.has('next')
          ? HttpResponse.json({ errors: [{ code: 'WEBHOOKS-500', title: 'Internal server error' }] }, { status: 500 })
          : undefined,
      ),
    )
    renderAt('?next=eyJvIjoyMH0')
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 })
    expect(within(alert).getByText('Could not load webhooks')).toBeInTheDocument()
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument()
    expect(new URLSearchParams(location.search).get('next')).toBe('eyJvIjoyMH0')
    expect(notice()).toBeNull()
  })
})

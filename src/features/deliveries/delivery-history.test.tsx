import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { db } from '../../../mocks/db'
import { mockServer } from '../../../mocks/node'
import { SEED_SECRETS } from '../../../mocks/seed'
import { renderHistory } from '../../testing/render-history'
// Loaded up front so that the lazy viewer opens within findBy's wait.
import './payload-viewer'

const dataRows = () => screen.getAllByRole('row').filter((row) => within(row).queryByRole('button', { name: /^Resend/ }))

afterEach(() => history.replaceState(null, '', '/'))

describe('DeliveryHistory', { timeout: 20_000 }, () => {
  it('lists the webhook’s deliveries newest first, with status, event type, HTTP status and message', async () => {
    renderHistory('wh-user-provisioning')
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0))
    const expected = db.state.deliveries
      .filter((d) => d.webhookId === 'wh-user-provisioning')
      .sort((a, b) => b.triggeredAt.localeCompare(a.triggeredAt))
    expect(dataRows()).toHaveLength(expected.length)
    const first = within(dataRows()[0]!)
    expect(first.getByText(expected[0]!.eventType)).toBeInTheDocument()
    expect(first.getByText(expected[0]!.status === 'success' ? 'Success' : 'Failed')).toBeInTheDocument()
    expect(first.getByRole('time')).toHaveAttribute('datetime', expected[0]!.triggeredAt)
  })

  it('filters to failures through the URL', async () => {
    const user = userEvent.setup()
    renderHistory('wh-user-provisioning')
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(2))
    await user.selectOptions(screen.getByLabelText('Status'), 'fail')
    expect(new URLSearchParams(location.search).get('dstatus')).toBe('fail')
    await waitFor(() => expect(dataRows()).toHaveLength(2))
    for (const row of dataRows()) expect(within(row).getByText('Failed')).toBeInTheDocument()
    expect(within(dataRows()[0]!).getByText('404')).toBeInTheDocument()
  })

  it('says so when nothing matches and clears the filters', async () => {
    const user = userEvent.setup()
    // The webhook does not subscribe to app events, so none of its deliveries is one.
    renderHistory('wh-user-provisioning', '&dstatus=fail&devent=com.qlik.v1.app.created&dsort=%2Bstatus')
    expect(await screen.findByText('No deliveries match these filters in the last 7 days.')).toBeInTheDocument()
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!)
    expect(new URLSearchParams(location.search).get('dstatus')).toBeNull()
    expect(new URLSearchParams(location.search).get('devent')).toBeNull()
    expect(new URLSearchParams(location.search).get('dsort')).toBe('+status')
  })

  it('resends after confirmation and shows a failed resend (201, status fail) as a failure on top', async () => {
    const user = userEvent.setup()
    const { queryClient, onWebhookChanged } = renderHistory('wh-api-key-audit')
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0))
    const before = db.state.deliveries.length
    expect(onWebhookChanged).not.toHaveBeenCalled()
    await user.click(within(dataRows()[3]!).getByRole('button', { name: /^Resend/ }))
    const confirm = screen.getByRole('alertdialog', { name: 'Resend this delivery?' })
    expect(confirm).toHaveTextContent('https://siem.acme-corp.example.com/ingest/qlik')
    await user.click(within(confirm).getByRole('button', { name: 'Resend' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(db.state.deliveries.length).toBe(before + 1)
    const top = within(dataRows()[0]!)
    expect(top.getByText('New: resent')).toBeInTheDocument()
    expect(top.getByText('Failed')).toBeInTheDocument()
    expect(top.getByText('500')).toBeInTheDocument()
    // A failed resend counts toward disabling the webhook: its owner is told.
    expect(onWebhookChanged).toHaveBeenCalledExactlyOnceWith('wh-api-key-audit')
    // Shown once on top, not again where the refreshed list brings it back.
    await waitFor(() => expect(queryClient.isFetching()).toBe(0))
    expect(dataRows()).toHaveLength(db.state.deliveries.filter((d) => d.webhookId === 'wh-api-key-audit').length)
    expect(dataRows().filter((row) => within(row).queryByText('New: resent'))).toHaveLength(1)
  })

  it('keeps a resent delivery on top of the view it was resent in, not of other filters', async () => {
    const user = userEvent.setup()
    renderHistory('wh-api-key-audit')
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0))
    await user.click(within(dataRows()[0]!).getByRole('button', { name: /^Resend/ }))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Resend' }))
    await waitFor(() => expect(within(dataRows()[0]!).getByText('New: resent')).toBeInTheDocument())
    // The resend failed (500): under "success" it is not one of the rows.
    await user.selectOptions(screen.getByLabelText('Status'), 'success')
    await waitFor(() => expect(new URLSearchParams(location.search).get('dstatus')).toBe('success'))
    await waitFor(() => expect(screen.queryByText('New: resent')).not.toBeInTheDocument())
    await user.selectOptions(screen.getByLabelText('Status'), '')
    await waitFor(() => expect(within(dataRows()[0]!).getByText('New: resent')).toBeInTheDocument())
  })

  it('shows the API error with its trace id and retries', async () => {
    const user = userEvent.setup()
    let calls = 0
    mockServer.use(
      http.get('*/api/core/webhooks/:id/deliveries', ({ request }) => {
        // The history's own pages (50); the background index reads 100 a page.
        if (new URL(request.url).searchParams.get('limit') === '50') calls += 1
        return HttpResponse.json({ errors: [{ code: 'X-503', title: 'Service unavailable' }], traceId: 'abc123' }, { status: 503 })
      }),
    )
    renderHistory('wh-user-provisioning')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Service unavailable')
    expect(alert).toHaveTextContent('Trace ID: abc123')
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(calls).toBe(2))
  })
})

describe('payload viewer', { timeout: 20_000 }, () => {
  it('opens from the URL, marks encrypted headers and names the payload format', async () => {
    const id = db.state.deliveries.find((d) => d.webhookId === 'wh-reload-monitor')!.id
    renderHistory('wh-reload-monitor', `&delivery=${id}`)
    const viewer = await screen.findByRole('dialog', { name: /^Delivery of com\.qlik\.v1\.app\.reload\.finished/ }, { timeout: 5000 })
    const headers = within(viewer).getByRole('table', { name: 'Request headers' })
    const authorization = within(headers).getByRole('row', { name: /Authorization/ })
    expect(authorization).toHaveTextContent('Encrypted, never revealed')
    expect(headers).not.toHaveTextContent('seed-encrypted-token-1')
    expect(headers).not.toHaveTextContent('**OMITTED**')
    // An app event: CloudEvents 1.0.2, as Qlik sends app events since changelog 210.
    expect(within(viewer).getByText('CloudEvents 1.0.2.')).toBeInTheDocument()
    expect(within(viewer).getByRole('list', { name: 'Request body' })).toBeInTheDocument()
  })

  it('checks the signature in the browser and keeps the secret out of the cache, storage and URL', async () => {
    const user = userEvent.setup()
    const id = db.state.deliveries.find((d) => d.webhookId === 'wh-slack-app-events')!.id
    const secret = SEED_SECRETS['wh-slack-app-events']!
    const { queryClient } = renderHistory('wh-slack-app-events', `&delivery=${id}`)
    const viewer = await screen.findByRole('dialog', { name: /^Delivery of/ }, { timeout: 5000 })
    const requests: string[] = []
    mockServer.events.on('request:start', ({ request }) => requests.push(request.url))

    await user.click(within(viewer).getByRole('button', { name: 'Check signature' }))
    expect(within(viewer).getByText('Enter the webhook’s secret to check the signature.')).toBeInTheDocument()

    await user.type(within(viewer).getByLabelText('Webhook secret'), secret)
    await user.click(within(viewer).getByRole('button', { name: 'Check signature' }))
    expect(await within(viewer).findByText('Signature matches.')).toBeInTheDocument()

    await user.clear(within(viewer).getByLabelText('Webhook secret'))
    await user.type(within(viewer).getByLabelText('Webhook secret'), `${secret}x`)
    await user.click(within(viewer).getByRole('button', { name: 'Check signature' }))
    expect(await within(viewer).findByText('Signature does not match.')).toBeInTheDocument()
    expect(within(viewer).getByLabelText('Webhook secret')).toHaveValue(`${secret}x`)

    const cached = JSON.stringify(
      queryClient
        .getQueryCache()
        .getAll()
        .map((q) => q.state.data),
    )
    expect(cached).not.toContain(secret)
    expect(JSON.stringify({ ...localStorage })).not.toContain(secret)
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(secret)
    expect(location.href).not.toContain(secret)
    expect(requests.join(' ')).not.toContain(secret)
    mockServer.events.removeAllListeners()

    await user.click(within(viewer).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(new URLSearchParams(location.search).get('delivery')).toBeNull()
  })

  it('says there is no signature when the webhook has no secret', async () => {
    const user = userEvent.setup()
    const id = db.state.deliveries.find((d) => d.webhookId === 'wh-automation-runs')!.id
    renderHistory('wh-automation-runs', `&delivery=${id}`)
    const viewer = await screen.findByRole('dialog', { name: /^Delivery of/ }, { timeout: 5000 })
    await user.type(within(viewer).getByLabelText('Webhook secret'), 'x'.repeat(32))
    await user.click(within(viewer).getByRole('button', { name: 'Check signature' }))
    expect(await within(viewer).findByText('No signature.')).toBeInTheDocument()
  })

  it('says a delivery past the 7 days is gone', async () => {
    renderHistory('wh-user-provisioning', '&delivery=dl-does-not-exist')
    expect(await screen.findByText(/older than the 7 days Qlik keeps/)).toBeInTheDocument()
  })
})

import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { delay, http } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '../../../mocks/db'
import { mockServer } from '../../../mocks/node'
import { renderHistory } from '../../testing/render-history'
import { INDEX_PAGE_SIZE } from './delivery-index'
import { DEFAULT_DELIVERY_SETTINGS, getDeliverySettings, saveDeliverySettings } from './delivery-settings'
import { DELIVERY_PAGE_SIZE } from './history-params'
import { DELIVERY_REFRESH_MS } from './queries'

// The history's delivery operations as a person uses them: selecting
// deliveries, the console's delivery settings, the failures by cause and
// the search's status line. The scheduler itself is bulk-resend.test.ts's.

const deliveriesOf = (id: string) => db.state.deliveries.filter((d) => d.webhookId === id)
const failuresOf = (id: string) => deliveriesOf(id).filter((d) => d.status === 'fail')
const boxes = () => screen.getAllByRole('checkbox', { name: /^Select delivery/ })

beforeEach(() => {
  localStorage.clear()
  saveDeliverySettings(DEFAULT_DELIVERY_SETTINGS)
})
afterEach(() => history.replaceState(null, '', '/'))

describe('selecting deliveries', { timeout: 20_000 }, () => {
  it('selects one delivery at a time and every failure of the webhook, with the count', async () => {
    const user = userEvent.setup()
    const id = 'wh-reload-monitor'
    const failed = failuresOf(id).length
    expect(failed).toBe(3)
    renderHistory(id)
    const selectAll = await screen.findByRole('button', { name: `Select all failed (${failed})` }, { timeout: 10_000 })
    expect(screen.getByRole('button', { name: 'Resend selected (0)' })).toBeDisabled()

    const [first, second] = boxes()
    await user.click(first!)
    await user.click(second!)
    expect(first).toBeChecked()
    expect(screen.getByRole('button', { name: 'Resend selected (2)' })).toBeEnabled()
    await user.click(first!)
    expect(first).not.toBeChecked()
    expect(screen.getByRole('button', { name: 'Resend selected (1)' })).toBeEnabled()

    // All failed replaces the selection with the failures, and nothing else.
    await user.click(selectAll)
    await screen.findByRole('button', { name: `Resend selected (${failed})` })
    const checked = boxes().filter((box) => (box as HTMLInputElement).checked)
    expect(checked).toHaveLength(failed)
    for (const box of checked) expect(box).toHaveAccessibleName(/^Select delivery: .+, failed, /)

    await user.click(screen.getByRole('button', { name: 'Clear selection' }))
    expect(screen.getByRole('button', { name: 'Resend selected (0)' })).toBeDisabled()
    expect(boxes().filter((box) => (box as HTMLInputElement).checked)).toHaveLength(0)
  })

  it('counts only the failures of the current view', async () => {
    const user = userEvent.setup()
    const id = 'wh-slack-app-events'
    // An event type with some of the webhook's failures, not all of them.
    const byType = new Map<string, number>()
    for (const d of failuresOf(id)) byType.set(d.eventType, (byType.get(d.eventType) ?? 0) + 1)
    const [eventType, failed] = [...byType].find(([, n]) => n < failuresOf(id).length)!
    renderHistory(id, `&devent=${encodeURIComponent(eventType)}`)
    await user.click(await screen.findByRole('button', { name: `Select all failed (${failed})` }, { timeout: 10_000 }))
    expect(await screen.findByRole('button', { name: `Resend selected (${failed})` })).toBeEnabled()
  })
})

describe('delivery settings', { timeout: 20_000 }, () => {
  it('shows the defaults, names a wrong value under its field and keeps the dialog open, then saves', async () => {
    const user = userEvent.setup()
    renderHistory('wh-legacy-export')
    await user.click(screen.getByRole('button', { name: 'Delivery settings' }))
    const dialog = screen.getByRole('dialog', { name: 'Delivery settings' })
    const threshold = within(dialog).getByLabelText('Failures in a row before Qlik disables a webhook')
    const interval = within(dialog).getByLabelText('Seconds between resends')
    const stopAfter = within(dialog).getByLabelText('Stop a bulk resend after this many failures in a row')
    expect(threshold).toHaveValue(10)
    expect(interval).toHaveValue(1)
    expect(stopAfter).toHaveValue(3)

    await user.clear(interval)
    await user.type(interval, '0.5')
    await user.clear(stopAfter)
    await user.type(stopAfter, '2.5')
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }))
    expect(interval).toHaveAttribute('aria-invalid', 'true')
    expect(interval).toHaveAccessibleDescription('Enter a number from 0.6 to 60.')
    expect(stopAfter).toHaveAccessibleDescription('Enter a whole number.')
    expect(threshold).not.toHaveAttribute('aria-invalid')
    expect(screen.getByRole('dialog', { name: 'Delivery settings' })).toBeInTheDocument()
    expect(getDeliverySettings()).toEqual(DEFAULT_DELIVERY_SETTINGS)

    await user.clear(threshold)
    await user.type(threshold, '5')
    await user.clear(interval)
    await user.type(interval, '2')
    await user.clear(stopAfter)
    await user.type(stopAfter, '4')
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Delivery settings' })).not.toBeInTheDocument())
    expect(getDeliverySettings()).toEqual({ disableThreshold: 5, resendIntervalSeconds: 2, stopAfterFailures: 4 })
  })

  it('puts the rate, the stop rule, the threshold and the current run in the bulk resend’s confirmation', async () => {
    const user = userEvent.setup()
    saveDeliverySettings({ disableThreshold: 5, resendIntervalSeconds: 2, stopAfterFailures: 4 })
    const id = 'wh-legacy-export'
    // The seed ends this webhook on four failures (a revoked certificate).
    const failed = failuresOf(id).length
    expect(failed).toBe(4)
    renderHistory(id)
    await user.click(await screen.findByRole('button', { name: `Select all failed (${failed})` }, { timeout: 10_000 }))
    await user.click(await screen.findByRole('button', { name: `Resend selected (${failed})` }))
    const confirm = screen.getByRole('alertdialog', { name: `Resend ${failed} deliveries?` })
    expect(confirm).toHaveTextContent('at most one every 2 seconds')
    expect(confirm).toHaveTextContent('after 5 failures in a row, as set in Delivery settings')
    expect(confirm).toHaveTextContent('it has 4 failures in a row now')
    expect(confirm).toHaveTextContent('The resend stops by itself after 4 failures in a row.')
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('progressbar', { name: 'Resend progress' })).not.toBeInTheDocument()
  })
})

describe('failures by cause', { timeout: 20_000 }, () => {
  it('groups the webhook’s failures with a fix for each, the most frequent first', async () => {
    // The long history fails both ways: 500s and timeouts.
    const id = 'wh-automation-catalog'
    const failures = failuresOf(id)
    const server = failures.filter((d) => (d.response?.statusCode ?? 0) >= 500).length
    const timeouts = failures.filter((d) => d.response?.statusCode === undefined).length
    expect(server + timeouts).toBe(failures.length)
    expect(server).toBeGreaterThan(0)
    expect(timeouts).toBeGreaterThan(0)
    renderHistory(id)
    const summary = await screen.findByRole('region', { name: /^Failures by cause/ }, { timeout: 10_000 })
    await waitFor(() => expect(summary).toHaveAccessibleName(`Failures by cause ${failures.length} in the last 7 days`), {
      timeout: 10_000,
    })
    const groups = within(summary).getAllByRole('listitem')
    const expected = [
      { text: `5xx from the receiver: ${server}`, hint: 'check its logs and that it is up', n: server },
      { text: `Timeout: ${timeouts}`, hint: 'The receiver took too long to answer', n: timeouts },
    ].sort((a, b) => b.n - a.n)
    expect(groups).toHaveLength(2)
    if (server !== timeouts) {
      expect(groups[0]).toHaveTextContent(expected[0]!.text)
      expect(groups[1]).toHaveTextContent(expected[1]!.text)
    }
    for (const group of expected) {
      const item = groups.find((li) => li.textContent?.includes(group.text))
      expect(item).toHaveTextContent(group.hint)
      expect(item).toHaveTextContent(/Last on \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/)
    }
  })

  it('names a revoked certificate and a redirect with their fixes, and shows nothing without failures', async () => {
    const { unmount } = renderHistory('wh-legacy-export')
    const tls = await screen.findByRole('region', { name: /^Failures by cause/ }, { timeout: 10_000 })
    expect(tls).toHaveTextContent('TLS or certificate: 4')
    expect(tls).toHaveTextContent('The receiver’s certificate is expired or not trusted')
    unmount()

    const { unmount: done } = renderHistory('wh-broken-endpoint')
    const redirect = await screen.findByRole('region', { name: /^Failures by cause/ }, { timeout: 10_000 })
    expect(redirect).toHaveTextContent(`Redirect: ${failuresOf('wh-broken-endpoint').length}`)
    expect(redirect).toHaveTextContent('Qlik does not follow redirects: set the final URL.')
    done()

    expect(failuresOf('wh-exports-kenji')).toHaveLength(0)
    renderHistory('wh-exports-kenji')
    expect(await screen.findByText('No deliveries in the last 7 days.', {}, { timeout: 10_000 })).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: /^Failures by cause/ })).not.toBeInTheDocument()
  })
})

describe('the search’s status line', { timeout: 20_000 }, () => {
  it('says plainly that every delivery was searched once all are read', async () => {
    const id = 'wh-reload-monitor'
    renderHistory(id, '&dq=Unauthorized')
    const total = deliveriesOf(id).length
    expect(
      await screen.findByText(`Searched all ${total} deliveries of the last 7 days: 3 match.`, {}, { timeout: 10_000 }),
    ).toHaveAttribute('role', 'status')
    expect(screen.queryByText(/of \d+ deliveries/)).not.toBeInTheDocument()
  })

  it('refreshes the index, not the pages, while a search shows the index’s rows', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const reads: URL[] = []
    const onRequest = ({ request }: { request: Request }) => void reads.push(new URL(request.url))
    mockServer.events.on('request:start', onRequest)
    try {
      const id = 'wh-reload-monitor'
      const readsOf = (limit: number) => reads.filter((url) => url.searchParams.get('limit') === String(limit)).length
      renderHistory(id, '&dq=Unauthorized')
      const total = deliveriesOf(id).length
      await screen.findByText(`Searched all ${total} deliveries of the last 7 days: 3 match.`, {}, { timeout: 10_000 })
      const [pages, indexReads] = [readsOf(DELIVERY_PAGE_SIZE), readsOf(INDEX_PAGE_SIZE)]
      expect(pages).toBeGreaterThan(0)
      db.state.deliveries.push({ ...failuresOf(id)[0]!, id: 'dl-reload-monitor-new', triggeredAt: new Date().toISOString() })

      await vi.advanceTimersByTimeAsync(DELIVERY_REFRESH_MS)
      expect(
        await screen.findByText(`Searched all ${total + 1} deliveries of the last 7 days: 4 match.`, {}, { timeout: 10_000 }),
      ).toBeInTheDocument()
      // One page of the index: the newest, which held known deliveries too.
      expect(readsOf(INDEX_PAGE_SIZE)).toBe(indexReads + 1)
      expect(readsOf(DELIVERY_PAGE_SIZE)).toBe(pages)
    } finally {
      mockServer.events.removeListener('request:start', onRequest)
      vi.useRealTimers()
    }
  })

  it('says how many are searched so far, and how far back, while more pages are read', async () => {
    // The webhook's second page comes slowly: the first is searched before it.
    let followed = 0
    mockServer.use(
      http.get('*/webhooks/:id/deliveries', async ({ request }) => {
        if (new URL(request.url).searchParams.has('next') && followed++ === 0) await delay(1500)
      }),
    )
    renderHistory('wh-automation-catalog', '&dq=zzz-nothing-like-it')
    const loading = await screen.findByText(
      /^Searched 100 deliveries so far, back to \d{4}-\d{2}-\d{2} [\d:]+ UTC; loading more…$/,
      {},
      {
        timeout: 10_000,
      },
    )
    expect(loading).toHaveAttribute('role', 'status')
    const total = deliveriesOf('wh-automation-catalog').length
    expect(
      await screen.findByText(
        `Searched all ${total.toLocaleString('en-US')} deliveries of the last 7 days: 0 match.`,
        {},
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument()
  })
})

import { QueryClient } from '@tanstack/react-query'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { db } from '../../../mocks/db'
import { mockServer } from '../../../mocks/node'
import { resendWebhookDelivery } from '../../api'
import { backgroundReads, deliveryIndexQuery } from './background'

const listRequests: string[] = []
let inFlight = 0
let most = 0
const onStart = ({ request }: { request: Request }) => {
  if (!request.url.includes('/deliveries')) return
  listRequests.push(request.url)
  inFlight += 1
  most = Math.max(most, inFlight)
}
const onEnd = ({ request }: { request: Request }) => {
  if (request.url.includes('/deliveries')) inFlight -= 1
}
mockServer.events.on('request:start', onStart)
mockServer.events.on('response:mocked', onEnd)

afterEach(() => {
  listRequests.length = 0
  most = 0
})
afterAll(() => {
  mockServer.events.removeListener('request:start', onStart)
  mockServer.events.removeListener('response:mocked', onEnd)
})

describe('background delivery index', { timeout: 30_000 }, () => {
  it('reads every delivery of the last 7 days, 100 a page, two requests in flight at most', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const ids = ['wh-automation-catalog', 'wh-slack-app-events', 'wh-reload-monitor']
    const indexes = await Promise.all(ids.map((id) => client.fetchQuery(deliveryIndexQuery(id))))
    for (const [i, id] of ids.entries()) {
      const stored = db.state.deliveries.filter((d) => d.webhookId === id)
      expect(indexes[i]!.complete).toBe(true)
      expect(indexes[i]!.deliveries.map((d) => d.id).sort()).toEqual(stored.map((d) => d.id).sort())
    }
    // 3,000 + 60 + 40 deliveries: 30 + 1 + 1 pages.
    expect(listRequests).toHaveLength(32)
    expect(listRequests.every((url) => new URL(url).searchParams.get('limit') === '100')).toBe(true)
    expect(most).toBeLessThanOrEqual(2)
    expect(backgroundReads.stats().startedInLastMinute).toBeLessThanOrEqual(500)
  })

  it('refreshes with one request when a resend added a delivery', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    await client.fetchQuery(deliveryIndexQuery('wh-slack-app-events'))
    const created = await resendWebhookDelivery('wh-slack-app-events', 'dl-slack-app-events-0010')
    listRequests.length = 0
    await client.invalidateQueries({ queryKey: ['deliveries', 'wh-slack-app-events'] })
    const index = await client.fetchQuery({ ...deliveryIndexQuery('wh-slack-app-events'), staleTime: 0 })
    expect(listRequests).toHaveLength(1)
    expect(index.deliveries[0]!.id).toBe(created.id)
    expect(index.deliveries).toHaveLength(61)
  })
})

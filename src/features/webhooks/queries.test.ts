import { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { mockServer } from '../../../mocks/node'
import { SEED_WEBHOOKS } from '../../../mocks/seed'
import { MAX_PAGES_FOLLOWED } from '../../api'
import { webhookCountQuery } from './queries'

const webhook = (id: string) => ({ id, name: id, url: 'https://x.example.com/', eventTypes: ['com.qlik.v1.app.created'] })

describe('webhookCountQuery', () => {
  it('counts every webhook of the mock tenant', async () => {
    expect(await new QueryClient().fetchQuery(webhookCountQuery())).toEqual({ count: SEED_WEBHOOKS.length, atLeast: false })
  })

  it('stops on a cursor that cycles and says "at least"', async () => {
    let requests = 0
    mockServer.use(
      http.get('*/api/core/webhooks', ({ request }) => {
        requests += 1
        const next = new URL(request.url).searchParams.get('next') === 'a' ? 'b' : 'a'
        return HttpResponse.json({
          data: [webhook(`w${requests}`)],
          links: { self: { href: request.url }, next: { href: `http://localhost/api/core/webhooks?limit=100&next=${next}` } },
        })
      }),
    )
    expect(await new QueryClient().fetchQuery(webhookCountQuery())).toEqual({ count: 3, atLeast: true })
    expect(requests).toBe(3)
  })

  it('stops at the page limit when the cursors never end', async () => {
    let requests = 0
    mockServer.use(
      http.get('*/api/core/webhooks', ({ request }) => {
        requests += 1
        return HttpResponse.json({
          data: [webhook(`w${requests}`)],
          links: { self: { href: request.url }, next: { href: `http://localhost/api/core/webhooks?next=c${requests}` } },
        })
      }),
    )
    expect(await new QueryClient().fetchQuery(webhookCountQuery())).toEqual({ count: MAX_PAGES_FOLLOWED, atLeast: true })
    expect(requests).toBe(MAX_PAGES_FOLLOWED)
  })
})

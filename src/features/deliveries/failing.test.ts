import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'
import type { Delivery } from '../../api'
import { deliveryIndexQuery } from './background'
import { watchFailingIds, type FailingIds } from './failing'

const NOW = Date.parse('2026-11-30T15:00:00Z')
const delivery = (id: string, status: 'success' | 'fail', hoursAgo: number) =>
  ({ id, status, triggeredAt: new Date(NOW - hoursAgo * 3_600_000).toISOString(), eventType: 'x' }) as Delivery

describe('watchFailingIds', () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  afterEach(() => client.clear())
  const setIndex = (id: string, deliveries: Delivery[], complete = true) =>
    client.setQueryData(deliveryIndexQuery(id).queryKey, { deliveries, complete })

  it('reports the failing webhooks among those whose deliveries are all read, and again when they change, until stopped', () => {
    setIndex('ok', [delivery('1', 'success', 1), delivery('2', 'fail', 30)])
    setIndex('failing', [delivery('3', 'fail', 2), delivery('4', 'success', 3)])
    setIndex('partial', [delivery('5', 'fail', 1)], false)
    const reports: FailingIds[] = []
    const stop = watchFailingIds(client, ['ok', 'failing', 'partial'], NOW, (ids) => reports.push(ids))
    expect(reports.at(-1)).toEqual({ failing: new Set(['failing']), checked: 2 })

    setIndex('partial', [delivery('5', 'fail', 1), delivery('6', 'success', 100)])
    expect(reports.at(-1)).toEqual({ failing: new Set(['failing', 'partial']), checked: 3 })

    stop()
    const seen = reports.length
    setIndex('ok', [delivery('7', 'fail', 1)])
    expect(reports).toHaveLength(seen)
  })
})

import { describe, expect, it } from 'vitest'
import { db } from './db'
import { SEED_DELIVERIES } from './seed-deliveries'
import { deserializeState, serializeState } from './persistence'
import { configureMock, MAX_SEED_HISTORY_SIZE } from './seed'

const big = SEED_DELIVERIES.bigHistory.webhookId
const countOf = (webhookId: string) => db.state.deliveries.filter((d) => d.webhookId === webhookId).length

describe('the seed size of the big-history webhook (seedHistorySize)', () => {
  it('is 3,000 deliveries by default', () => {
    expect(countOf(big)).toBe(3000)
  })

  it('re-seeds that history with the number asked for, and leaves the other webhooks as seeded', () => {
    const others = countOf('wh-slack-app-events')
    configureMock({ seedHistorySize: 10_000 })
    expect(countOf(big)).toBe(10_000)
    expect(countOf('wh-slack-app-events')).toBe(others)
    configureMock({ seedHistorySize: 1000 })
    expect(countOf(big)).toBe(1000)
  })

  it('survives a reload of the browser demo: the size is saved, the deliveries rebuilt', () => {
    configureMock({ seedHistorySize: 1000 })
    const restored = deserializeState(serializeState(db.state))!
    expect(restored.config.seedHistorySize).toBe(1000)
    expect(restored.deliveries.filter((d) => d.webhookId === big)).toHaveLength(1000)
  })

  it('keeps other configuration when only other fields change', () => {
    configureMock({ seedHistorySize: 1000 })
    configureMock({ failureThreshold: 3 })
    expect(db.state.config).toMatchObject({ seedHistorySize: 1000, failureThreshold: 3 })
    expect(countOf(big)).toBe(1000)
  })

  it.each([-1, 2.5, MAX_SEED_HISTORY_SIZE + 1, Number.NaN])('refuses %s with a message that says what it takes', (size) => {
    expect(() => configureMock({ seedHistorySize: size })).toThrow(/seedHistorySize must be a whole number from 0 to 50000/)
    expect(countOf(big)).toBe(3000)
  })
})

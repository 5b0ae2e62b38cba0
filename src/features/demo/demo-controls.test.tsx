import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { configure } from '../../../mocks/config'
import { db, DEFAULT_RATE_LIMITS } from '../../../mocks/db'
import { RECEIVER_MODES } from '../../../mocks/deliveries'
import { DEMO_API_KEY } from '../../../mocks/auth'
import { USER_DIRECTORY } from '../../../mocks/resources'
import type { DemoControl } from './demo-control'
import { DemoControlsButton } from './demo-controls'

// The Demo controls panel over the mock tenant of the tests (src/testing/setup.ts),
// through the same configure() as window.mockTenant and /__mock/configure.

function mockControl(): DemoControl {
  const listeners = new Set<() => void>()
  return {
    users: USER_DIRECTORY,
    receiverModes: RECEIVER_MODES,
    defaultRateLimits: DEFAULT_RATE_LIMITS,
    webhooks: () => db.state.webhooks.map((w) => ({ id: w.id, name: w.name ?? w.id })),
    getConfig: () => db.state.config,
    configure(patch) {
      const config = configure(patch)
      for (const listener of listeners) listener()
      return config
    },
    reset: () => undefined,
    sampleEventData: () => ({}),
    sendTestEvent: () => Promise.reject(new Error('not in this test')),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

async function openPanel(control: DemoControl) {
  const user = userEvent.setup()
  render(
    <QueryClientProvider client={new QueryClient()}>
      <DemoControlsButton control={control} />
    </QueryClientProvider>,
  )
  await user.click(screen.getByRole('button', { name: 'Demo controls' }))
  return { user, dialog: await screen.findByRole('dialog', { name: 'Demo controls' }) }
}

const listWebhooks = () => fetch('http://localhost/api/core/webhooks?limit=1', { headers: { Authorization: `Bearer ${DEMO_API_KEY}` } })

describe('Demo controls: Rate limits', () => {
  it('is on with Qlik’s figures by default, and says them', async () => {
    await openPanel(mockControl())
    const toggle = screen.getByRole('checkbox', { name: 'Rate limits' })
    expect(toggle).toBeChecked()
    expect(toggle).toHaveAccessibleDescription(
      /Per user, as Qlik publishes them: 1,000 reads \(Tier 1\) and 100 writes \(Tier 2\) a minute/,
    )
  })

  it('turns the mock’s limiter off and on again, with the keyboard too', async () => {
    const control = mockControl()
    control.configure({ rateLimits: { tier1: 1, tier2: 1 } })
    const { user } = await openPanel(control)
    const toggle = screen.getByRole('checkbox', { name: 'Rate limits' })
    expect(toggle).toHaveAccessibleDescription(/1 read \(Tier 1\) and 1 write \(Tier 2\) a minute/)
    expect((await listWebhooks()).status).toBe(200)
    expect((await listWebhooks()).status).toBe(429)

    await user.click(toggle)
    expect(toggle).not.toBeChecked()
    expect(db.state.config.rateLimits).toBe(false)
    expect(toggle).toHaveAccessibleDescription('Off: the mock answers every request, however many.')
    for (let i = 0; i < 3; i++) expect((await listWebhooks()).status).toBe(200)

    toggle.focus()
    await user.keyboard(' ')
    expect(toggle).toBeChecked()
    // On again is Qlik's own figures, not the ones set before.
    expect(db.state.config.rateLimits).toEqual({ tier1: 1000, tier2: 100 })
    expect((await listWebhooks()).status).toBe(200)
  })

  it('follows a change made elsewhere (window.mockTenant, /__mock/configure)', async () => {
    const control = mockControl()
    await openPanel(control)
    const toggle = screen.getByRole('checkbox', { name: 'Rate limits' })
    act(() => void control.configure({ rateLimits: false }))
    expect(await screen.findByRole('checkbox', { name: 'Rate limits', checked: false })).toBe(toggle)
  })
})

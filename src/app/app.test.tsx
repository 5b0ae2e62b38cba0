import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { useTenantLevelAccess } from '../features/webhooks/form/tenant-level-access'
import { App } from './app'
import { backendId, type Backend } from './backend'

function Probe() {
  const { denied, markDenied } = useTenantLevelAccess()
  return (
    <>
      <p>{denied ? 'tenant level denied' : 'tenant level allowed'}</p>
      <button onClick={markDenied}>Refuse</button>
    </>
  )
}

const tenantA: Backend = { kind: 'proxy', host: 'a.example.com' }
const tenantB: Backend = { kind: 'proxy', host: 'b.example.com' }
// As TenantConsole keys App: the backend, and a count of sessions on it.
const at = (backend: Backend, session: number) => (
  <App key={`${backendId(backend)}#${session}`} backend={backend}>
    <Probe />
  </App>
)

describe('App', () => {
  it('keeps a tenant-level refusal for the session, and forgets it on another backend or session', async () => {
    const user = userEvent.setup()
    const { rerender } = render(at(tenantA, 0))
    await user.click(screen.getByRole('button', { name: 'Refuse' }))
    expect(screen.getByText('tenant level denied')).toBeInTheDocument()

    rerender(at(tenantA, 0))
    expect(screen.getByText('tenant level denied')).toBeInTheDocument()

    rerender(at(tenantB, 0))
    expect(screen.getByText('tenant level allowed')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Refuse' }))
    rerender(at(tenantB, 1))
    expect(screen.getByText('tenant level allowed')).toBeInTheDocument()
  })
})

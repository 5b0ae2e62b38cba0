import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor } from '@testing-library/react'
import { http } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { db } from '../../../mocks/db'
import { failNext } from '../../../mocks/faults'
import { mockServer } from '../../../mocks/node'
import { USERS } from '../../../mocks/seed'
import { SEED_USERS } from '../../../mocks/users'
import { PersonName } from './person-name'

const ids = [USERS.admin, USERS.maria, USERS.kenji, USERS.automation]

function renderPeople(userIds: string[]) {
  const requests: string[] = []
  mockServer.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname.startsWith('/api/v1/users/')) requests.push(new URL(request.url).pathname)
  })
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ul>
        {userIds.map((id, index) => (
          <li key={index}>
            <PersonName userId={id} />
          </li>
        ))}
      </ul>
    </QueryClientProvider>,
  )
  return requests
}

describe('PersonName', () => {
  afterEach(() => mockServer.events.removeAllListeners())

  it('shows each person by name, with the id as its description, one request per person however often named', async () => {
    const requests = renderPeople([...ids, ...ids, USERS.maria])
    for (const user of SEED_USERS) {
      const shown = await screen.findAllByText(user.name, {}, { timeout: 5000 })
      expect(shown).toHaveLength(user.id === USERS.maria ? 3 : 2)
      expect(shown[0]).toHaveAccessibleDescription(`${user.name}, user id ${user.id}`)
    }
    expect([...requests].sort()).toEqual(ids.map((id) => `/api/v1/users/${id}`).sort())
  })

  it('asks for at most three people at once', async () => {
    let running = 0
    let most = 0
    mockServer.use(
      http.get('*/api/v1/users/:id', async () => {
        running += 1
        most = Math.max(most, running)
        await new Promise((resolve) => setTimeout(resolve, 20))
        running -= 1
        return undefined
      }),
    )
    renderPeople(ids)
    await screen.findByText('Jordan Lee')
    expect(most).toBe(3)
  })

  it('when the Users API is refused (403), shows ids, says nothing of it, and stops asking after the first refusal', async () => {
    failNext({ method: 'GET', path: '/api/v1/users/' }, 403, 10)
    const requests = renderPeople(ids)
    for (const id of ids) expect(await screen.findByText(id)).toBeInTheDocument()
    await waitFor(() => expect(requests.length).toBeGreaterThan(0))
    expect(requests.length).toBeLessThanOrEqual(3)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(screen.queryByText(/forbidden|error|could not/i)).not.toBeInTheDocument()
  })

  it('a person who is gone (404), or whom a user persona may not read, shows as the id', async () => {
    db.state.config = { ...db.state.config, persona: 'user', userId: USERS.kenji }
    renderPeople([USERS.kenji, USERS.maria, 'gone-user-id'])
    expect(await screen.findByText('Kenji Watanabe')).toBeInTheDocument()
    expect(await screen.findByText(USERS.maria)).toBeInTheDocument()
    expect(await screen.findByText('gone-user-id')).toBeInTheDocument()
  })
})

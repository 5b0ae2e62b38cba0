import { describe, expect, it } from 'vitest'
import { getUser, isApiError } from '../../src/api'
import { db } from '../db'
import { USERS } from '../seed'

const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: unknown) => (isApiError(error) ? error.status : -1),
  )

describe('mock Users API', () => {
  it('a tenant admin and a manager read every seeded person', async () => {
    expect(await getUser(USERS.maria)).toEqual({ id: USERS.maria, name: 'María Fernández', email: 'maria.fernandez@acme-corp.example.com' })
    db.state.config.persona = 'manager'
    expect((await getUser(USERS.kenji)).name).toBe('Kenji Watanabe')
  })
  it('a user reads only themselves (others 404, as their webhooks do); persona none is refused (403); unknown ids are 404', async () => {
    db.state.config = { ...db.state.config, persona: 'user', userId: USERS.kenji }
    expect((await getUser(USERS.kenji)).name).toBe('Kenji Watanabe')
    expect(await statusOf(getUser(USERS.admin))).toBe(404)
    db.state.config.persona = 'none'
    expect(await statusOf(getUser(USERS.kenji))).toBe(403)
    db.state.config.persona = 'tenantAdmin'
    expect(await statusOf(getUser('no-such-user'))).toBe(404)
  })
})

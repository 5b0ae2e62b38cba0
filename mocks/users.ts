import { USERS } from './seed'

// The tenant's people, for the Users API (GET /api/v1/users/{userId}): the owners,
// creators and updaters of the seeded webhooks. Realistic records, trimmed to the
// fields the console reads plus a few Qlik always returns.

export type MockUser = { id: string; tenantId: string; name: string; email: string; status: 'active'; subject: string }

const person = (id: string, name: string, email: string): MockUser => ({
  id,
  tenantId: 'oZcMPa_1PwH4FUdrh6839YHHdEJN',
  name,
  email,
  status: 'active',
  subject: `auth0|${id.toLowerCase()}`,
})

export const SEED_USERS: MockUser[] = [
  person(USERS.admin, 'Priya Raman', 'priya.raman@acme-corp.example.com'),
  person(USERS.maria, 'María Fernández', 'maria.fernandez@acme-corp.example.com'),
  person(USERS.kenji, 'Kenji Watanabe', 'kenji.watanabe@acme-corp.example.com'),
  person(USERS.automation, 'Jordan Lee', 'jordan.lee@acme-corp.example.com'),
]

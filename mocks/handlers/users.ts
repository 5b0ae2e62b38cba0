import { http, HttpResponse } from 'msw'
import { db } from '../db'
import { errorResponse } from '../http-utils'
import { SEED_USERS } from '../users'

// Qlik's Users API, GET /api/v1/users/{userId} only, under the webhooks' permission rules:
// a tenant admin and a manager read every user; a user reads their own record only (others
// answer 404, as other people's webhooks do); persona none is refused (403).

export const userHandlers = [
  http.get('*/api/v1/users/:userId', ({ params }) => {
    const { persona, userId } = db.state.config
    if (persona === 'none')
      return errorResponse(403, 'USERS-403', 'Forbidden', 'Reading users needs a role that may see the tenant’s users.')
    const user = SEED_USERS.find((u) => u.id === params.userId)
    if (!user || (persona === 'user' && user.id !== userId)) return errorResponse(404, 'USERS-404', 'Not found', 'User not found.')
    return HttpResponse.json(user)
  }),
]

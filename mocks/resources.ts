import { USERS } from './seed'

// The things events are about: the mock tenant's users, spaces, apps,
// automations and data integration tasks. Each resource has an owner and a
// space, so that a user-level webhook hears only of what its owner can
// access (webhooks-api.md §6): their own resources and those in spaces they
// are a member of. Ids the seeded filters use (wh-space-reloads,
// wh-automation-sales) belong to resources here, so those filters match
// some events and not others.

/** The tenant's users, for the console's "acts as" choice. */
export const USER_DIRECTORY: { id: string; name: string }[] = [
  { id: USERS.admin, name: 'Alex Admin' },
  { id: USERS.maria, name: 'Maria Garcia' },
  { id: USERS.kenji, name: 'Kenji Tanaka' },
  { id: USERS.automation, name: 'Automation service account' },
]

export type Space = { id: string; name: string; members: string[] }

export const SPACES: Space[] = [
  { id: '5f0c1d2e3a4b5c6d7e8f9a0b', name: 'Finance', members: [USERS.admin, USERS.kenji] },
  { id: '5f0c1d2e3a4b5c6d7e8f9a0c', name: 'Finance archive', members: [USERS.admin, USERS.kenji, USERS.maria] },
  { id: '64a1b2c3d4e5f60718293a4b', name: 'Sales', members: [USERS.admin, USERS.maria, USERS.automation] },
  { id: '64a1b2c3d4e5f60718293a4c', name: 'Operations', members: [USERS.admin, USERS.maria] },
]

export type ResourceKind = 'app' | 'automation' | 'di-task'

export type Resource = { kind: ResourceKind; id: string; name: string; ownerId: string; spaceId?: string }

export const RESOURCES: Resource[] = [
  { kind: 'app', id: '7d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6', name: 'Weekly sales', ownerId: USERS.automation, spaceId: SPACES[2]!.id },
  { kind: 'app', id: 'b3c4d5e6-f708-4192-a3b4-c5d6e7f80910', name: 'Budget 2027', ownerId: USERS.kenji, spaceId: SPACES[0]!.id },
  { kind: 'app', id: 'c4d5e6f7-0819-42a3-b4c5-d6e7f8091021', name: 'Closed quarters', ownerId: USERS.kenji, spaceId: SPACES[1]!.id },
  { kind: 'app', id: 'd5e6f708-192a-43b4-c5d6-e7f809102132', name: 'Pipeline health', ownerId: USERS.maria, spaceId: SPACES[2]!.id },
  { kind: 'app', id: 'e6f70819-2a3b-44c5-d6e7-f80910213243', name: 'Ops overview', ownerId: USERS.admin, spaceId: SPACES[3]!.id },
  // In its owner's personal space: nobody else can access it.
  { kind: 'app', id: 'f708192a-3b4c-45d6-e7f8-091021324354', name: 'Kenji scratchpad', ownerId: USERS.kenji },
  {
    kind: 'automation',
    id: '8f3c9a1e-2b4d-4c6e-8a0f-1b2c3d4e5f60',
    name: 'Weekly sales digest',
    ownerId: USERS.automation,
    spaceId: SPACES[2]!.id,
  },
  {
    kind: 'automation',
    id: '9a4d0b2f-3c5e-4d7f-9b10-2c3d4e5f6071',
    name: 'Export to SharePoint',
    ownerId: USERS.maria,
    spaceId: SPACES[3]!.id,
  },
  { kind: 'automation', id: 'ab5e1c30-4d6f-4e80-ac21-3d4e5f607182', name: 'Month-end close', ownerId: USERS.kenji, spaceId: SPACES[0]!.id },
  { kind: 'di-task', id: 'bc6f2d41-5e70-4f91-bd32-4e5f60718293', name: 'SAP orders landing', ownerId: USERS.maria, spaceId: SPACES[3]!.id },
  { kind: 'di-task', id: 'cd703e52-6f81-4a02-ce43-5f6071829304', name: 'GL storage', ownerId: USERS.admin, spaceId: SPACES[0]!.id },
]

/** Whether a user can access a resource: they own it, or they are a member of its space. */
export function canAccess(userId: string | undefined, resource: Resource | undefined): boolean {
  if (!resource) return false
  if (resource.ownerId === userId) return true
  const space = SPACES.find((s) => s.id === resource.spaceId)
  return Boolean(userId && space?.members.includes(userId))
}

/** What an event type is about; user and API key events are about the tenant, not a resource. */
export function resourceKindOf(eventType: string): ResourceKind | undefined {
  if (/^com\.qlik\.v1\.(app\.|reload\.finished$)/.test(eventType)) return 'app'
  if (eventType.startsWith('com.qlik.v1.automation.')) return 'automation'
  if (eventType.startsWith('com.qlik.v1.di-projects.')) return 'di-task'
  return undefined
}

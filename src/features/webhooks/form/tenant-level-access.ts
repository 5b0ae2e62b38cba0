import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { createStore, useStore, type Store } from '../../../lib/store'

// The API does not say who the caller is or which roles they hold. What it
// does say is documented: tenant-level webhooks need the TenantAdmin role,
// and a create or change to tenant level without it is refused with 403.
// So the first such refusal is remembered, and from then on the form offers
// tenant level disabled, with that reason.
//
// What was learned holds for one caller on one tenant only. It is kept with
// the QueryClient, which the app replaces whenever the backend or the
// signed-in session changes (App is remounted then), so it is forgotten
// with everything else that tenant answered.

export const TENANT_LEVEL_DENIED =
  'Tenant level needs the Tenant Admin role. The tenant refused a tenant-level webhook for your account, so this form uses user level.'

const byClient = new WeakMap<QueryClient, Store<string | undefined>>()

function storeOf(client: QueryClient): Store<string | undefined> {
  let store = byClient.get(client)
  if (!store) {
    store = createStore<string | undefined>(undefined)
    byClient.set(client, store)
  }
  return store
}

/** The reason tenant level is not available to this caller (undefined while none is known), and how to record a refusal. */
export function useTenantLevelAccess(): { denied: string | undefined; markDenied: () => void } {
  const store = storeOf(useQueryClient())
  return { denied: useStore(store), markDenied: () => store.set(TENANT_LEVEL_DENIED) }
}

import { useSyncExternalStore } from 'react'

// The API does not say who the caller is or which roles they hold. What it
// does say is documented: tenant-level webhooks need the TenantAdmin role,
// and a create or change to tenant level without it is refused with 403.
// So the first such refusal is remembered for the session, and from then on
// the form offers tenant level disabled, with that reason.

export const TENANT_LEVEL_DENIED =
  'Tenant level needs the Tenant Admin role. The tenant refused a tenant-level webhook for your account, so this form uses user level.'

let denied: string | undefined
const listeners = new Set<() => void>()

export function markTenantLevelDenied(reason = TENANT_LEVEL_DENIED): void {
  denied = reason
  listeners.forEach((listener) => listener())
}

/** For tests: forget what the tenant answered. */
export function resetTenantLevelAccess(): void {
  denied = undefined
  listeners.forEach((listener) => listener())
}

// At module scope: an inline subscribe would make React unsubscribe and subscribe on every render.
function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
const getDenied = () => denied

/** The reason tenant level is not available to this caller, or undefined while none is known. */
export function useTenantLevelDenied(): string | undefined {
  return useSyncExternalStore(subscribe, getDenied, getDenied)
}

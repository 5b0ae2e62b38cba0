import { parseTenantOrigin } from '../lib/tenant-url'
import type { OAuthConfig, OAuthInput } from './backend'

// OAuth connection settings, checked: when the console starts with some
// (saved or from the build) and when the connection settings are saved.

export type OAuthInputErrors = Partial<Record<keyof OAuthInput, string>>

export const defaultRedirectUri = () => `${location.origin}${import.meta.env.BASE_URL}`

/** Checks what a person (or the build) gave as OAuth settings; every problem gets its own message. */
export function parseOAuthInput(input: OAuthInput): { ok: true; config: OAuthConfig } | { ok: false; errors: OAuthInputErrors } {
  const errors: OAuthInputErrors = {}
  const tenant = parseTenantOrigin(input.host, 'The tenant address')
  if (!tenant.ok) errors.host = tenant.error
  const clientId = input.clientId.trim()
  if (!clientId) errors.clientId = 'The client id is empty; copy it from the OAuth client in the tenant’s Management Console.'
  else if (/\s/.test(clientId)) errors.clientId = 'The client id contains spaces; copy it again from the Management Console.'
  const redirectUri = input.redirectUri.trim() || defaultRedirectUri()
  let redirect: URL | undefined
  try {
    redirect = new URL(redirectUri)
  } catch {
    errors.redirectUri = `The redirect URI "${redirectUri}" is not a valid URL.`
  }
  if (redirect && redirect.origin !== location.origin) {
    errors.redirectUri = `The redirect URI must be on this console’s own address (${location.origin}), or the sign-in cannot come back here.`
  }
  if (!tenant.ok || errors.clientId || errors.redirectUri) return { ok: false, errors }
  return { ok: true, config: { origin: tenant.origin, host: tenant.host, clientId, redirectUri } }
}

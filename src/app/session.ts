import { createStore, type ReadableStore } from '../lib/store'
import type { OAuthConfig } from './backend'

// The signed-in state of a tenant connection. The access token lives in this
// module's memory, never in React Query's cache or the URL; it reaches
// sessionStorage only when the person asks to stay signed in for the tab.

export type SessionStatus =
  /** OAuth: no token yet. */
  | 'signed-out'
  /** OAuth: a token is held; proxy: no 401 seen. */
  | 'active'
  /** OAuth: the tenant answered 401, the token expired or was revoked. */
  | 'expired'
  /** Proxy: the tenant answered 401, it refused the proxy's API key. */
  | 'refused'

type Token = { accessToken: string; expiresAt: number | undefined; origin: string; clientId: string }

const TOKEN_KEY = 'qlik-webhooks-console.token'
const PENDING_KEY = 'qlik-webhooks-console.sign-in'

let token: Token | undefined
const status = createStore<SessionStatus>('active')
const set = status.set

export const sessionStatus: ReadableStore<SessionStatus> = status

const matches = (t: Token, config: OAuthConfig) => t.origin === config.origin && t.clientId === config.clientId

/** Called once the backend is known: picks up a token kept for this tab, if it fits this tenant and client. */
export function startSession(config: OAuthConfig | undefined): void {
  token = undefined
  if (!config) return set('active')
  try {
    const kept = JSON.parse(sessionStorage.getItem(TOKEN_KEY) ?? 'null') as Token | null
    if (kept && typeof kept.accessToken === 'string' && matches(kept, config)) token = kept
  } catch {
    sessionStorage.removeItem(TOKEN_KEY)
  }
  set(token ? 'active' : 'signed-out')
}

export function setToken(next: Token, keep: boolean): void {
  token = next
  if (keep) sessionStorage.setItem(TOKEN_KEY, JSON.stringify(next))
  else sessionStorage.removeItem(TOKEN_KEY)
  set('active')
}

/** Forgets the token everywhere it may be; returns it so that it can be revoked. */
export function clearToken(next: SessionStatus = 'signed-out'): string | undefined {
  const old = token?.accessToken
  token = undefined
  sessionStorage.removeItem(TOKEN_KEY)
  set(next)
  return old
}

export function authorizationHeader(): Record<string, string> {
  return token ? { Authorization: `Bearer ${token.accessToken}` } : {}
}

/** What a 401 means depends on who holds the credential. */
export function onUnauthorized(kind: 'proxy' | 'oauth'): void {
  if (kind === 'proxy') set('refused')
  else clearToken('expired')
}

/** After the person fixed the proxy's key and restarted the server: try again. */
export const retryProxy = () => set('active')

// The PKCE verifier and state survive the redirect to the tenant and back in
// sessionStorage, and are removed as soon as the sign-in completes or fails.

export type PendingSignIn = {
  state: string
  codeVerifier: string
  returnTo: string
  keep: boolean
  origin: string
  clientId: string
  redirectUri: string
}

export function savePendingSignIn(pending: PendingSignIn): void {
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending))
}

export function takePendingSignIn(): PendingSignIn | undefined {
  const raw = sessionStorage.getItem(PENDING_KEY)
  sessionStorage.removeItem(PENDING_KEY)
  try {
    return raw ? (JSON.parse(raw) as PendingSignIn) : undefined
  } catch {
    return undefined
  }
}

/** Whether this page load is the tenant sending the person back after sign-in. */
export function isSignInCallback(): boolean {
  const params = new URLSearchParams(location.search)
  return params.has('state') && (params.has('code') || params.has('error')) && sessionStorage.getItem(PENDING_KEY) !== null
}

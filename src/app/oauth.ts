import * as oauth from 'oauth4webapi'
import type { OAuthConfig } from './backend'
import { savePendingSignIn, setToken, takePendingSignIn } from './session'

// OAuth2 authorization code with PKCE (S256) against the tenant's own
// authorization server, as a public single-page-app client: no client secret.
// Loaded on demand, so the console's first page does not carry it.

/** Qlik's default scope for a single-page-app client. */
const SCOPE = 'user_default'

function server(config: OAuthConfig): oauth.AuthorizationServer {
  return {
    issuer: config.origin,
    authorization_endpoint: `${config.origin}/oauth/authorize`,
    token_endpoint: `${config.origin}/oauth/token`,
    revocation_endpoint: `${config.origin}/oauth/revoke`,
  }
}

const client = (config: OAuthConfig): oauth.Client => ({ client_id: config.clientId })

// Plain http is accepted only for a stand-in tenant on this machine (parseTenantOrigin enforces it).
const transport = (config: OAuthConfig) => (config.origin.startsWith('http:') ? { [oauth.allowInsecureRequests]: true } : {})

/** Sends the person to the tenant's sign-in page; they come back to the page they are on now. */
export async function beginSignIn(config: OAuthConfig, keep: boolean): Promise<void> {
  const codeVerifier = oauth.generateRandomCodeVerifier()
  const state = oauth.generateRandomState()
  const url = new URL(server(config).authorization_endpoint!)
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: SCOPE,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
  }).toString()
  savePendingSignIn({
    state,
    codeVerifier,
    returnTo: `${location.pathname}${location.search}${location.hash}`,
    keep,
    origin: config.origin,
    clientId: config.clientId,
    redirectUri: config.redirectUri,
  })
  location.assign(url)
}

function withoutCallbackParams(): string {
  const url = new URL(location.href)
  for (const name of ['code', 'state', 'error', 'error_description', 'error_uri', 'iss', 'session_state']) url.searchParams.delete(name)
  return `${url.pathname}${url.search}${url.hash}`
}

function explain(error: unknown): string {
  if (error instanceof oauth.AuthorizationResponseError || error instanceof oauth.ResponseBodyError) {
    return `The tenant refused the sign-in: ${error.error_description ?? error.error}.`
  }
  if (error instanceof TypeError) return `The tenant could not be reached to finish the sign-in (${error.message}).`
  return `The sign-in could not be completed: ${error instanceof Error ? error.message : String(error)}`
}

/**
 * Finishes a sign-in on the way back from the tenant: checks the state,
 * trades the code and the PKCE verifier for an access token, and puts the
 * person back on the page where they started. Throws a readable message.
 */
export async function completeSignIn(config: OAuthConfig): Promise<void> {
  const pending = takePendingSignIn()
  const current = new URL(location.href)
  history.replaceState(history.state, '', pending?.returnTo ?? withoutCallbackParams())
  try {
    if (!pending || pending.origin !== config.origin || pending.clientId !== config.clientId) {
      throw new Error('it was started for another tenant or client. Sign in again.')
    }
    const as = server(config)
    const params = oauth.validateAuthResponse(as, client(config), current, pending.state)
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client(config),
      oauth.None(),
      params,
      pending.redirectUri,
      pending.codeVerifier,
      transport(config),
    )
    const result = await oauth.processAuthorizationCodeResponse(as, client(config), response)
    setToken(
      {
        accessToken: result.access_token,
        expiresAt: result.expires_in ? Date.now() + result.expires_in * 1000 : undefined,
        origin: config.origin,
        clientId: config.clientId,
      },
      pending.keep,
    )
  } catch (error) {
    throw new Error(explain(error), { cause: error })
  }
}

/** Asks the tenant to revoke a token on sign-out; the console has already forgotten it either way. */
export async function revokeToken(config: OAuthConfig, token: string): Promise<void> {
  try {
    const response = await oauth.revocationRequest(server(config), client(config), oauth.None(), token, transport(config))
    await oauth.processRevocationResponse(response)
  } catch (error) {
    console.warn(
      'The tenant did not confirm the token revocation; the token stays valid until it expires.',
      error instanceof Error ? error.message : '',
    )
  }
}

import { http, HttpResponse, type HttpHandler } from 'msw'
import { DEMO_API_KEY, issuedTokens } from '../auth'

// A local stand-in for a tenant's OAuth2 authorization server, enough for a
// single-page-app client: authorization code with PKCE (S256 only), token
// revocation. It approves every sign-in at once (there is no user to ask) and
// issues short-lived access tokens that the mock server's isAuthorized()
// accepts. Never part of the in-browser mock.

export type OAuthClientRegistration = { clientId: string; redirectUris: string[] }

export type OAuthStandInOptions = {
  clients: OAuthClientRegistration[]
  /** Lifetime of issued access tokens; short values let tests see a token expire. */
  tokenLifetimeSeconds?: number
  now?: () => number
}

type PendingCode = { clientId: string; redirectUri: string; challenge: string; scope: string; expiresAt: number }

const CODE_LIFETIME_MS = 60_000

const random = (bytes = 24) => Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('base64url')

async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
  return Buffer.from(digest).toString('base64url')
}

/** RFC 6749 §5.2 error body; no-store, as every token endpoint answer. */
const oauthError = (status: number, error: string, description: string) =>
  HttpResponse.json({ error, error_description: description }, { status, headers: { 'Cache-Control': 'no-store' } })

/** Errors that must not be sent to an unverified redirect URI are shown to the person instead (RFC 6749 §4.1.2.1). */
const refusePage = (description: string) =>
  new HttpResponse(`Sign-in refused: ${description}`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

function redirect(target: string, params: Record<string, string>) {
  const url = new URL(target)
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
  return new HttpResponse(null, { status: 302, headers: { Location: url.toString(), 'Cache-Control': 'no-store' } })
}

async function formBody(request: Request): Promise<URLSearchParams> {
  return new URLSearchParams(await request.text())
}

export function createOAuthStandIn(options: OAuthStandInOptions): { handlers: HttpHandler[]; settings: { tokenLifetimeSeconds: number } } {
  const now = options.now ?? Date.now
  const settings = { tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600 }
  const codes = new Map<string, PendingCode>()
  const clientById = (id: string | null) => options.clients.find((c) => c.clientId === id)

  const authorize = http.get('*/oauth/authorize', ({ request }) => {
    const q = new URL(request.url).searchParams
    const client = clientById(q.get('client_id'))
    if (!client) return refusePage(`unknown client_id "${q.get('client_id') ?? ''}".`)
    const redirectUri = q.get('redirect_uri') ?? ''
    if (!client.redirectUris.includes(redirectUri))
      return refusePage(`redirect_uri "${redirectUri}" is not registered for client ${client.clientId}.`)
    const state = q.get('state')
    const back = (params: Record<string, string>) => redirect(redirectUri, { ...params, ...(state ? { state } : {}) })
    if (q.get('response_type') !== 'code')
      return back({ error: 'unsupported_response_type', error_description: 'Only response_type=code is supported.' })
    const challenge = q.get('code_challenge')
    if (q.get('code_challenge_method') !== 'S256' || !challenge) {
      return back({ error: 'invalid_request', error_description: 'PKCE is required: send code_challenge with code_challenge_method=S256.' })
    }
    if (!/^[A-Za-z0-9_-]{43}$/.test(challenge))
      return back({ error: 'invalid_request', error_description: 'code_challenge is not a base64url SHA-256 digest.' })
    const code = random()
    codes.set(code, {
      clientId: client.clientId,
      redirectUri,
      challenge,
      scope: q.get('scope') || 'user_default',
      expiresAt: now() + CODE_LIFETIME_MS,
    })
    return back({ code })
  })

  const token = http.post('*/oauth/token', async ({ request }) => {
    const form = await formBody(request)
    if (form.get('grant_type') !== 'authorization_code')
      return oauthError(400, 'unsupported_grant_type', 'Only grant_type=authorization_code is supported.')
    const client = clientById(form.get('client_id'))
    if (!client) return oauthError(401, 'invalid_client', `Unknown client_id "${form.get('client_id') ?? ''}".`)
    const code = form.get('code') ?? ''
    const pending = codes.get(code)
    // A code works once, whatever the outcome.
    codes.delete(code)
    if (!pending || pending.expiresAt <= now())
      return oauthError(400, 'invalid_grant', 'The authorization code is unknown, used or expired.')
    if (pending.clientId !== client.clientId)
      return oauthError(400, 'invalid_grant', 'The authorization code was issued to another client.')
    if (form.get('redirect_uri') !== pending.redirectUri)
      return oauthError(400, 'invalid_grant', 'redirect_uri differs from the one of the authorization request.')
    const verifier = form.get('code_verifier') ?? ''
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return oauthError(400, 'invalid_request', 'code_verifier is missing or malformed.')
    if ((await s256(verifier)) !== pending.challenge)
      return oauthError(400, 'invalid_grant', 'PKCE verification failed: code_verifier does not match code_challenge.')
    const accessToken = `mock-at-${random()}`
    issuedTokens.set(accessToken, now() + settings.tokenLifetimeSeconds * 1000)
    return HttpResponse.json(
      { access_token: accessToken, token_type: 'Bearer', expires_in: settings.tokenLifetimeSeconds, scope: pending.scope },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  })

  const revoke = http.post('*/oauth/revoke', async ({ request }) => {
    const form = await formBody(request)
    if (!clientById(form.get('client_id'))) return oauthError(401, 'invalid_client', 'Unknown client_id.')
    issuedTokens.delete(form.get('token') ?? '')
    return new HttpResponse(null, { status: 200 })
  })

  // Test control, on the mock server only: change the token lifetime, or expire every issued token now.
  const control = http.post('*/__mock/oauth', async ({ request }) => {
    if (request.headers.get('Authorization') !== `Bearer ${DEMO_API_KEY}`)
      return oauthError(401, 'invalid_client', 'The control endpoint needs the demo key.')
    const body = (await request.json().catch(() => ({}))) as { tokenLifetimeSeconds?: unknown; expireIssuedTokens?: unknown }
    if (body.tokenLifetimeSeconds !== undefined) {
      if (typeof body.tokenLifetimeSeconds !== 'number' || !(body.tokenLifetimeSeconds > 0))
        return oauthError(400, 'invalid_request', 'tokenLifetimeSeconds must be a positive number.')
      settings.tokenLifetimeSeconds = body.tokenLifetimeSeconds
    }
    if (body.expireIssuedTokens === true) for (const key of issuedTokens.keys()) issuedTokens.set(key, now() - 1)
    return HttpResponse.json({ tokenLifetimeSeconds: settings.tokenLifetimeSeconds, issuedTokens: issuedTokens.size })
  })

  return { handlers: [authorize, token, revoke, control], settings }
}

/**
 * The stand-in as `npm run mock:server` runs it: one client, registered
 * redirect URIs and token lifetime from the environment (README, "Real tenant").
 */
export function oauthStandInFromEnv(env: Record<string, string | undefined> = process.env) {
  const lifetime = Number(env.MOCK_OAUTH_TOKEN_LIFETIME ?? 3600)
  return createOAuthStandIn({
    clients: [
      {
        clientId: env.MOCK_OAUTH_CLIENT_ID ?? 'webhooks-console',
        redirectUris: (
          env.MOCK_OAUTH_REDIRECT_URIS ?? 'http://localhost:5173/,http://127.0.0.1:5173/,http://localhost:4173/,http://127.0.0.1:4173/'
        )
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      },
    ],
    tokenLifetimeSeconds: Number.isFinite(lifetime) && lifetime > 0 ? lifetime : 3600,
  })
}

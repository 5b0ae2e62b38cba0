// @vitest-environment node
import * as oauth from 'oauth4webapi'
import { describe, expect, it } from 'vitest'
import { mockServer } from '../node'
import { DEMO_API_KEY, isAuthorized } from '../auth'
import { createOAuthStandIn } from './oauth'

const ORIGIN = 'http://localhost'
const REDIRECT = 'http://127.0.0.1:4188/'
const as: oauth.AuthorizationServer = {
  issuer: ORIGIN,
  authorization_endpoint: `${ORIGIN}/oauth/authorize`,
  token_endpoint: `${ORIGIN}/oauth/token`,
  revocation_endpoint: `${ORIGIN}/oauth/revoke`,
}
const client: oauth.Client = { client_id: 'console' }
const insecure = { [oauth.allowInsecureRequests]: true }

function standIn(now = () => Date.now()) {
  const instance = createOAuthStandIn({ clients: [{ clientId: 'console', redirectUris: [REDIRECT] }], tokenLifetimeSeconds: 60, now })
  mockServer.use(...instance.handlers)
  return instance
}

async function authorize(params: Record<string, string>) {
  const url = new URL(as.authorization_endpoint!)
  url.search = new URLSearchParams(params).toString()
  return fetch(url, { redirect: 'manual' })
}

async function pkce() {
  const verifier = oauth.generateRandomCodeVerifier()
  return { verifier, challenge: await oauth.calculatePKCECodeChallenge(verifier) }
}

const request = (challenge: string, extra: Record<string, string> = {}) => ({
  response_type: 'code',
  client_id: 'console',
  redirect_uri: REDIRECT,
  code_challenge: challenge,
  code_challenge_method: 'S256',
  state: 'st4te',
  ...extra,
})

describe('the OAuth stand-in', () => {
  it('approves a PKCE sign-in, issues a token the mock server accepts, and revokes it', async () => {
    standIn()
    const { verifier, challenge } = await pkce()
    const answer = await authorize(request(challenge))
    expect(answer.status).toBe(302)
    const back = new URL(answer.headers.get('Location')!)
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT)
    expect(back.searchParams.get('state')).toBe('st4te')

    const params = oauth.validateAuthResponse(as, client, back, 'st4te')
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, REDIRECT, verifier, insecure)
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response)
    expect(tokens).toMatchObject({ token_type: 'bearer', expires_in: 60, scope: 'user_default' })
    expect(isAuthorized(`Bearer ${tokens.access_token}`)).toBe(true)

    await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, oauth.None(), tokens.access_token, insecure))
    expect(isAuthorized(`Bearer ${tokens.access_token}`)).toBe(false)
  })

  it('refuses a code_verifier that does not match the challenge, and a code used twice', async () => {
    standIn()
    const { challenge } = await pkce()
    const back = new URL((await authorize(request(challenge))).headers.get('Location')!)
    const params = oauth.validateAuthResponse(as, client, back, 'st4te')
    const wrong = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      params,
      REDIRECT,
      oauth.generateRandomCodeVerifier(),
      insecure,
    )
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringContaining('PKCE') })
    const again = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      params,
      REDIRECT,
      oauth.generateRandomCodeVerifier(),
      insecure,
    )
    expect(await again.json()).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringContaining('unknown, used or expired'),
    })
  })

  it('shows an error instead of redirecting to an unknown client or an unregistered redirect URI', async () => {
    standIn()
    const { challenge } = await pkce()
    const unknown = await authorize(request(challenge, { client_id: 'other' }))
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toContain('unknown client_id "other"')
    const elsewhere = await authorize(request(challenge, { redirect_uri: 'https://evil.example.com/' }))
    expect(elsewhere.status).toBe(400)
    expect(await elsewhere.text()).toContain('is not registered')
  })

  it('sends a request without S256 PKCE back with invalid_request', async () => {
    standIn()
    const { challenge } = await pkce()
    const plain = await authorize(request(challenge, { code_challenge_method: 'plain' }))
    const back = new URL(plain.headers.get('Location')!)
    expect(back.searchParams.get('error')).toBe('invalid_request')
    expect(back.searchParams.get('state')).toBe('st4te')
    expect(() => oauth.validateAuthResponse(as, client, back, 'st4te')).toThrow(oauth.AuthorizationResponseError)
  })

  it('issues tokens that stop working when their lifetime is over, and can expire them all on request', async () => {
    const clock = 1_000_000
    const instance = standIn(() => clock)
    const { verifier, challenge } = await pkce()
    const back = new URL((await authorize(request(challenge))).headers.get('Location')!)
    const params = oauth.validateAuthResponse(as, client, back, 'st4te')
    const { access_token } = await oauth.processAuthorizationCodeResponse(
      as,
      client,
      await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, REDIRECT, verifier, insecure),
    )
    expect(isAuthorized(`Bearer ${access_token}`, clock + 59_000)).toBe(true)
    expect(isAuthorized(`Bearer ${access_token}`, clock + 60_000)).toBe(false)

    const denied = await fetch(`${ORIGIN}/__mock/oauth`, { method: 'POST', body: JSON.stringify({ expireIssuedTokens: true }) })
    expect(denied.status).toBe(401)
    const control = await fetch(`${ORIGIN}/__mock/oauth`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEMO_API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ expireIssuedTokens: true, tokenLifetimeSeconds: 5 }),
    })
    expect(control.status).toBe(200)
    expect(instance.settings.tokenLifetimeSeconds).toBe(5)
    expect(isAuthorized(`Bearer ${access_token}`, clock)).toBe(false)
  })
})

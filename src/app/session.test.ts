import { afterEach, describe, expect, it } from 'vitest'
import type { OAuthConfig } from './backend'
import {
  authorizationHeader,
  clearToken,
  isSignInCallback,
  onUnauthorized,
  savePendingSignIn,
  sessionStatus,
  setToken,
  startSession,
  takePendingSignIn,
} from './session'

const config: OAuthConfig = { origin: 'https://a.example.com', host: 'a.example.com', clientId: 'c1', redirectUri: 'http://localhost/' }
const token = (accessToken: string, origin = config.origin) => ({ accessToken, expiresAt: undefined, origin, clientId: 'c1' })

afterEach(() => {
  sessionStorage.clear()
  history.replaceState(null, '', '/')
})

describe('the session', () => {
  it('holds the token in memory only, unless asked to keep it for the tab', () => {
    startSession(config)
    expect(sessionStatus.get()).toBe('signed-out')
    setToken(token('t-memory'), false)
    expect(authorizationHeader()).toEqual({ Authorization: 'Bearer t-memory' })
    expect(JSON.stringify({ ...sessionStorage, ...localStorage })).not.toContain('t-memory')

    setToken(token('t-kept'), true)
    startSession(config)
    expect(sessionStatus.get()).toBe('active')
    expect(authorizationHeader()).toEqual({ Authorization: 'Bearer t-kept' })
  })

  it('does not reuse a kept token for another tenant', () => {
    setToken(token('t-other', 'https://b.example.com'), true)
    startSession(config)
    expect(sessionStatus.get()).toBe('signed-out')
    expect(authorizationHeader()).toEqual({})
  })

  it('forgets the token everywhere on a 401 and on sign-out', () => {
    startSession(config)
    setToken(token('t-1'), true)
    onUnauthorized('oauth')
    expect(sessionStatus.get()).toBe('expired')
    expect(authorizationHeader()).toEqual({})
    expect(sessionStorage.length).toBe(0)
    setToken(token('t-2'), false)
    expect(clearToken()).toBe('t-2')
    expect(sessionStatus.get()).toBe('signed-out')
  })

  it('tells a refused proxy key from an expired sign-in', () => {
    startSession(undefined)
    expect(sessionStatus.get()).toBe('active')
    onUnauthorized('proxy')
    expect(sessionStatus.get()).toBe('refused')
  })

  it('recognises the way back from the tenant only when a sign-in is pending, and hands the pending one out once', () => {
    history.replaceState(null, '', '/?code=abc&state=xyz')
    expect(isSignInCallback()).toBe(false)
    savePendingSignIn({ state: 'xyz', codeVerifier: 'v', returnTo: '/?sort=name', keep: false, ...config })
    expect(isSignInCallback()).toBe(true)
    expect(takePendingSignIn()).toMatchObject({ state: 'xyz', returnTo: '/?sort=name' })
    expect(takePendingSignIn()).toBeUndefined()
  })
})

// Who may call the mock tenant when it runs as a real HTTP server
// (`npm run mock:server`): the documented demo API key, or a bearer token
// issued by the OAuth stand-in. The in-browser mock needs no credentials.

/** Demo API key of the mock server; documented in the README. Not a secret of any real tenant. */
export const DEMO_API_KEY = 'qlik-mock-demo-key'

/** Tokens issued by the mock's OAuth stand-in, with their expiry (ms since epoch). */
export const issuedTokens = new Map<string, number>()

/** The token of an `Authorization: Bearer <token>` header; the scheme is case-insensitive (RFC 9110 §11.1). */
export function bearerToken(authorization: string | null): string | undefined {
  return /^bearer +(\S+) *$/i.exec(authorization ?? '')?.[1]
}

export function isAuthorized(authorization: string | null, now = Date.now()): boolean {
  const token = bearerToken(authorization)
  if (token === undefined) return false
  if (token === DEMO_API_KEY) return true
  const expiresAt = issuedTokens.get(token)
  return expiresAt !== undefined && expiresAt > now
}

// Qlik signs each delivery with `Qlik-Signature`: the lowercase hex
// HMAC-SHA256 of the raw body bytes, keyed with the webhook's secret as
// UTF-8 (webhooks-api.md §9). Everything here runs in the browser through
// crypto.subtle, so a secret typed to check a signature never leaves it.

const utf8 = new TextEncoder()

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

/** HMAC-SHA256 of `data` keyed with `key`, as lowercase hex. */
export async function hmacSha256Hex(key: Uint8Array, data: Uint8Array): Promise<string> {
  // Copies into fresh buffers: crypto.subtle rejects views whose buffer comes from another realm (jsdom).
  const cryptoKey = await crypto.subtle.importKey('raw', new Uint8Array(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return toHex(new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, new Uint8Array(data))))
}

/** The `Qlik-Signature` value of `rawBody` as Qlik computes it. */
export function qlikSignature(secret: string, rawBody: string): Promise<string> {
  return hmacSha256Hex(utf8.encode(secret), utf8.encode(rawBody))
}

/**
 * Compares two signatures case-insensitively in time that depends only on
 * their length, so that a receiver written after this does not leak how
 * many leading characters of a guess were right.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = a.toLowerCase()
  const right = b.toLowerCase()
  let difference = left.length ^ right.length
  const length = Math.max(left.length, right.length)
  for (let i = 0; i < length; i++) difference |= (left.charCodeAt(i) || 0) ^ (right.charCodeAt(i) || 0)
  return difference === 0
}

export type SignatureCheck =
  | { result: 'match'; expected: string }
  | { result: 'mismatch'; expected: string; received: string }
  | { result: 'no-signature'; expected: string }

/** Checks a received `Qlik-Signature` (absent or empty: none) against `rawBody` and `secret`. */
export async function verifyQlikSignature(secret: string, rawBody: string, received: string | undefined): Promise<SignatureCheck> {
  const expected = await qlikSignature(secret, rawBody)
  const signature = received?.trim()
  if (!signature) return { result: 'no-signature', expected }
  return constantTimeEqual(expected, signature) ? { result: 'match', expected } : { result: 'mismatch', expected, received: signature }
}

/** Looks a header up by name regardless of case, as HTTP does. */
export function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value
  return undefined
}

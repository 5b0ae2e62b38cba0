const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
// The largest multiple of 62 below 256: bytes above it are drawn again so
// that every character is equally likely.
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length)

/** A random secret from the browser's CSPRNG: 48 letters and digits carry about 285 bits. */
export function generateSecret(length = 48): string {
  let secret = ''
  const bytes = new Uint8Array(length * 2)
  while (secret.length < length) {
    crypto.getRandomValues(bytes)
    for (const byte of bytes) {
      if (byte < UNBIASED_LIMIT && secret.length < length) secret += ALPHABET[byte % ALPHABET.length]
    }
  }
  return secret
}

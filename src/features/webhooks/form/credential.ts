// A plain header is stored and shown in clear. These are the shapes of
// values that are usually credentials and belong in an encrypted header.
const CREDENTIAL_NAME = /authorization|auth|api[-_]?key|token|secret|passw(or)?d|signature|credential|session|cookie|private/i
const CREDENTIAL_SCHEME = /^(bearer|basic|token|digest|apikey|hmac|aws4-hmac-sha256|sharedaccesssignature)\s+\S/i
const KNOWN_FORMATS = [
  /^eyJ[\w-]+\.[\w-]+\.[\w-]*$/, // JWT
  /^(sk|pk|rk)_(live|test)_\w{10,}/, // Stripe-style keys
  /^(ghp|gho|ghu|ghs|github_pat)_\w{20,}/, // GitHub tokens
  /^xox[abposr]-[\w-]{10,}/, // Slack tokens
  /^AKIA[0-9A-Z]{16}$/, // AWS access key id
]

/** A long run without spaces that mixes letters and digits, as random keys do. */
const looksRandom = (value: string) => value.length >= 24 && !/\s/.test(value) && /[a-z]/i.test(value) && /\d/.test(value)

/** Why a plain header value looks like a credential, or null when it does not. */
export function credentialWarning(name: string, value: string): string | null {
  const trimmed = value.trim()
  if (trimmed === '') return null
  const reason = CREDENTIAL_SCHEME.test(trimmed)
    ? 'starts with an authentication scheme'
    : KNOWN_FORMATS.some((format) => format.test(trimmed))
      ? 'has the format of an access token'
      : CREDENTIAL_NAME.test(name)
        ? `is the value of "${name}"`
        : looksRandom(trimmed)
          ? 'looks like a random key'
          : null
  return reason
    ? `This value ${reason}, so it may be a credential. Tick Encrypt to store it encrypted: a plain header is shown to anyone who can see this webhook.`
    : null
}

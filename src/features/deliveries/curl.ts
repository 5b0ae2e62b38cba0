import { OMITTED_HEADER_VALUE, type Delivery } from '../../api'

// "Copy as cURL": the request Qlik sent, as a command to replay it by hand.
// The API returns the body parsed; JSON.stringify of it is the compact text
// Qlik sent and signed, byte for byte. Encrypted header values stay
// **OMITTED**, as the API gives them: they are never shown after saving.

/** POSIX shell single quotes: everything inside is literal, a quote is closed, escaped and reopened. */
export const shellQuote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`

export function toCurl(delivery: Pick<Delivery, 'id' | 'request'>): string {
  const request = delivery.request ?? {}
  const headers = Object.entries(request.headers ?? {})
  const omitted = headers.filter(([, value]) => value === OMITTED_HEADER_VALUE).map(([name]) => name)
  const hasSignature = headers.some(([name]) => name.toLowerCase() === 'qlik-signature')
  const comments = [
    `# Delivery ${delivery.id} as Qlik sent it: POST, its headers and its body, byte for byte.`,
    hasSignature
      ? '# Qlik-Signature is the HMAC-SHA256 of this body with the webhook’s secret: it verifies only with that secret.'
      : '# The webhook had no secret: no Qlik-Signature was sent.',
  ]
  if (omitted.length) {
    comments.push(`# Encrypted header values are never shown (${omitted.join(', ')}): put them in place of ${OMITTED_HEADER_VALUE}.`)
  }
  const lines = [
    `curl -X POST ${shellQuote(request.url ?? '')}`,
    ...headers.map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`),
    // curl adds `Accept: */*` of its own; Qlik sends no Accept header.
    ...(headers.some(([name]) => name.toLowerCase() === 'accept') ? [] : [`-H 'Accept:'`]),
    `--data-raw ${shellQuote(request.body === undefined ? '' : JSON.stringify(request.body))}`,
  ]
  return `${comments.join('\n')}\n${lines.join(' \\\n  ')}\n`
}

import { LIMITS } from '../limits'

// The rules Qlik applies to a webhook's target URL (webhooks-api.md §4.1, §6):
// HTTPS, a fully qualified domain name, never an IP address or localhost,
// no credentials in the URL, at most 2048 characters.

const DOTTED_IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/
// WHATWG URL parsing reads a host whose last label is a number (decimal or
// 0x-hex) as IPv4, so `3232235786`, `0xC0A8010A`, `0300.0250.1.012` and
// `127.1` all reach the same machine as a dotted address.
const NUMERIC_LABEL = /^(0x[0-9a-f]*|\d+)$/i
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/

function authorityOf(url: string): string {
  const rest = url.slice('https://'.length)
  const end = rest.search(/[/?#\\]/)
  return end === -1 ? rest : rest.slice(0, end)
}

function hostOf(authority: string): string {
  const colon = authority.lastIndexOf(':')
  return colon === -1 ? authority : authority.slice(0, colon)
}

function describeHostProblem(host: string): string {
  const labels = host.split('.')
  if (labels.every((label) => NUMERIC_LABEL.test(label))) {
    return `The host "${host}" is an IP address. Use a fully qualified domain name, such as hooks.example.com.`
  }
  const last = labels[labels.length - 1] ?? ''
  if (NUMERIC_LABEL.test(last)) {
    return `The top-level domain "${last}" of "${host}" reads as a number. Use a domain name that ends in letters, such as .com.`
  }
  return `The host name "${host}" is not valid. Use a fully qualified domain name, such as hooks.example.com.`
}

/**
 * Checks a webhook target URL. Returns null when Qlik would accept it, else
 * one message that names the rule it breaks.
 */
export function validateWebhookUrl(url: string): string | null {
  if (url.trim() === '') return 'Enter the URL that receives the events, such as https://hooks.example.com/qlik.'
  if (url.length > LIMITS.url) {
    return `The URL must be at most ${LIMITS.url} characters; it has ${url.length}.`
  }
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(url)) {
    return 'The URL must not contain spaces, line breaks or control characters (encode a space in a path as %20).'
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase()
  if (scheme === undefined) return 'Enter a full URL starting with https://, such as https://hooks.example.com/qlik.'
  if (scheme !== 'https') return `The URL must use HTTPS (https://), not ${scheme}:.`
  if (!/^https:\/\//i.test(url)) return 'The URL must start with https:// followed by the host name.'

  const authority = authorityOf(url)
  if (authority.includes('@')) return 'The URL must not contain a user name or password (remove the part before "@").'
  if (authority.startsWith('['))
    return 'The host must not be an IPv6 address. Use a fully qualified domain name, such as hooks.example.com.'
  const rawHost = hostOf(authority)
  if (rawHost === '') return 'The URL has no host name. Enter one after https://, such as hooks.example.com.'
  if (authority.includes(':')) {
    const port = authority.slice(authority.lastIndexOf(':') + 1)
    if (port !== '' && (!/^\d+$/.test(port) || Number(port) > 65535)) {
      return `The port "${port}" is not valid: use a number from 0 to 65535, or leave it out.`
    }
  }

  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return describeHostProblem(rawHost)
  }
  const host = parsed.hostname
  if (DOTTED_IPV4.test(host)) {
    return host === rawHost.toLowerCase()
      ? `The host "${host}" is an IP address. Use a fully qualified domain name, such as hooks.example.com.`
      : `The host "${rawHost}" is an IP address (${host}) written in another notation. Use a fully qualified domain name, such as hooks.example.com.`
  }
  const labels = host.split('.')
  if (labels.some((label) => label === '')) {
    return `The host name "${rawHost}" has an empty part (a leading or trailing dot, or two dots in a row).`
  }
  if (host.length > 253) return 'The host name must be at most 253 characters.'
  if (labels.length < 2) {
    return `The host "${rawHost}" is not a fully qualified domain name. Use a name with a domain, such as hooks.example.com (localhost and single names are not allowed).`
  }
  const tld = labels[labels.length - 1]!
  if (tld === 'localhost') return 'The host must not be localhost or a name under it. Use a public domain name.'
  const badLabel = labels.find((label) => !LABEL.test(label))
  if (badLabel !== undefined) {
    return badLabel.length > 63
      ? `The host name part "${badLabel.slice(0, 20)}…" is longer than 63 characters.`
      : `The host name part "${badLabel}" is not valid: use letters, digits and hyphens, not starting or ending with a hyphen.`
  }
  if (/^\d+$/.test(tld)) {
    return `The top-level domain "${tld}" of "${rawHost}" reads as a number. Use a domain name that ends in letters, such as .com.`
  }
  return null
}

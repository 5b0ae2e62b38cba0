import { describe, expect, it } from 'vitest'
import { LIMITS } from '../limits'
import { validateWebhookUrl } from './webhook-url'

describe('validateWebhookUrl', () => {
  it.each([
    'https://hooks.example.com',
    'https://hooks.example.com/services/T024/B08?x=1#frag',
    'https://a.b.c.example.co.uk/path',
    'https://HOOKS.Example.COM/Case',
    'https://example.com:8443/qlik',
    'https://xn--bcher-kva.example/hook',
    'https://bücher.example/hook',
    'https://my-host-1.example.io',
    'https://123.example.com',
    'https://example.com/path%20with%20space',
  ])('accepts %s', (url) => {
    expect(validateWebhookUrl(url)).toBeNull()
  })

  it('accepts exactly the maximum length and rejects one more, naming the limit', () => {
    const base = 'https://hooks.example.com/'
    const atLimit = base + 'a'.repeat(LIMITS.url - base.length)
    expect(validateWebhookUrl(atLimit)).toBeNull()
    expect(validateWebhookUrl(`${atLimit}a`)).toBe('The URL must be at most 2048 characters; it has 2049.')
  })

  it.each([
    ['', /Enter the URL/],
    ['   ', /Enter the URL/],
    ['hooks.example.com/path', /full URL starting with https:\/\//],
    ['http://hooks.example.com', /must use HTTPS \(https:\/\/\), not http:/],
    ['ftp://hooks.example.com', /must use HTTPS.*not ftp:/],
    ['javascript:alert(1)', /must use HTTPS.*not javascript:/],
    ['https:hooks.example.com', /must start with https:\/\/ followed by the host/],
    ['https://', /no host name/],
    ['https:///path', /no host name/],
    ['https://user:pass@hooks.example.com', /user name or password/],
    ['https://user@hooks.example.com', /user name or password/],
    ['https://hooks.example.com /x', /spaces, line breaks/],
    [' https://hooks.example.com', /spaces, line breaks/],
    ['https://hooks.example.com/\nx', /spaces, line breaks/],
  ])('rejects %j', (url, message) => {
    expect(validateWebhookUrl(url)).toMatch(message)
  })

  it.each([
    ['https://192.168.1.10/hook', '192.168.1.10'],
    ['https://8.8.8.8', '8.8.8.8'],
    ['https://127.0.0.1:8443/x', '127.0.0.1'],
  ])('rejects dotted IPv4 %s', (url, host) => {
    expect(validateWebhookUrl(url)).toBe(
      `The host "${host}" is an IP address. Use a fully qualified domain name, such as hooks.example.com.`,
    )
  })

  it.each([
    ['https://3232235786/hook', '192.168.1.10'],
    ['https://0xC0A8010A/hook', '192.168.1.10'],
    ['https://0300.0250.01.012', '192.168.1.10'],
    ['https://127.1', '127.0.0.1'],
    ['https://10.1.2', '10.1.0.2'],
    ['https://0x7f.1', '127.0.0.1'],
    ['https://0177.0.0.1', '127.0.0.1'],
  ])('rejects IPv4 written as %s and shows the address it means', (url, dotted) => {
    const message = validateWebhookUrl(url)
    expect(message).toContain('is an IP address')
    expect(message).toContain(`(${dotted})`)
  })

  it.each(['https://999.1.1.1', 'https://1.2.3.4.5', 'https://4294967296'])('rejects the out-of-range IPv4-like host %s', (url) => {
    expect(validateWebhookUrl(url)).toMatch(/is an IP address/)
  })

  it.each(['https://[::1]/hook', 'https://[2001:db8::1]:443', 'https://[::ffff:192.168.1.1]'])('rejects the IPv6 literal %s', (url) => {
    expect(validateWebhookUrl(url)).toMatch(/must not be an IPv6 address/)
  })

  it.each(['https://localhost', 'https://localhost:3000/hook', 'https://intranet', 'https://LOCALHOST/x'])(
    'rejects the single-label host %s',
    (url) => {
      expect(validateWebhookUrl(url)).toMatch(/not a fully qualified domain name.*localhost and single names are not allowed/)
    },
  )

  it('rejects names under .localhost', () => {
    expect(validateWebhookUrl('https://app.localhost/hook')).toMatch(/must not be localhost/)
  })

  it.each([
    ['https://example.123', /top-level domain "123".*reads as a number/],
    ['https://example.0x1f', /top-level domain "0x1f".*reads as a number/],
    ['https://example..com', /empty part/],
    ['https://.example.com', /empty part/],
    ['https://example.com.', /empty part/],
    ['https://-bad.example.com', /part "-bad" is not valid/],
    ['https://bad-.example.com', /part "bad-" is not valid/],
    ['https://my_host.example.com', /part "my_host" is not valid/],
    [`https://${'a'.repeat(64)}.example.com`, /longer than 63 characters/],
    ['https://exa$mple.com', /not valid|host name/],
    ['https://hooks.example.com:99999/x', /port "99999" is not valid/],
    ['https://hooks.example.com:abc/x', /port "abc" is not valid/],
  ])('rejects the bad host in %s', (url, message) => {
    expect(validateWebhookUrl(url)).toMatch(message)
  })

  it('rejects a host name longer than 253 characters', () => {
    const host = Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.') + '.com'
    expect(validateWebhookUrl(`https://${host}/`)).toBe('The host name must be at most 253 characters.')
  })
})

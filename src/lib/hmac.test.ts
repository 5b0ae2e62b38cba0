import { describe, expect, it } from 'vitest'
import { constantTimeEqual, headerValue, hmacSha256Hex, qlikSignature, verifyQlikSignature } from './hmac'

const bytes = (length: number, byte: number) => new Uint8Array(length).fill(byte)
const ascii = (text: string) => new TextEncoder().encode(text)

// RFC 4231, section 4: the HMAC-SHA256 test cases.
const RFC_4231: { name: string; key: Uint8Array; data: Uint8Array; mac: string }[] = [
  {
    name: 'case 1',
    key: bytes(20, 0x0b),
    data: ascii('Hi There'),
    mac: 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
  },
  {
    name: 'case 2 (key shorter than the output)',
    key: ascii('Jefe'),
    data: ascii('what do ya want for nothing?'),
    mac: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
  },
  { name: 'case 3', key: bytes(20, 0xaa), data: bytes(50, 0xdd), mac: '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe' },
  {
    name: 'case 4',
    key: Uint8Array.from({ length: 25 }, (_, i) => i + 1),
    data: bytes(50, 0xcd),
    mac: '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b',
  },
  {
    name: 'case 6 (key larger than the block size)',
    key: bytes(131, 0xaa),
    data: ascii('Test Using Larger Than Block-Size Key - Hash Key First'),
    mac: '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
  },
  {
    name: 'case 7 (key and data larger than the block size)',
    key: bytes(131, 0xaa),
    data: ascii(
      'This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.',
    ),
    mac: '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
  },
]

describe('hmacSha256Hex', () => {
  it.each(RFC_4231)('gives the RFC 4231 result for $name', async ({ key, data, mac }) => {
    expect(await hmacSha256Hex(key, data)).toBe(mac)
  })

  it('gives the truncated RFC 4231 case 5 as the first 128 bits', async () => {
    const mac = await hmacSha256Hex(bytes(20, 0x0c), ascii('Test With Truncation'))
    expect(mac.slice(0, 32)).toBe('a3b6167473100ee06e0c796c2955552b')
  })
})

describe('qlikSignature', () => {
  it('keys with the secret as UTF-8 and signs the body string exactly (RFC 4231 case 2 in Qlik form)', async () => {
    expect(await qlikSignature('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    )
  })

  it('is 64 lowercase hex characters and changes with one byte of whitespace', async () => {
    const compact = await qlikSignature('a'.repeat(32), '{"a":1}')
    const spaced = await qlikSignature('a'.repeat(32), '{"a": 1}')
    expect(compact).toMatch(/^[0-9a-f]{64}$/)
    expect(spaced).not.toBe(compact)
  })

  it('encodes non-ASCII secrets and bodies as UTF-8', async () => {
    // Python: hmac.new('clé'.encode(), 'día'.encode(), hashlib.sha256).hexdigest()
    expect(await qlikSignature('clé', 'día')).toBe('3298bb9f7397e0012a803e0d3cc864ccb6759216530ee8a876004cbb2856be7d')
    expect(await qlikSignature('clé', 'día')).not.toBe(await qlikSignature('cle', 'dia'))
  })
})

describe('constantTimeEqual', () => {
  it('compares case-insensitively', () => {
    expect(constantTimeEqual('ABCDEF', 'abcdef')).toBe(true)
  })
  it('tells different values and different lengths apart', () => {
    expect(constantTimeEqual('abcdef', 'abcdee')).toBe(false)
    expect(constantTimeEqual('abcdef', 'abcde')).toBe(false)
    expect(constantTimeEqual('', 'a')).toBe(false)
  })
})

describe('verifyQlikSignature', () => {
  const secret = 'Jefe'
  const body = 'what do ya want for nothing?'
  const good = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'

  it('says match for the right signature, whatever its case', async () => {
    expect(await verifyQlikSignature(secret, body, good.toUpperCase())).toEqual({ result: 'match', expected: good })
  })
  it('says mismatch for a wrong secret', async () => {
    expect(await verifyQlikSignature('not the secret', body, good)).toMatchObject({ result: 'mismatch', received: good })
  })
  it('says no signature when the header is absent or empty', async () => {
    expect(await verifyQlikSignature(secret, body, undefined)).toMatchObject({ result: 'no-signature' })
    expect(await verifyQlikSignature(secret, body, '  ')).toMatchObject({ result: 'no-signature' })
  })
})

describe('headerValue', () => {
  it('finds a header whatever the case of its name', () => {
    expect(headerValue({ 'qlik-signature': 'x' }, 'Qlik-Signature')).toBe('x')
    expect(headerValue({ 'Qlik-Signature': 'y' }, 'qlik-signature')).toBe('y')
    expect(headerValue(undefined, 'Qlik-Signature')).toBeUndefined()
  })
})

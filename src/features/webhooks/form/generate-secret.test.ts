import { describe, expect, it, vi } from 'vitest'
import { generateSecret } from './generate-secret'

describe('generateSecret', () => {
  it('makes 48 letters and digits by default, within Qlik’s 32–64 range', () => {
    const secret = generateSecret()
    expect(secret).toMatch(/^[A-Za-z0-9]{48}$/)
  })

  it('honours the requested length', () => {
    expect(generateSecret(32)).toHaveLength(32)
    expect(generateSecret(64)).toHaveLength(64)
  })

  it('draws from crypto.getRandomValues and gives a new value each time', () => {
    const spy = vi.spyOn(crypto, 'getRandomValues')
    const a = generateSecret()
    const b = generateSecret()
    expect(spy).toHaveBeenCalled()
    expect(a).not.toBe(b)
  })

  it('drops bytes that would bias the alphabet', () => {
    // 248..255 lie above the last multiple of 62 and are skipped; 0 maps to "A", 61 to "9".
    // The first draw is all 255 but for one 61; the second all 0 but for one 61.
    let call = 0
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      const bytes = array as unknown as Uint8Array
      bytes.fill(call++ === 0 ? 255 : 0)
      bytes[1] = 61
      return array
    })
    const secret = generateSecret(4)
    expect(secret).toBe('9A9A')
  })
})

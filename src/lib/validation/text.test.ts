import { describe, expect, it } from 'vitest'
import { codePointLength, validateText } from './text'

const name = { label: 'The name', max: 512, required: true }
const description = { label: 'The description', max: 1024, multiline: true }

describe('codePointLength', () => {
  it('counts an emoji or an astral character once, a lone surrogate once', () => {
    expect(codePointLength('abc')).toBe(3)
    expect(codePointLength('😀😀')).toBe(2)
    expect(codePointLength('𝒜')).toBe(1)
    expect(codePointLength('a\uD800')).toBe(2)
  })
})

describe('validateText', () => {
  it.each(['Ops alerts', 'עברית\u200F', 'a\u200Bb', '😀', 'Ünïcødé', '名前'])('accepts the name %j', (value) => {
    expect(validateText(value, name)).toBeNull()
  })

  it.each([
    ['', 'Enter a name.'],
    ['   ', 'no visible character'],
    ['\u200B\u200C\u200D', 'no visible character'],
    ['\uFEFF\u2060', 'no visible character'],
    ['\u200E\u200F\u061C', 'no visible character'],
    ['\u3164\u115F', 'no visible character'],
    ['\u00A0\u2003\u3000', 'no visible character'],
    ['\uFE0F', 'no visible character'],
    ['Invoice \u202Efdp.exe', 'bidirectional control character (U+202E)'],
    ['a\u202Ab', 'bidirectional control character (U+202A)'],
    ['a\u2066b\u2069', 'bidirectional control character (U+2066)'],
    ['a\u0000b', 'control character (U+0000)'],
    ['a\nb', 'control character (U+000A)'],
    ['a\u0085b', 'control character (U+0085)'],
    ['a\uD800b', 'lone UTF-16 surrogate'],
    ['a\uDFFF', 'lone UTF-16 surrogate'],
  ])('refuses the name %j', (value, fragment) => {
    expect(validateText(value, name)).toContain(fragment)
  })

  it('counts the limit in code points and says so', () => {
    expect(validateText('😀'.repeat(512), name)).toBeNull()
    expect(validateText('😀'.repeat(513), name)).toBe('The name must be at most 512 characters (code points); it has 513.')
  })

  it('lets a description hold line breaks and tabs, not other controls or overrides, and be empty', () => {
    expect(validateText('', description)).toBeNull()
    expect(validateText('line one\nline two\r\n\tindented', description)).toBeNull()
    expect(validateText('a\u0000', description)).toContain('control character (U+0000)')
    expect(validateText('a\u202E', description)).toContain('(U+202E)')
  })
})

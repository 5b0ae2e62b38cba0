import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { colourLiterals, sizeLiterals, stripTokenDefinitions } from './tokens-check'

// Every colour, spacing step, type size, radius, shadow and border width of the console comes
// from src/app/tokens.css. These tests read every stylesheet and component and name each
// literal written anywhere else, so a new rule or inline style cannot bring its own.

const root = join(import.meta.dirname, '..')
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return files(path)
    return /\.(css|tsx)$/.test(entry.name) && !/\.test\.tsx$/.test(entry.name) ? [path] : []
  })
const sources = files(root).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }))
const tokensFile = sources.find((source) => source.path.endsWith('tokens.css'))!

describe('the literal checker', () => {
  it('finds hex, rgb(), hsl() and named colours, in CSS and in inline styles and SVG attributes', () => {
    expect(colourLiterals('a { color: #fff; background: rgb(0 0 0 / 0.4); border-color: hsl(10 20% 30%) }', 'css')).toEqual([
      '#fff',
      'rgb(',
      'hsl(',
    ])
    expect(colourLiterals('.x { color: white; border: 1px solid rebeccapurple; fill: currentColor }', 'css')).toEqual([
      'white',
      'rebeccapurple',
    ])
    expect(colourLiterals('<svg fill="red" style={{ color: "#123456" }} />', 'tsx')).toEqual(['red', '#123456'])
    expect(colourLiterals('<p>A red flag in text is fine, as is fill="none".</p> <svg fill="none" />', 'tsx')).toEqual([])
  })
  it('finds raw lengths in spacing, type, radius, shadow and border properties', () => {
    expect(sizeLiterals('.x { padding: 0.5rem var(--space-sm); margin: 0; font-size: 12px; border: 2px solid }')).toEqual([
      'padding: 0.5rem var(--space-sm)',
      'font-size: 12px',
      'border: 2px solid',
    ])
    expect(sizeLiterals('.x { padding: var(--space-sm) 0; width: 12rem; gap: calc(var(--space-xs) * -1) }')).toEqual([])
  })
  it('keeps the token definitions themselves out of the check', () => {
    expect(colourLiterals(stripTokenDefinitions(tokensFile.text), 'css')).toEqual([])
    expect(colourLiterals(tokensFile.text, 'css').length).toBeGreaterThan(10)
  })
})

describe('design tokens', () => {
  it('the stylesheets and components were read', () => {
    expect(sources.filter((s) => s.path.endsWith('.css')).length).toBeGreaterThanOrEqual(2)
    expect(sources.filter((s) => s.path.endsWith('.tsx')).length).toBeGreaterThan(20)
  })

  it('no colour literal outside tokens.css', () => {
    const found = sources.flatMap(({ path, text }) => {
      const checked = path === tokensFile.path ? stripTokenDefinitions(text) : text
      return colourLiterals(checked, path.endsWith('.css') ? 'css' : 'tsx').map((literal) => `${path}: ${literal}`)
    })
    expect(found).toEqual([])
  })

  it('no raw spacing, type size, radius, shadow or border width outside tokens.css', () => {
    const found = sources
      .filter(({ path }) => path.endsWith('.css') && path !== tokensFile.path)
      .flatMap(({ path, text }) => sizeLiterals(text).map((literal) => `${path}: ${literal}`))
    expect(found).toEqual([])
  })

  it('every token used is defined, in the light set, and the dark set overrides only colours and shadows', () => {
    const defined = new Set([...tokensFile.text.matchAll(/(--[a-z0-9-]+):/g)].map((m) => m[1]))
    const used = new Set(sources.flatMap(({ text }) => [...text.matchAll(/var\((--[a-z0-9-]+)/g)].map((m) => m[1])))
    expect([...used].filter((name) => !defined.has(name))).toEqual([])
    const dark = /:root\[data-theme='dark'\]\s*\{([^}]*)\}/.exec(tokensFile.text)?.[1] ?? ''
    const darkNames = [...dark.matchAll(/(--[a-z0-9-]+):/g)].map((m) => m[1]!)
    expect(darkNames.length).toBeGreaterThan(20)
    expect(darkNames.filter((name) => !/^--(color|shadow)-/.test(name))).toEqual([])
  })
})

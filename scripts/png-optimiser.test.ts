// @vitest-environment node
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findPngquant, optimisePng, PNGQUANT_ARGS } from './png-optimiser.mjs'

// The wiring between `npm run screenshots` and pngquant, with stand-in executables that
// answer as pngquant does (its exit codes, its --output), so that the test needs no
// pngquant: CI does not have it. The real run is `npm run screenshots` itself.

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'png-optimiser-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** An executable shell script standing in for pngquant; it logs its arguments to args.txt. */
function standIn(body: string): string {
  const file = join(dir, 'pngquant')
  writeFileSync(file, `#!/bin/sh\nprintf '%s\\n' "$@" > "${join(dir, 'args.txt')}"\n${body}\n`)
  chmodSync(file, 0o755)
  return file
}

function picture(bytes: number): string {
  const file = join(dir, 'shot.png')
  writeFileSync(file, Buffer.alloc(bytes, 1))
  return file
}

describe('findPngquant', () => {
  it('says pngquant is missing and how to install it, or to run without it', () => {
    const found = findPngquant({ PNGQUANT: join(dir, 'no-such-pngquant') })
    expect(found.ok).toBe(false)
    if (found.ok) return
    expect(found.message).toContain(`${join(dir, 'no-such-pngquant')} is not installed`)
    expect(found.message).toContain('sudo apt-get install -y pngquant')
    expect(found.message).toContain('brew install pngquant')
    expect(found.message).toContain('SCREENSHOTS_OPTIMISE=0 npm run screenshots')
  })

  it('says so when the program is there but does not run', () => {
    const found = findPngquant({ PNGQUANT: standIn('exit 3') })
    expect(found).toMatchObject({ ok: false, message: expect.stringContaining('did not run (exit 3)') })
  })

  it('takes PNGQUANT and reads its version', () => {
    const command = standIn('echo "2.17.0 (September 2021)"')
    expect(findPngquant({ PNGQUANT: command })).toEqual({ ok: true, command, version: '2.17.0 (September 2021)' })
    expect(readFileSync(join(dir, 'args.txt'), 'utf8')).toBe('--version\n')
  })
})

describe('optimisePng', () => {
  it('writes the result over the original and reports both sizes', () => {
    // pngquant writes to the file named after --output.
    const command = standIn(`while [ "$1" != "--output" ]; do shift; done; printf 'small' > "$2"`)
    const file = picture(1000)
    expect(optimisePng(command, file)).toEqual({ before: 1000, after: 5 })
    expect(readFileSync(file, 'utf8')).toBe('small')
    expect(readFileSync(join(dir, 'args.txt'), 'utf8').trim().split('\n')).toEqual([...PNGQUANT_ARGS, '--output', file, '--', file])
  })

  it.each([
    [98, 'could not make it smaller'],
    [99, 'could not keep the quality asked for'],
  ])('keeps the original when pngquant exits %i, and says why', (status, reason) => {
    const file = picture(1000)
    const result = optimisePng(standIn(`exit ${status}`), file)
    expect(result).toMatchObject({ before: 1000, after: 1000, kept: expect.stringContaining(reason) })
    expect(readFileSync(file)).toEqual(Buffer.alloc(1000, 1))
  })

  it('fails on any other exit, with the file and what pngquant said', () => {
    const file = picture(10)
    expect(() => optimisePng(standIn(`echo "error: cannot decode image" >&2; exit 15`), file)).toThrow(
      `pngquant failed on ${file}: error: cannot decode image`,
    )
  })
})

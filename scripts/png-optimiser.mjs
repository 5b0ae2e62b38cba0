// The README's screenshots go through pngquant (libimagequant): a palette of at most 256
// colours, which is lossy but invisible on flat UI colours and text, and takes
// Playwright's own PNGs from about 150 kB to about 50 kB. It is a system tool rather than an
// npm dependency: only `npm run screenshots` needs it, run by hand; the npm wrappers of pngquant
// download a binary when installed, and sharp would put a native libvips into every `npm ci`.
import { spawnSync } from 'node:child_process'
import { statSync } from 'node:fs'

/**
 * Quality 65–80 of 100: below 65 pngquant gives up (exit 99) rather than write a blotchy
 * image; 80 is where text and borders stop changing. --nofs: no dithering, since a UI's
 * flat colours need none and the dither's noise made one picture half as big again.
 * --strip drops metadata, --speed=1 tries hardest, --skip-if-larger keeps an original the
 * palette would not shrink.
 */
export const PNGQUANT_ARGS = ['--quality=65-80', '--nofs', '--speed=1', '--strip', '--skip-if-larger', '--force']

/** Exit codes pngquant documents for a file it chose not to write. */
const SKIPPED = {
  98: 'pngquant could not make it smaller',
  99: 'pngquant could not keep the quality asked for (65 of 100) in 256 colours',
}

export const INSTALL_HINT = [
  'Install it:',
  '  Debian, Ubuntu: sudo apt-get install -y pngquant',
  '  macOS (Homebrew): brew install pngquant',
  '  elsewhere: a pngquant 2.x binary on PATH, or PNGQUANT=/path/to/pngquant',
  'Or run SCREENSHOTS_OPTIMISE=0 npm run screenshots to keep Playwright’s own PNGs',
  '(about 150 kB each: not to be committed).',
].join('\n')

/**
 * The pngquant to use (PNGQUANT, else the one on PATH) and its version, or a message
 * saying what is missing and how to install it.
 */
export function findPngquant(env = process.env) {
  const command = env.PNGQUANT || 'pngquant'
  const result = spawnSync(command, ['--version'], { encoding: 'utf8' })
  if (result.error || result.status !== 0) {
    const why = result.error?.code === 'ENOENT' ? 'is not installed' : `did not run (${result.error?.message ?? `exit ${result.status}`})`
    return {
      ok: false,
      message: `npm run screenshots makes the README's pictures small with pngquant, and ${command} ${why}.\n${INSTALL_HINT}`,
    }
  }
  return { ok: true, command, version: result.stdout.trim() }
}

/**
 * Optimises one PNG in place. Returns its size before and after, and `kept` with the
 * reason when pngquant left the original as it was.
 */
export function optimisePng(command, file) {
  const before = statSync(file).size
  const result = spawnSync(command, [...PNGQUANT_ARGS, '--output', file, '--', file], { encoding: 'utf8' })
  if (result.status === 0) return { before, after: statSync(file).size }
  const skipped = SKIPPED[result.status]
  if (skipped) return { before, after: before, kept: skipped }
  const why = result.error?.message ?? (result.stderr.trim() || `exit ${result.status}`)
  throw new Error(`pngquant failed on ${file}: ${why}`)
}

export const kB = (bytes) => `${Math.round(bytes / 1024)} kB`

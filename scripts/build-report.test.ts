import { describe, expect, it } from 'vitest'
import { assertFirstPageWithinBudget, FIRST_PAGE_BUDGET } from './build-report.mjs'

const report = (gzip: number) => ({ firstPageJsGzip: gzip, firstPageFiles: [{ file: 'assets/index-abc.js', gzip }] })

describe('first-page budget', () => {
  it('is 100 kB gzip', () => {
    expect(FIRST_PAGE_BUDGET).toBe(100 * 1024)
  })

  it('passes a first page at the budget', () => {
    expect(() => assertFirstPageWithinBudget('dist-tenant', report(FIRST_PAGE_BUDGET))).not.toThrow()
  })

  it('fails a first page one byte over it, naming the files and their sizes', () => {
    expect(() => assertFirstPageWithinBudget('dist-tenant', report(FIRST_PAGE_BUDGET + 1))).toThrow(
      /dist-tenant: first-page JS is 100\.0 kB gzip, over the budget of 100 kB \(assets\/index-abc\.js 100\.0 kB\)/,
    )
  })
})

import { describe, expect, it } from 'vitest'
import { assertFirstPageWithinBudget, FIRST_PAGE_BUDGET, FIRST_PAGE_GATE } from './build-report.mjs'

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

describe('the gate npm test applies while the first page is over its budget', () => {
  it("is 108 kB gzip, just above today's larger first page, and refuses one byte past it", () => {
    expect(FIRST_PAGE_GATE).toBe(108 * 1024)
    expect(() => assertFirstPageWithinBudget('dist-tenant', report(FIRST_PAGE_GATE), FIRST_PAGE_GATE)).not.toThrow()
    expect(() => assertFirstPageWithinBudget('dist-tenant', report(FIRST_PAGE_GATE + 1), FIRST_PAGE_GATE)).toThrow(
      /over the budget of 108 kB/,
    )
  })
})

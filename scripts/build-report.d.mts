// Types of build-report.mjs, for the TypeScript tests that import it.
export declare const MOCK_MARKERS: string[]
export declare const FIRST_PAGE_BUDGET: number
export type BuildReport = {
  firstPageJsGzip: number
  firstPageFiles: { file: string; gzip: number }[]
  totalJsGzip: number
  cssGzip: number
  jsFiles: number
  mockFiles: string[]
  mockInFirstPage: boolean
  workerScript: boolean
}
export declare function analyzeBuild(dir: string): BuildReport
export declare function assertFirstPageWithinBudget(
  dir: string,
  report?: Pick<BuildReport, 'firstPageJsGzip' | 'firstPageFiles'>,
): Pick<BuildReport, 'firstPageJsGzip' | 'firstPageFiles'>

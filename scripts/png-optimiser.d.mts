// Types of png-optimiser.mjs, for the TypeScript tests that import it.
export declare const PNGQUANT_ARGS: string[]
export declare const INSTALL_HINT: string
export declare function findPngquant(
  env?: Record<string, string | undefined>,
): { ok: true; command: string; version: string } | { ok: false; message: string }
export declare function optimisePng(command: string, file: string): { before: number; after: number; kept?: string }
export declare function kB(bytes: number): string

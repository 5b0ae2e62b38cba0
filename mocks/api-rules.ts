import { CORE_PATCH_PATHS, PATCH_PATHS } from '../src/api/schemas'

// The two prefixes the mock tenant answers, on one store, each by its own
// rules (webhooks-api.md for v1, core-webhooks-api.md for Core). Handlers
// are written once and read these objects; nothing is copied per prefix.

export type ApiRules = {
  name: 'v1' | 'core'
  /** The path the operations sit under. */
  base: string
  /** PATCH paths the prefix accepts. */
  patchPaths: readonly string[]
  /** Core: `/headers/<name>` and `/encryptedHeaders/<name>` address one member. */
  memberPaths: boolean
  /** Core: a PATCH of a read-only path is a 409; v1 knows only its nine paths (400). */
  readOnlyPatchConflict: boolean
  /** v1 documents a case-insensitive wildcard; Core a case-insensitive substring, "not as a glob pattern". */
  textMatch: 'wildcard' | 'substring'
  /** Core: the tenant decides `enableCloudEventDelivery` on create (MockConfig.cloudEventDeliveryOnCreate). */
  tenantDecidesCloudEvents: boolean
  /** v1 is deprecated (changelog 263): every answer carries Deprecation, Sunset and Link. */
  deprecated: boolean
}

export const V1_RULES: ApiRules = {
  name: 'v1',
  base: '/api/v1/webhooks',
  patchPaths: PATCH_PATHS,
  memberPaths: false,
  readOnlyPatchConflict: false,
  textMatch: 'wildcard',
  tenantDecidesCloudEvents: false,
  deprecated: true,
}

export const CORE_RULES: ApiRules = {
  name: 'core',
  base: '/api/core/webhooks',
  patchPaths: CORE_PATCH_PATHS,
  memberPaths: true,
  readOnlyPatchConflict: true,
  textMatch: 'substring',
  tenantDecidesCloudEvents: true,
  deprecated: false,
}

export const API_RULES = [V1_RULES, CORE_RULES] as const

/** The rules of the prefix a path is under, if any. */
export function rulesOf(pathname: string): ApiRules | undefined {
  return API_RULES.find((rules) => pathname === rules.base || pathname.startsWith(`${rules.base}/`))
}

/** v1's deprecation (changelog 263, 2026-11-03) and removal date, in the formats of RFC 9745 and RFC 8594. */
export const V1_DEPRECATED_AT = Date.UTC(2026, 10, 3)
export const V1_SUNSET = Date.UTC(2027, 10, 1)
export const CORE_API_REFERENCE = 'https://qlik.dev/apis/rest/core/webhooks/'

export const DEPRECATION_HEADERS: Record<string, string> = {
  Deprecation: `@${V1_DEPRECATED_AT / 1000}`,
  Sunset: new Date(V1_SUNSET).toUTCString(),
  Link: `<${CORE_API_REFERENCE}>; rel="deprecation"; type="text/html"`,
}

/// <reference types="vite/client" />

/** Which backend this build talks to; fixed at build time so a tenant build carries no mock. */
declare const __BACKEND__: 'mock' | 'tenant'

interface ImportMetaEnv {
  /** Hosted console: the tenant to sign in to, e.g. https://example.eu.qlikcloud.com. */
  readonly VITE_QLIK_HOST?: string
  /** Hosted console: client id of the tenant's single-page-app OAuth client (public, not a secret). */
  readonly VITE_QLIK_CLIENT_ID?: string
  /** Hosted console: redirect URI registered on that OAuth client; defaults to the console's own address. */
  readonly VITE_QLIK_REDIRECT_URI?: string
}

/// <reference types="vite/client" />

/** Which backend this build talks to; fixed at build time so a tenant build carries no mock. */
declare const __BACKEND__: 'mock' | 'tenant'

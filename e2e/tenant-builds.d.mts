export declare const MOCK_SERVER: string
export declare const OAUTH_CONSOLE: string
export declare const OAUTH_CLIENT_ID: string
export declare const OAUTH_REDIRECT_URI: string
export declare const PROXY_DIST: string
export declare const OAUTH_DIST: string
export declare const tenantBuilds: { name: string; env: Record<string, string> }[]

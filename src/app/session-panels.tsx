import { useId, useState, type ReactNode } from 'react'
import { Button } from '../components/ui/button'
import type { OAuthConfig } from './backend'

// What the tenant console shows when a session is not simply connected; a
// chunk of its own, loaded only then (tenant-console.tsx).

const loadOAuth = () => import('./oauth')

function SessionBanner({ title, children }: { title: string; children: ReactNode }) {
  const id = useId()
  return (
    <section className="session-banner" role="alert" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}

function SignInControls({ config, label }: { config: OAuthConfig; label: string }) {
  const [keep, setKeep] = useState(false)
  const [busy, setBusy] = useState(false)
  const hintId = useId()
  return (
    <div className="sign-in-controls">
      <label className="checkbox">
        <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} aria-describedby={hintId} />
        Stay signed in in this browser tab
      </label>
      <p id={hintId} className="hint">
        Keeps the access token in this tab’s session storage until the tab closes. Otherwise it is held in memory only, and reloading the
        page asks you to sign in again.
      </p>
      <Button
        variant="primary"
        disabled={busy}
        onClick={() => {
          setBusy(true)
          void loadOAuth()
            .then((m) => m.beginSignIn(config, keep))
            .catch(() => setBusy(false))
        }}
      >
        {label}
      </Button>
    </div>
  )
}

export function SignInPanel({ config, error }: { config: OAuthConfig; error: string | undefined }) {
  return (
    <section className="tenant-panel" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to {config.host}</h1>
      <p>The console signs you in with your Qlik account on the tenant’s own sign-in page, then brings you back here.</p>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <SignInControls config={config} label="Sign in" />
    </section>
  )
}

/** The tenant answered 401 to the OAuth token: sign in again, and come back to the same page. */
export function SignInAgainBanner({ config }: { config: OAuthConfig }) {
  return (
    <SessionBanner title="Your sign-in has ended">
      <p>
        The tenant answered 401 Unauthorized: the access token expired or was revoked. Sign in again to continue; you come back to this
        page.
      </p>
      <SignInControls config={config} label="Sign in again" />
    </SessionBanner>
  )
}

/** The tenant answered 401 to the local proxy's API key. */
export function ProxyRefusedBanner({ host, onRetry }: { host: string; onRetry: () => void }) {
  return (
    <SessionBanner title="The tenant refused the API key">
      <p>
        {host} answered 401 Unauthorized to the local proxy: the API key in QLIK_API_KEY is wrong, expired, revoked or belongs to another
        tenant. Set a valid key, restart <code>npm run dev:tenant</code> (or <code>preview:tenant</code>), then try again.
      </p>
      <Button onClick={onRetry}>Try again</Button>
    </SessionBanner>
  )
}

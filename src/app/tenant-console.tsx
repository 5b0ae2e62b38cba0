import { lazy, Suspense, useCallback, useEffect, useId, useState, type ReactNode } from 'react'
import { configureApi } from '../api'
import { Button } from '../components/ui/button'
import { useStore } from '../lib/store'
import { App } from './app'
import { backendId, resolveTenantBackend, saveOAuthInput, type Backend, type OAuthConfig, type OAuthInput } from './backend'
import { authorizationHeader, clearToken, isSignInCallback, onUnauthorized, retryProxy, sessionStatus, startSession } from './session'

// The console on a real tenant: through the local proxy (the server adds the
// API key) or signed in with OAuth (the browser holds a short-lived token).

function wireApi(backend: Backend): void {
  if (backend.kind === 'proxy') {
    configureApi({
      baseUrl: () => location.origin,
      backendKey: backendId(backend),
      headers: () => ({}),
      onUnauthorized: () => onUnauthorized('proxy'),
    })
  } else if (backend.kind === 'oauth') {
    configureApi({
      baseUrl: () => backend.config.origin,
      backendKey: backendId(backend),
      headers: authorizationHeader,
      onUnauthorized: () => onUnauthorized('oauth'),
    })
  }
}

const loadOAuth = () => import('./oauth')
const ConnectionSettings = lazy(() => import('./connection-settings').then((m) => ({ default: m.ConnectionSettings })))

type SettingsState = { open: boolean; problem?: string; initial?: OAuthInput }

export function TenantConsole() {
  const [backend, setBackend] = useState<Backend>()
  const [resolving, setResolving] = useState(true)
  const [settings, setSettings] = useState<SettingsState>({ open: false })
  const [signInError, setSignInError] = useState<string>()
  const [completing, setCompleting] = useState(false)
  // A new QueryClient after sign-out or a proxy retry: nothing cached survives.
  const [epoch, setEpoch] = useState(0)
  const status = useStore(sessionStatus)

  const connect = useCallback((next: Backend) => {
    wireApi(next)
    startSession(next.kind === 'oauth' ? next.config : undefined)
    setBackend(next)
    setSettings({ open: false })
    setSignInError(undefined)
    if (next.kind === 'oauth' && isSignInCallback()) {
      setCompleting(true)
      loadOAuth()
        .then((m) => m.completeSignIn(next.config))
        .catch((error: Error) => setSignInError(error.message))
        .finally(() => setCompleting(false))
    }
  }, [])

  const resolve = useCallback(
    (isLive: () => boolean = () => true) =>
      resolveTenantBackend().then((resolution) => {
        if (!isLive()) return
        if (resolution.backend) connect(resolution.backend)
        else setSettings({ open: true, problem: resolution.problem, initial: resolution.initial })
        setResolving(false)
      }),
    [connect],
  )

  useEffect(() => {
    let live = true
    void resolve(() => live)
    return () => {
      live = false
    }
  }, [resolve])

  const signOut = () => {
    if (backend?.kind !== 'oauth') return
    const token = clearToken('signed-out')
    setEpoch((n) => n + 1)
    if (token) void loadOAuth().then((m) => m.revokeToken(backend.config, token))
  }

  const actions = resolving ? null : (
    <>
      {backend?.kind === 'oauth' && status === 'active' ? <Button onClick={signOut}>Sign out</Button> : null}
      {!settings.open ? (
        <Button variant="ghost" onClick={() => setSettings({ open: true })}>
          Connection settings
        </Button>
      ) : null}
    </>
  )

  let content
  let notice
  if (resolving) content = <p role="status">Connecting…</p>
  else if (settings.open || !backend) {
    content = (
      <Suspense fallback={<p role="status">Loading connection settings…</p>}>
        <ConnectionSettings
          problem={settings.problem}
          initial={settings.initial}
          onSave={(config) => {
            const next: Backend = { kind: 'oauth', config, source: 'settings' }
            // The same tenant and client: keep the session rather than sign the person out.
            if (backend && backendId(backend) === backendId(next)) {
              wireApi(next)
              setBackend(next)
              setSettings({ open: false })
            } else connect(next)
          }}
          onCancel={backend ? () => setSettings({ open: false }) : undefined}
          onForget={() => {
            saveOAuthInput(undefined)
            setResolving(true)
            void resolve()
          }}
        />
      </Suspense>
    )
  } else if (completing) content = <p role="status">Signing in to {backend.kind === 'oauth' ? backend.config.host : ''}…</p>
  else if (backend.kind === 'oauth' && status === 'signed-out') content = <SignInPanel config={backend.config} error={signInError} />
  else if (backend.kind === 'oauth' && status === 'expired') {
    notice = (
      <SessionBanner title="Your sign-in has ended">
        <p>
          The tenant answered 401 Unauthorized: the access token expired or was revoked. Sign in again to continue; you come back to this
          page.
        </p>
        <SignInControls config={backend.config} label="Sign in again" />
      </SessionBanner>
    )
  } else if (backend.kind === 'proxy' && status === 'refused') {
    notice = (
      <SessionBanner title="The tenant refused the API key">
        <p>
          {backend.host} answered 401 Unauthorized to the local proxy: the API key in QLIK_API_KEY is wrong, expired, revoked or belongs to
          another tenant. Set a valid key, restart <code>npm run dev:tenant</code> (or <code>preview:tenant</code>), then try again.
        </p>
        <Button
          onClick={() => {
            retryProxy()
            setEpoch((n) => n + 1)
          }}
        >
          Try again
        </Button>
      </SessionBanner>
    )
  }

  return (
    <App key={`${backend ? backendId(backend) : 'none'}#${epoch}`} backend={backend} actions={actions} notice={notice}>
      {content}
    </App>
  )
}

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

function SignInPanel({ config, error }: { config: OAuthConfig; error: string | undefined }) {
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

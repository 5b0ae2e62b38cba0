import { lazy, Suspense, useCallback, useEffect, useState } from 'react'
import { configureApi } from '../api'
import { Button } from '../components/ui/button'
import { useStore } from '../lib/store'
import { App } from './app'
import { backendId, resolveTenantBackend, saveOAuthInput, type Backend, type OAuthInput } from './backend'
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
// What a session shows only when it is not simply connected: sign-in and its banners.
const SignInPanel = lazy(() => import('./session-panels').then((m) => ({ default: m.SignInPanel })))
const SignInAgainBanner = lazy(() => import('./session-panels').then((m) => ({ default: m.SignInAgainBanner })))
const ProxyRefusedBanner = lazy(() => import('./session-panels').then((m) => ({ default: m.ProxyRefusedBanner })))

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
  else if (backend.kind === 'oauth' && status === 'signed-out')
    content = (
      <Suspense fallback={null}>
        <SignInPanel config={backend.config} error={signInError} />
      </Suspense>
    )
  else if (backend.kind === 'oauth' && status === 'expired') {
    notice = (
      <Suspense fallback={null}>
        <SignInAgainBanner config={backend.config} />
      </Suspense>
    )
  } else if (backend.kind === 'proxy' && status === 'refused') {
    notice = (
      <Suspense fallback={null}>
        <ProxyRefusedBanner
          host={backend.host}
          onRetry={() => {
            retryProxy()
            setEpoch((n) => n + 1)
          }}
        />
      </Suspense>
    )
  }

  return (
    <App key={`${backend ? backendId(backend) : 'none'}#${epoch}`} backend={backend} actions={actions} notice={notice}>
      {content}
    </App>
  )
}

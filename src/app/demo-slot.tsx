import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react'
import type { Webhook } from '../api'
import { PinnedDeliveriesProvider, type PinnedDelivery } from '../features/deliveries/pinned-deliveries'
import type * as DemoFeature from '../features/demo'
import type { DemoControl } from '../features/demo'
import { setSearch } from '../lib/url-state'
import { ResetDemoButton } from './reset-demo'
import { WebhooksScreen } from './webhooks-screen'

// Mock mode only. main.tsx hands the mock's control down; the demo feature
// is loaded in its own chunk once the mock is up. Every use sits behind
// `__BACKEND__ === 'mock'`, so a tenant build drops all of it.

type DemoUi = typeof DemoFeature
export type LoadedDemo = { control: DemoControl; ui: DemoUi }

const DemoContext = createContext<LoadedDemo | null>(null)

/** The demo feature and the mock's control, once both have loaded; null before (and always on a tenant). */
export function useDemo(): LoadedDemo | null {
  return useContext(DemoContext)
}

export function DemoProvider({ demo, children }: { demo: Promise<DemoControl>; children: ReactNode }) {
  const [loaded, setLoaded] = useState<LoadedDemo | null>(null)
  useEffect(() => {
    let current = true
    void Promise.all([demo, import('../features/demo')]).then(([control, ui]) => {
      if (current) setLoaded({ control, ui })
    })
    return () => {
      current = false
    }
  }, [demo])
  return <DemoContext.Provider value={loaded}>{children}</DemoContext.Provider>
}

/** The persona (when not the tenant admin) beside the backend badge. */
export function DemoPersona() {
  const demo = useDemo()
  return demo ? <demo.ui.PersonaBadge control={demo.control} /> : null
}

/** "Demo controls" in the header, with Reset demo data inside its panel. */
export function DemoHeaderActions() {
  const demo = useDemo()
  return demo ? <demo.ui.DemoControlsButton control={demo.control} resetAction={<ResetDemoButton />} /> : null
}

/**
 * The webhooks page with the mock's "Send test event" in each row's menu.
 * A test delivery opens the webhook's history and stands on top of it,
 * marked "Test".
 */
export function DemoWebhooksPage() {
  const demo = useDemo()
  const [target, setTarget] = useState<Webhook | null>(null)
  const [pinned, setPinned] = useState<PinnedDelivery[]>([])
  const label = demo?.ui.SEND_TEST_EVENT ?? ''
  const rowMenuItems = useCallback((webhook: Webhook) => [{ label, onSelect: () => setTarget(webhook) }], [label])
  return (
    <PinnedDeliveriesProvider pinned={pinned}>
      <WebhooksScreen {...(demo ? { extraRowItems: rowMenuItems } : {})} />
      {demo && target ? (
        <demo.ui.SendTestEventDialog
          control={demo.control}
          webhook={target}
          onOpenChange={(open) => {
            if (!open) setTarget(null)
          }}
          onSent={(delivery) => {
            setPinned((current) => [{ delivery, label: 'Test' }, ...current])
            setSearch({ history: delivery.webhookId, dstatus: null, devent: null, dsort: null, delivery: null })
          }}
        />
      ) : null}
    </PinnedDeliveriesProvider>
  )
}

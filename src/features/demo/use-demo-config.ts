import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useSyncExternalStore } from 'react'
import type { DemoConfig, DemoControl } from './demo-control'

/** The mock's configuration, kept up to date as the controls (or window.mockTenant) change it. */
export function useDemoConfig(control: DemoControl): DemoConfig {
  return useSyncExternalStore(control.subscribe, control.getConfig)
}

/**
 * Whenever the mock's data changes by itself (live traffic) or through the
 * demo controls (persona, receivers), everything on screen is fetched again,
 * so that histories, health and auto-disable move while someone watches.
 */
export function useRefetchOnDemoChange(control: DemoControl): void {
  const queryClient = useQueryClient()
  useEffect(() => control.subscribe(() => void queryClient.invalidateQueries()), [control, queryClient])
}

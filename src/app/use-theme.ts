import { useSyncExternalStore } from 'react'
import { shownTheme, subscribeTheme, type Theme } from './theme'

export function useTheme(): Theme {
  return useSyncExternalStore(subscribeTheme, shownTheme, () => 'light')
}

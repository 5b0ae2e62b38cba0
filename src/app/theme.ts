// The console's colour theme. It follows the system (prefers-color-scheme)
// until the person picks one with the header's "Dark theme" button; that
// choice is a display preference, the only thing kept under this key.

export type Theme = 'light' | 'dark'

export const THEME_KEY = 'qlik-webhooks-console/theme'

const darkQuery = () => (typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined)

function storedChoice(): Theme | undefined {
  try {
    const value = localStorage.getItem(THEME_KEY)
    return value === 'dark' || value === 'light' ? value : undefined
  } catch {
    // Storage can be off (privacy settings): the system's theme still applies.
    return undefined
  }
}

export function currentTheme(): Theme {
  return storedChoice() ?? (darkQuery()?.matches ? 'dark' : 'light')
}

const listeners = new Set<() => void>()

function apply() {
  document.documentElement.dataset.theme = currentTheme()
  listeners.forEach((listener) => listener())
}

/** Sets the theme on <html> now and whenever the system's, or another tab's, choice changes. */
export function startTheme(): void {
  apply()
  darkQuery()?.addEventListener('change', apply)
  window.addEventListener('storage', (event) => {
    if (event.key === THEME_KEY || event.key === null) apply()
  })
}

export function chooseTheme(theme: Theme): void {
  try {
    localStorage.setItem(THEME_KEY, theme)
  } catch {
    // Not remembered, but still applied for this page.
  }
  document.documentElement.dataset.theme = theme
  listeners.forEach((listener) => listener())
}

export function subscribeTheme(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The theme showing now. */
export const shownTheme = (): Theme => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light')

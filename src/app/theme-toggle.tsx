import { Button } from '../components/ui/button'
import { chooseTheme } from './theme'
import { useTheme } from './use-theme'

/** "Dark theme", pressed while the dark theme shows, whether the system or the person chose it. */
export function ThemeToggle() {
  const dark = useTheme() === 'dark'
  return (
    <Button className="theme-toggle" aria-pressed={dark} onClick={() => chooseTheme(dark ? 'light' : 'dark')}>
      <span aria-hidden="true" className="theme-toggle-icon">
        {dark ? '☾' : '☀'}
      </span>{' '}
      Dark theme
    </Button>
  )
}

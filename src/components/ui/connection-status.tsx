import { useOnline } from '../../lib/online'

/**
 * The shell's connection state. Always in the page, so that a screen reader
 * hears the change; empty while online, since that is the normal state.
 */
export function ConnectionStatus() {
  const online = useOnline()
  return (
    <span role="status" className="connection-state">
      {online ? '' : 'Offline: changes wait until the connection is back'}
    </span>
  )
}

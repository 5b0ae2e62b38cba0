import { Button } from './button'

type ErrorStateProps = {
  title: string
  message: string
  /** The API's trace id, for a support request. */
  traceId?: string
  onRetry?: () => void
  retrying?: boolean
}

/** A failed load, said the same way everywhere: what failed, why, the trace id, and Retry when it can help. */
export function ErrorState({ title, message, traceId, onRetry, retrying }: ErrorStateProps) {
  return (
    <div role="alert" className="error-state">
      <p className="error-title">{title}</p>
      <p>{message}</p>
      {traceId ? (
        <p className="error-trace">
          Trace ID: <code>{traceId}</code>
        </p>
      ) : null}
      {onRetry ? (
        <Button onClick={onRetry} disabled={retrying}>
          Retry
        </Button>
      ) : null}
    </div>
  )
}

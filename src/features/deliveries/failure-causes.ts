import type { Delivery } from '../../api'

// Why deliveries failed, grouped so that an admin sees the fix rather than
// a list of errors. The API records only the receiver's HTTP status (when
// it answered) and a status message, so those two decide.

export type FailureCause = 'server' | 'client' | 'auth' | 'timeout' | 'tls' | 'redirect' | 'other'

export const FAILURE_CAUSES: Record<FailureCause, { label: string; hint: string }> = {
  server: {
    label: '5xx from the receiver',
    hint: 'The receiver failed while handling the event: check its logs and that it is up.',
  },
  client: {
    label: '4xx from the receiver',
    hint: 'The receiver rejected the request: check the URL path (404, 410) and what the receiver expects.',
  },
  auth: {
    label: '401/403 from the receiver',
    hint: 'The receiver refused the credentials: check the Authorization header.',
  },
  timeout: {
    label: 'Timeout',
    hint: 'The receiver took too long to answer: answer at once and do the work afterwards.',
  },
  tls: {
    label: 'TLS or certificate',
    hint: 'The receiver’s certificate is expired or not trusted: renew it or fix its chain.',
  },
  redirect: {
    label: 'Redirect',
    hint: 'Qlik does not follow redirects: set the final URL.',
  },
  other: {
    label: 'Other',
    hint: 'See the status message of the failed deliveries.',
  },
}

type Classifiable = Pick<Delivery, 'statusMessage' | 'response'>

export function classifyFailure(delivery: Classifiable): FailureCause {
  const code = delivery.response?.statusCode
  const message = delivery.statusMessage ?? ''
  if (code === 401 || code === 403) return 'auth'
  if (code !== undefined && code >= 300 && code < 400) return 'redirect'
  if (code !== undefined && code >= 400 && code < 500) return 'client'
  if (code !== undefined && code >= 500 && code < 600) return 'server'
  // Without an HTTP answer, the message says what went wrong on the way.
  if (/\b(tls|ssl|x509|certificate)\b/i.test(message)) return 'tls'
  if (/time[d\s-]*out/i.test(message)) return 'timeout'
  if (/\bredirect/i.test(message)) return 'redirect'
  const inMessage = /\bHTTP (\d{3})\b/.exec(message)?.[1]
  if (inMessage) return classifyFailure({ response: { statusCode: Number(inMessage) } })
  return 'other'
}

export type FailureGroup = {
  cause: FailureCause
  label: string
  hint: string
  count: number
  /** The newest failure of this cause. */
  latest: Pick<Delivery, 'id' | 'triggeredAt' | 'statusMessage'>
}

/** Failed deliveries by cause, the most frequent first (ties: the most recent first). */
export function groupFailures(deliveries: readonly Pick<Delivery, 'id' | 'status' | 'triggeredAt' | 'statusMessage' | 'response'>[]) {
  const groups = new Map<FailureCause, FailureGroup>()
  for (const delivery of deliveries) {
    if (delivery.status !== 'fail') continue
    const cause = classifyFailure(delivery)
    const group = groups.get(cause)
    if (!group) {
      groups.set(cause, { cause, ...FAILURE_CAUSES[cause], count: 1, latest: delivery })
      continue
    }
    group.count += 1
    if (delivery.triggeredAt > group.latest.triggeredAt) group.latest = delivery
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.latest.triggeredAt.localeCompare(a.latest.triggeredAt))
}

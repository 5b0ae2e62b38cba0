import { useQuery } from '@tanstack/react-query'
import { useId, useMemo, useState } from 'react'
import { isApiError, OMITTED_HEADER_VALUE, type Delivery } from '../../api'
import { describeError } from '../../wording/describe-error'
import { Button } from '../../components/ui/button'
import { Dialog } from '../../components/ui/dialog'
import { ErrorState } from '../../components/ui/error-state'
import { JsonTree } from '../../components/ui/json-tree'
import { detectPayloadFormat } from '../../lib/cloudevents'
import { headerValue } from '../../lib/hmac'
import { truncateText } from '../../lib/json-tree'
import { formatUtc } from '../../lib/relative-time'
import { CopyCurlButton } from './copy-curl-button'
import { PayloadFormatInfo } from './payload-format'
import { useEventTitle } from './event-title'
import { deliveryQuery } from './queries'
import { SignatureCheck } from './signature-check'

/** Raw text shown before "Show all": a 1 MB line costs layout time for nothing. */
const RAW_PREVIEW_CHARS = 20_000

type PayloadViewerProps = { webhookId: string; deliveryId: string; onClose: () => void }

/** One delivery in full: request, response, payload format and a signature check. Its own link: `?history=<id>&delivery=<id>`. */
export function PayloadViewer({ webhookId, deliveryId, onClose }: PayloadViewerProps) {
  const query = useQuery(deliveryQuery(webhookId, deliveryId))
  const delivery = query.data
  const title = useEventTitle()
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      size="large"
      title={delivery ? `Delivery of ${title(delivery.eventType) ?? delivery.eventType}` : 'Delivery'}
      description={
        delivery
          ? `${title(delivery.eventType) ? `${delivery.eventType}. ` : ''}${delivery.status === 'success' ? 'Succeeded' : delivery.status === 'fail' ? 'Failed' : `Status “${delivery.status}”`}, triggered ${formatUtc(delivery.triggeredAt)}. Delivery id ${delivery.id}.`
          : undefined
      }
    >
      <div className="viewer-close">
        <Button onClick={onClose}>Close</Button>
      </div>
      {query.isPending ? (
        <p role="status">Loading the delivery…</p>
      ) : query.isError ? (
        <ErrorState
          title={
            isApiError(query.error) && query.error.status === 404
              ? 'This delivery is not available: it may be older than the 7 days Qlik keeps.'
              : 'Could not load the delivery.'
          }
          message={describeError(query.error)}
          traceId={isApiError(query.error) ? query.error.traceId : undefined}
        />
      ) : (
        <DeliveryDetails delivery={query.data} />
      )}
    </Dialog>
  )
}

function DeliveryDetails({ delivery }: { delivery: Delivery }) {
  const body = delivery.request?.body
  // The API returns the body parsed; Qlik signs the compact JSON it sent, which JSON.stringify gives back.
  const rawBody = useMemo(() => (body === undefined ? undefined : JSON.stringify(body)), [body])
  const format = detectPayloadFormat(body)
  const signature = headerValue(delivery.request?.headers, 'Qlik-Signature')
  const ids = useId()

  return (
    <div className="viewer">
      <section aria-labelledby={`${ids}-request`}>
        <h3 id={`${ids}-request`}>Request</h3>
        <dl className="viewer-facts">
          <dt>URL</dt>
          <dd>
            <code className="break">{delivery.request?.url ?? 'not recorded'}</code>
          </dd>
          <dt>Status message</dt>
          <dd>{delivery.statusMessage || <span className="muted">none</span>}</dd>
        </dl>
        <CopyCurlButton delivery={delivery} />
        <h4>Headers</h4>
        <HeadersTable headers={delivery.request?.headers} caption="Request headers" explain />
        <h4>Body</h4>
        {body === undefined || rawBody === undefined ? (
          <p className="muted">No body recorded.</p>
        ) : (
          <BodyView value={body} raw={rawBody} label="Request body" />
        )}
      </section>

      <section aria-labelledby={`${ids}-format`}>
        <h3 id={`${ids}-format`}>Payload format</h3>
        <PayloadFormatInfo body={body} format={format} />
      </section>

      <section aria-labelledby={`${ids}-signature`}>
        <h3 id={`${ids}-signature`}>Signature check</h3>
        <p className="muted">
          {signature ? (
            <>
              Qlik-Signature: <code className="break">{signature}</code>
            </>
          ) : (
            'This delivery has no Qlik-Signature header.'
          )}
        </p>
        <SignatureCheck rawBody={rawBody} signature={signature} />
      </section>

      <section aria-labelledby={`${ids}-response`}>
        <h3 id={`${ids}-response`}>Response</h3>
        <dl className="viewer-facts">
          <dt>HTTP status</dt>
          <dd>{delivery.response?.statusCode ?? 'No HTTP answer'}</dd>
        </dl>
        <h4>Headers</h4>
        <HeadersTable headers={delivery.response?.headers} caption="Response headers" />
        <h4>Body</h4>
        <ResponseBody text={delivery.response?.body} />
      </section>
    </div>
  )
}

const QLIK_HEADERS: Record<string, string> = {
  'qlik-signature': 'HMAC-SHA256 of the body, keyed with the webhook’s secret',
  'user-agent': 'Set by Qlik',
  'content-type': 'Set by Qlik',
  'accept-encoding': 'Set by Qlik',
}

function HeadersTable({ headers, caption, explain }: { headers: Record<string, string> | undefined; caption: string; explain?: boolean }) {
  const entries = Object.entries(headers ?? {})
  if (!entries.length) return <p className="muted">None recorded.</p>
  return (
    <table className="headers-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
          {explain ? <th scope="col">About</th> : null}
        </tr>
      </thead>
      <tbody>
        {entries.map(([name, value]) => {
          const encrypted = value === OMITTED_HEADER_VALUE
          return (
            <tr key={name}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td>
                {encrypted ? <span className="encrypted-value">Encrypted, never revealed</span> : <code className="break">{value}</code>}
              </td>
              {explain ? <td>{encrypted ? 'Encrypted custom header' : (QLIK_HEADERS[name.toLowerCase()] ?? 'Custom header')}</td> : null}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

function BodyView({ value, raw, label }: { value: unknown; raw: string; label: string }) {
  const [showRaw, setShowRaw] = useState(false)
  const [copied, setCopied] = useState<'' | 'copied' | 'failed'>('')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(raw)
      setCopied('copied')
    } catch {
      setCopied('failed')
    }
  }
  return (
    <div className="body-view" role="group" aria-label={label}>
      <div className="body-toolbar">
        <Button onClick={() => void copy()}>Copy body</Button>
        <Button aria-pressed={showRaw} onClick={() => setShowRaw(!showRaw)}>
          Raw view
        </Button>
        <span role="status" className="muted">
          {copied === 'copied' ? 'Body copied.' : copied === 'failed' ? 'This browser did not allow copying; use the raw view.' : ''}{' '}
          {`${new Blob([raw]).size.toLocaleString('en')} bytes`}
        </span>
      </div>
      {showRaw ? <RawText text={raw} label={`${label}, raw`} /> : <JsonTree value={value} label={label} />}
    </div>
  )
}

function RawText({ text, label }: { text: string; label: string }) {
  const [full, setFull] = useState(false)
  const cut = full ? { text, omitted: 0 } : truncateText(text, RAW_PREVIEW_CHARS)
  return (
    <>
      {/* Focusable so that the scrollable text can be scrolled with the keyboard. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <pre className="raw-text" role="region" tabIndex={0} aria-label={label}>
        {cut.text}
        {cut.omitted ? '…' : null}
      </pre>
      {cut.omitted ? <Button onClick={() => setFull(true)}>Show all ({cut.omitted.toLocaleString('en')} more characters)</Button> : null}
    </>
  )
}

function ResponseBody({ text }: { text: string | undefined }) {
  const parsed = useMemo(() => {
    if (!text || !/^\s*[[{]/.test(text)) return undefined
    try {
      return { value: JSON.parse(text) as unknown }
    } catch {
      return undefined
    }
  }, [text])
  if (!text) return <p className="muted">Empty.</p>
  if (parsed) return <BodyView value={parsed.value} raw={text} label="Response body" />
  return <RawText text={text} label="Response body" />
}

import { useId, useState, type FormEvent } from 'react'
import { Button } from '../../components/ui/button'
import { verifyQlikSignature, type SignatureCheck as Result } from '../../lib/hmac'

type SignatureCheckProps = {
  /** The exact body string that was signed. */
  rawBody: string | undefined
  /** The delivery's `Qlik-Signature` header, if any. */
  signature: string | undefined
}

/**
 * Checks `Qlik-Signature` against a secret typed here. The secret lives in
 * this component's state only: never in the URL, the query cache, storage
 * or a log, and it is gone when the viewer closes (this unmounts).
 */
export function SignatureCheck({ rawBody, signature }: SignatureCheckProps) {
  const [secret, setSecret] = useState('')
  const [error, setError] = useState('')
  const [result, setResult] = useState<Result | null>(null)
  const [checking, setChecking] = useState(false)
  const id = useId()

  const check = async (event: FormEvent) => {
    event.preventDefault()
    setResult(null)
    if (!secret) {
      setError('Enter the webhook’s secret to check the signature.')
      return
    }
    if (rawBody === undefined) {
      setError('This delivery has no recorded body to check.')
      return
    }
    setError('')
    setChecking(true)
    try {
      setResult(await verifyQlikSignature(secret, rawBody, signature))
    } catch {
      setError('This browser could not compute HMAC-SHA256 (Web Crypto is only available on https pages and localhost).')
    } finally {
      setChecking(false)
    }
  }

  return (
    <form className="signature-check" onSubmit={(event) => void check(event)} noValidate autoComplete="off">
      <div className="delivery-field">
        <label htmlFor={`${id}-secret`} className="field-label">
          Webhook secret
        </label>
        <input
          id={`${id}-secret`}
          className="input signature-input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={secret}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onChange={(event) => {
            setSecret(event.target.value)
            setResult(null)
            setError('')
          }}
        />
      </div>
      <p id={`${id}-hint`} className="muted signature-hint">
        Computed in this browser: the secret is not sent, stored or logged, and is cleared when this viewer closes.
      </p>
      {error ? (
        <p id={`${id}-error`} className="signature-error">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={checking}>
        Check signature
      </Button>
      <div role="status" className="signature-result-region">
        {result ? <SignatureResult result={result} /> : null}
      </div>
    </form>
  )
}

function SignatureResult({ result }: { result: Result }) {
  switch (result.result) {
    case 'match':
      return (
        <p className="signature-result signature-match">
          <strong>Signature matches.</strong> Qlik-Signature is the HMAC-SHA256 of this body with this secret.
        </p>
      )
    case 'mismatch':
      return (
        <p className="signature-result signature-mismatch">
          <strong>Signature does not match.</strong> Either the secret is not the one this delivery was signed with (it may have changed
          since), or the body differs from what was signed.
        </p>
      )
    case 'no-signature':
      return (
        <p className="signature-result signature-none">
          <strong>No signature.</strong> This delivery carries no Qlik-Signature header: the webhook had no secret when it was sent.
        </p>
      )
  }
}

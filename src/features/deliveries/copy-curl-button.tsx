import { useState } from 'react'
import type { Delivery } from '../../api'
import { Button } from '../../components/ui/button'
import { toCurl } from './curl'

/** "Copy as cURL": the request as Qlik sent it, encrypted values left **OMITTED**. */
export function CopyCurlButton({ delivery }: { delivery: Pick<Delivery, 'id' | 'request'> }) {
  const [state, setState] = useState<'' | 'copied' | 'failed'>('')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(toCurl(delivery))
      setState('copied')
    } catch {
      setState('failed')
    }
  }
  return (
    <div className="body-toolbar">
      <Button onClick={() => void copy()}>Copy as cURL</Button>
      <span role="status" className="muted">
        {state === 'copied'
          ? 'cURL command copied. Qlik-Signature verifies only with the webhook’s secret; encrypted values are **OMITTED**.'
          : state === 'failed'
            ? 'This browser did not allow copying.'
            : ''}
      </span>
    </div>
  )
}

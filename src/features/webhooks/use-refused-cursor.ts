import { useEffect, useState } from 'react'
import { isApiError } from '../../api'
import { setSearch } from '../../lib/url-state'

// A page cursor lives in the URL, so a hand-edited or old link can carry one
// the API no longer takes (the mock answers 400; a tenant's cursors may
// expire). Such a link would otherwise open on an error with no way forward
// but editing the address.

/** What the notice says after a refused cursor took the table back to its first page. */
export function refusedCursorNotice(error: unknown): string {
  const why = error instanceof Error ? ` (${error.message})` : ''
  return `That page of webhooks could not be opened: the API refused its page cursor${why}. Showing the first page instead.`
}

const isRefusal = (error: unknown) => isApiError(error) && error.status === 400

/**
 * When the list answer for a page cursor is a refusal, drops the cursor from the
 * URL (replacing the entry, so that Back does not lead to the same dead link)
 * and returns the notice to show until the view changes again or it is dismissed.
 */
export function useRefusedCursor({ hasCursor, error, params }: { hasCursor: boolean; error: unknown; params: URLSearchParams }) {
  const refused = hasCursor && isRefusal(error)
  const [notice, setNotice] = useState<{ text: string; search: string; error: unknown } | undefined>()

  // Noted while rendering the refusal, so that the notice is there in the same
  // render as the first page; it belongs to that view (the URL without a cursor) only.
  if (refused && notice?.error !== error) setNotice({ text: refusedCursorNotice(error), search: withoutCursor(params), error })

  useEffect(() => {
    if (refused) setSearch({ next: null, prev: null }, 'replace')
  }, [refused])

  return {
    /** True while the refusal is being replaced by the first page: not an error to show. */
    refused,
    notice: notice && notice.search === params.toString() ? notice.text : undefined,
    dismiss: () => setNotice(undefined),
  }
}

function withoutCursor(params: URLSearchParams): string {
  const rest = new URLSearchParams(params)
  rest.delete('next')
  rest.delete('prev')
  return rest.toString()
}

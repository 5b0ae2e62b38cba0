import { useId } from 'react'
import type { Links } from '../../api'
import { Button } from '../../components/ui/button'
import { setSearch } from '../../lib/url-state'
import { PAGE_SIZES, pageSizeUpdate, pageUpdate, type PageSize } from './table-state'

type WebhooksPaginationProps = { limit: PageSize; links: Links | undefined }

/** Cursor paging as the API offers it: Previous and Next, no page numbers (there is no total). */
export function WebhooksPagination({ limit, links }: WebhooksPaginationProps) {
  const sizeId = useId()
  const go = (direction: 'next' | 'prev') => {
    const href = links?.[direction]?.href
    const update = href ? pageUpdate(direction, href) : undefined
    if (update) setSearch(update)
  }
  return (
    <nav className="pagination" aria-label="Pages of webhooks">
      <div className="filter-field pagination-size">
        <label htmlFor={sizeId} className="field-label">
          Rows per page
        </label>
        <select
          id={sizeId}
          className="input"
          value={limit}
          onChange={(event) => setSearch(pageSizeUpdate(Number(event.target.value) as PageSize))}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      {/* aria-disabled, not disabled: the button keeps focus when the last page is reached. */}
      <Button aria-disabled={!links?.prev} onClick={() => go('prev')}>
        Previous
      </Button>
      <Button aria-disabled={!links?.next} onClick={() => go('next')}>
        Next
      </Button>
    </nav>
  )
}

import type { Links } from '../../api'
import { Button } from '../../components/ui/button'
import { SelectField } from '../../components/ui/select-field'
import { setSearch } from '../../lib/url-state'
import { PAGE_SIZES, pageSizeUpdate, pageUpdate, type PageSize } from './table-state'

const sizeOptions = PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))

type WebhooksPaginationProps = { limit: PageSize; links: Links | undefined }

/** Cursor paging as the API offers it: Previous and Next, no page numbers (there is no total). */
export function WebhooksPagination({ limit, links }: WebhooksPaginationProps) {
  const go = (direction: 'next' | 'prev') => {
    const href = links?.[direction]?.href
    const update = href ? pageUpdate(direction, href) : undefined
    if (update) setSearch(update)
  }
  return (
    <nav className="pagination" aria-label="Pages of webhooks">
      <SelectField
        className="filter-field pagination-size"
        label="Rows per page"
        value={String(limit)}
        options={sizeOptions}
        onChange={(value) => value && setSearch(pageSizeUpdate(Number(value) as PageSize))}
      />
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

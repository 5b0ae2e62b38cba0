import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import { Profiler, type ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { Webhook } from '../../api'
import { SEED_WEBHOOKS } from '../../../mocks/seed'
import type * as Columns from './webhook-columns'
import { WebhooksDialogsProvider } from './webhooks-dialogs-provider'
import { WebhooksTable } from './webhooks-table'

// Counts how often each row's cells render: the Name column's renderer is
// wrapped, and it runs once per rendered row.
const renders = vi.hoisted(() => ({ name: [] as string[] }))
vi.mock('./webhook-columns', async (importOriginal) => {
  const original = await importOriginal<typeof Columns>()
  const counted = (columns: Columns.WebhookColumn[]) =>
    columns.map((column) => {
      if (!('accessorKey' in column) || column.accessorKey !== 'name' || typeof column.cell !== 'function') return column
      const cell = column.cell
      return { ...column, cell: (info: Parameters<typeof cell>[0]) => (renders.name.push(info.row.id), cell(info)) }
    })
  return { ...original, webhookColumnsWith: (extra?: Columns.WebhookColumn[]) => counted(original.webhookColumnsWith(extra)) }
})

// As a new query answers: every webhook a fresh object parsed from JSON.
const answer = (webhooks: readonly Webhook[]): Webhook[] => JSON.parse(JSON.stringify(webhooks))
const seeded = SEED_WEBHOOKS.slice(0, 6).map(({ secret: _s, encryptedHeaders: _e, ...rest }) => rest as Webhook)

function setup(rows: Webhook[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  let commits = 0
  const ui = (rows: Webhook[]): ReactNode => (
    <QueryClientProvider client={client}>
      <WebhooksDialogsProvider>
        <Profiler id="webhooks-table" onRender={() => (commits += 1)}>
          <WebhooksTable
            labelledBy="heading"
            rows={rows}
            sort={{ field: 'name', direction: 'asc' } as never}
            onSortChange={vi.fn()}
            expandedId={undefined}
            renderExpanded={() => null}
            empty={<p>None</p>}
          />
        </Profiler>
      </WebhooksDialogsProvider>
    </QueryClientProvider>
  )
  const view = render(ui(rows))
  return {
    update(next: Webhook[]) {
      renders.name.length = 0
      const before = commits
      view.rerender(ui(next))
      return { rowsRendered: [...renders.name], commits: commits - before }
    },
  }
}

const rowNames = () =>
  within(screen.getByRole('table'))
    .getAllByRole('button', { name: /^More actions for / })
    .map((button) => button.getAttribute('aria-label')!.replace('More actions for ', ''))

describe('webhooks table rows render only when their data changes', () => {
  it('a new sort order (new objects, same data) moves the rows without rendering any of them', () => {
    const table = setup(answer(seeded))
    const reversed = answer(seeded).reverse()
    const result = table.update(reversed)
    // Two commits: the urgent one keeps the rows as they were, the deferred one moves them.
    expect(result.commits).toBe(2)
    expect(result.rowsRendered).toEqual([])
    expect(rowNames()).toEqual(reversed.map((w) => w.name))
  })

  it('a filter renders none of the rows it keeps', () => {
    const table = setup(answer(seeded))
    const result = table.update(answer(seeded.filter((_, i) => i % 2 === 0)))
    expect(result.rowsRendered).toEqual([])
    expect(rowNames()).toHaveLength(3)
  })

  it('a page renders only the webhooks it brings', () => {
    const table = setup(answer(seeded.slice(0, 3)))
    const result = table.update(answer(seeded.slice(2, 6)))
    expect(result.rowsRendered.sort()).toEqual(
      seeded
        .slice(3, 6)
        .map((w) => w.id)
        .sort(),
    )
  })

  it('a webhook whose data changed renders again, and only it', () => {
    const table = setup(answer(seeded))
    const next = answer(seeded)
    next[1] = { ...next[1]!, name: 'Renamed', enabled: !next[1]!.enabled }
    const result = table.update(next)
    expect(result.rowsRendered).toEqual([seeded[1]!.id])
    expect(rowNames()[1]).toBe('Renamed')
  })
})

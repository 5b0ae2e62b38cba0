import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { JsonTree } from './json-tree'

describe('JsonTree', () => {
  it('shows the first level open and deeper levels closed', () => {
    render(<JsonTree label="Body" value={{ id: 'e1', data: { name: 'Sales', size: { file: 1 } } }} />)
    const root = screen.getByRole('button', { name: '{ 2 keys }' })
    expect(root).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByText('"e1"')).toBeInTheDocument()
    const data = screen.getByRole('button', { name: /"data".*2 keys/ })
    expect(data).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByText('"Sales"')).not.toBeInTheDocument()
  })

  it('opens and closes a node with the keyboard alone', async () => {
    const user = userEvent.setup()
    render(<JsonTree label="Body" value={{ data: { name: 'Sales' } }} />)
    await user.tab()
    await user.tab()
    const data = screen.getByRole('button', { name: /"data"/ })
    expect(data).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(data).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByText('"Sales"')).toBeInTheDocument()
    await user.keyboard(' ')
    expect(data).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByText('"Sales"')).not.toBeInTheDocument()
  })

  it('renders a large array a page at a time', async () => {
    const user = userEvent.setup()
    const items = Array.from({ length: 10_000 }, (_, i) => `item-${i}`)
    render(<JsonTree label="Body" value={items} pageSize={50} />)
    const list = screen.getByRole('list', { name: 'Body' })
    expect(within(list).getAllByRole('listitem')).toHaveLength(1 + 50 + 1)
    expect(screen.getByText('"item-49"')).toBeInTheDocument()
    expect(screen.queryByText('"item-50"')).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Show 50 more (9950 not shown)' }))
    expect(screen.getByText('"item-99"')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Show 50 more (9900 not shown)' })).toBeInTheDocument()
  })

  it('cuts a long string and shows all of it on request', async () => {
    const user = userEvent.setup()
    render(<JsonTree label="Body" value={{ blob: 'x'.repeat(2000) }} maxStringLength={100} />)
    expect(screen.getByText(/^"x+…$/).textContent).toHaveLength(101)
    await user.click(screen.getByRole('button', { name: 'Show all (1902 more characters)' }))
    expect(screen.getByText(`"${'x'.repeat(2000)}"`)).toBeInTheDocument()
  })

  it('shows markup in strings and keys as text, never as elements', () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(1)</script>'
    const { container } = render(<JsonTree label="Body" value={{ [hostile]: hostile }} />)
    expect(container.querySelector('img, script')).toBeNull()
    expect(screen.getAllByText(JSON.stringify(hostile))).toHaveLength(2)
  })

  it('shows empty containers and every scalar kind without a toggle', () => {
    render(<JsonTree label="Body" value={{ a: [], b: {}, c: null, d: true, e: 1.5 }} />)
    expect(screen.getAllByRole('button')).toHaveLength(1)
    expect(screen.getByText('[]')).toBeInTheDocument()
    expect(screen.getByText('{}')).toBeInTheDocument()
    expect(screen.getByText('null')).toBeInTheDocument()
    expect(screen.getByText('true')).toBeInTheDocument()
    expect(screen.getByText('1.5')).toBeInTheDocument()
  })
})

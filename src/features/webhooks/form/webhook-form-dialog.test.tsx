import { onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { configureApi } from '../../../api'
import { db } from '../../../../mocks/db'
import { mockServer } from '../../../../mocks/node'
import { SEED_SECRETS } from '../../../../mocks/seed'
import { webhookKeys } from '../queries'
import { WebhookFormDialog } from './webhook-form-dialog'

let client: QueryClient
const sent: { method: string; url: string; body: unknown }[] = []

function renderAt(search: string) {
  history.replaceState(null, '', `/${search}`)
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={client}>
      <WebhookFormDialog />
    </QueryClientProvider>,
  )
  return userEvent.setup()
}

beforeEach(() => {
  sent.length = 0
  mockServer.events.on('request:start', async ({ request }) => {
    if (request.method === 'GET') return
    const text = await request.clone().text()
    sent.push({ method: request.method, url: request.url, body: text ? JSON.parse(text) : undefined })
  })
})
afterEach(() => {
  onlineManager.setOnline(true)
  mockServer.events.removeAllListeners()
  history.replaceState(null, '', '/')
})

async function fillValidCreate(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Name'), 'Ops alerts')
  await user.click(screen.getByLabelText('URL'))
  await user.paste('https://ops.example.com/qlik')
  await user.click(await screen.findByRole('checkbox', { name: 'App created' }))
}

// A whole form typed key by key in jsdom takes a few seconds on a small machine.
describe('WebhookFormDialog', { timeout: 20_000 }, () => {
  it('renders nothing without create or edit in the URL', () => {
    renderAt('')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('opens the create form on ?create=1 with every labelled field', async () => {
    renderAt('?create=1')
    await screen.findByRole('dialog', { name: 'Create webhook' })
    for (const label of ['Name', 'Description', 'URL', 'Secret', 'Filter']) expect(screen.getByLabelText(label)).toBeInTheDocument()
    for (const name of ['Headers', 'Events', 'Level']) expect(screen.getByRole('group', { name })).toBeInTheDocument()
    expect(screen.getByRole('checkbox', { name: 'Enabled' })).toBeChecked()
    expect(screen.getByRole('checkbox', { name: 'Check certificate revocation' })).not.toBeChecked()
    expect(screen.getByRole('switch', { name: 'CloudEvents delivery' })).toBeChecked()
    expect(screen.getByRole('button', { name: 'Create' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument()
    expect(screen.getByText(/does not follow redirects/)).toBeInTheDocument()
  })

  it('creates a webhook with the full body, enabled, and closes', async () => {
    const user = renderAt('?create=1')
    await fillValidCreate(user)
    await user.click(screen.getByRole('button', { name: 'Generate' }))
    const secret = (screen.getByLabelText('Secret') as HTMLInputElement).value
    expect(secret).toMatch(/^[A-Za-z0-9]{48}$/)
    expect(within(screen.getByRole('group', { name: 'Generated secret' })).getByText(secret)).toBeInTheDocument()
    expect(screen.getByText('48 of 32–64 characters')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Add header' }))
    await user.type(screen.getByRole('textbox', { name: 'Header 1 name' }), 'Authorization')
    await user.type(screen.getByLabelText('Header 1 value'), 'Bearer abc')
    await user.click(screen.getByRole('checkbox', { name: 'Encrypt header 1' }))
    await user.click(screen.getByRole('button', { name: 'Create' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(location.search).toBe('')
    const post = sent.find((r) => r.method === 'POST')!
    expect(post.body).toEqual({
      name: 'Ops alerts',
      url: 'https://ops.example.com/qlik',
      eventTypes: ['com.qlik.v1.app.created'],
      level: 'tenant',
      secret,
      enabled: true,
      encryptedHeaders: { Authorization: 'Bearer abc' },
      enableCloudEventDelivery: true,
      checkCertificateRevocation: false,
    })
    const stored = db.state.webhooks.find((w) => w.name === 'Ops alerts')!
    expect(stored).toMatchObject({ enabled: true, secret, encryptedHeaders: { Authorization: 'Bearer abc' } })
    // Neither the secret nor the encrypted value is anywhere in react-query's caches.
    const cached = JSON.stringify([
      client
        .getQueryCache()
        .getAll()
        .map((q) => q.state),
      client
        .getMutationCache()
        .getAll()
        .map((m) => m.state),
    ])
    expect(cached).not.toContain(secret)
    expect(cached).not.toContain('Bearer abc')
  })

  it('refuses bad input with specific messages and keeps what was typed', async () => {
    const user = renderAt('?create=1')
    await fillValidCreate(user)
    const url = screen.getByLabelText('URL')
    await user.clear(url)
    await user.type(url, 'https://192.168.1.10')
    await user.type(screen.getByLabelText('Secret'), 'a'.repeat(31))
    await user.click(screen.getByRole('button', { name: 'Add header' }))
    await user.type(screen.getByRole('textbox', { name: 'Header 1 name' }), 'X-Key')
    await user.click(screen.getByRole('button', { name: 'Add header' }))
    await user.type(screen.getByRole('textbox', { name: 'Header 2 name' }), 'x-key')
    await user.type(screen.getByLabelText('Filter'), "spaceId eq 'a'")
    await user.click(screen.getByRole('button', { name: 'Create' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('correct the fields marked below')
    expect(screen.getByLabelText('URL')).toHaveAccessibleDescription(/192\.168\.1\.10" is an IP address/)
    expect(screen.getByLabelText('Secret')).toHaveAccessibleDescription(/32 to 64 characters \(code points\) long; it has 31/)
    expect(screen.getByRole('textbox', { name: 'Header 2 name' })).toHaveAccessibleDescription(/more than once/)
    expect(screen.getByLabelText('Filter')).toHaveAccessibleDescription(/double quotes/)
    expect(screen.getByLabelText('URL')).toHaveValue('https://192.168.1.10')
    expect(screen.getByLabelText('Secret')).toHaveValue('a'.repeat(31))
    expect(screen.getByLabelText('Name')).toHaveValue('Ops alerts')
    expect(sent).toEqual([])
  })

  it('disables events the level does not offer, with the reason, and refuses a selected one', async () => {
    const user = renderAt('?create=1')
    await fillValidCreate(user)
    await user.click(screen.getByRole('checkbox', { name: 'App deleted' }))
    await user.click(screen.getByRole('radio', { name: 'User' }))
    const deleted = screen.getByRole('checkbox', { name: 'App deleted' })
    expect(deleted).toBeEnabled()
    expect(deleted).toHaveAccessibleDescription(/not available for user-level/)
    expect(screen.getByRole('checkbox', { name: 'User created' })).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'Create' }))
    expect(await screen.findByText(/Unselect it or choose another level/)).toBeInTheDocument()
    await user.click(deleted)
    expect(deleted).toBeDisabled()
  })

  it('searches events and selects a whole group', async () => {
    const user = renderAt('?create=1')
    await screen.findByRole('checkbox', { name: 'App created' })
    await user.click(screen.getByRole('checkbox', { name: 'Select all Automations' }))
    expect(screen.getByRole('checkbox', { name: 'Automation run failed' })).toBeChecked()
    expect(screen.getByText(/6 selected/)).toBeInTheDocument()
    await user.type(screen.getByRole('searchbox', { name: 'Search events' }), 'reload')
    expect(screen.queryByRole('checkbox', { name: 'App created' })).toBeNull()
    expect(screen.getByRole('checkbox', { name: 'App reload finished' })).toBeInTheDocument()
  })

  it('says why the event types could not load, and Retry loads them, keeping what was typed', async () => {
    mockServer.use(
      http.get(
        '*/event-types',
        () => HttpResponse.json({ errors: [{ code: 'WEBHOOKS-500', title: 'Internal server error' }] }, { status: 500 }),
        {
          once: true,
        },
      ),
    )
    const user = renderAt('?create=1')
    const events = await screen.findByRole('group', { name: 'Events' })
    const alert = await within(events).findByRole('alert', {}, { timeout: 5000 })
    expect(alert).toHaveTextContent('Could not load the event types: Internal server error')
    await user.type(screen.getByLabelText('Name'), 'Typed before the retry')
    await user.click(screen.getByLabelText('URL'))
    await user.paste('https://ops.example.com/retry')

    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await user.click(await within(events).findByRole('checkbox', { name: 'App created' }, { timeout: 5000 }))
    expect(within(events).queryByRole('alert')).toBeNull()
    expect(screen.getByLabelText('Name')).toHaveValue('Typed before the retry')
    expect(screen.getByLabelText('URL')).toHaveValue('https://ops.example.com/retry')
    await user.click(screen.getByRole('button', { name: 'Create' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 5000 })
    expect(sent.at(-1)?.body).toMatchObject({ name: 'Typed before the retry', eventTypes: ['com.qlik.v1.app.created'] })
  })

  it('moves focus from Retry to the event search once the types have loaded', async () => {
    mockServer.use(
      http.get(
        '*/event-types',
        () => HttpResponse.json({ errors: [{ code: 'WEBHOOKS-503', title: 'Service unavailable' }] }, { status: 503 }),
        {
          once: true,
        },
      ),
    )
    const user = renderAt('?edit=wh-slack-app-events')
    const events = await screen.findByRole('group', { name: 'Events' }, { timeout: 5000 })
    const retry = await within(events).findByRole('button', { name: 'Retry' }, { timeout: 5000 })
    retry.focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(within(events).getByRole('searchbox', { name: 'Search events' })).toHaveFocus(), { timeout: 5000 })
    // The webhook's own events are the ones ticked once the catalogue is there.
    expect(within(events).getByRole('checkbox', { name: 'App created' })).toBeChecked()
    expect(within(events).getByRole('checkbox', { name: 'App published' })).toBeChecked()
    expect(within(events).getByText('2 selected.', { exact: false })).toBeInTheDocument()
  })

  it('builds a filter for these spaces', async () => {
    const user = renderAt('?create=1')
    await user.click(screen.getByText('Build a filter'))
    await user.type(screen.getByLabelText('These spaces'), 's1, s2')
    await user.click(screen.getByRole('button', { name: 'Use this filter' }))
    expect(screen.getByLabelText('Filter')).toHaveValue('spaceId eq "s1" or spaceId eq "s2"')
  })

  it('warns about a credential in a plain header', async () => {
    const user = renderAt('?create=1')
    await user.click(screen.getByRole('button', { name: 'Add header' }))
    await user.type(screen.getByRole('textbox', { name: 'Header 1 name' }), 'X-Token')
    await user.type(screen.getByLabelText('Header 1 value'), 'abc')
    expect(screen.getByLabelText('Header 1 value')).toHaveAccessibleDescription(/may be a credential. Tick Encrypt/)
  })

  it('shows a server error on the field it names and keeps every value', async () => {
    mockServer.use(
      http.post('*/api/core/webhooks', () =>
        HttpResponse.json(
          { errors: [{ code: 'WEBHOOKS-400-VALIDATION', title: 'Invalid request', detail: 'url: The host does not resolve.' }] },
          { status: 400 },
        ),
      ),
    )
    const user = renderAt('?create=1')
    await fillValidCreate(user)
    await user.click(screen.getByRole('button', { name: 'Create' }))
    await waitFor(() => expect(screen.getByLabelText('URL')).toHaveAccessibleDescription(/The host does not resolve/))
    expect(screen.getByRole('alert')).toHaveTextContent('The webhook was not saved: correct the fields marked below.')
    expect(screen.getByLabelText('URL')).toHaveValue('https://ops.example.com/qlik')
    expect(screen.getByRole('dialog')).toBeInTheDocument()
  })

  it.each([
    [500, { errors: [{ code: 'WEBHOOKS-500', title: 'Internal server error' }] }],
    [429, { errors: [{ code: 'HTTP-429', title: 'API rate limit reached.' }] }],
    [409, { errors: [{ code: 'WEBHOOKS-409-READONLY', title: 'Conflict', detail: 'id is read-only.' }] }],
    [400, { errors: [{ code: 'WEBHOOKS-400-VALIDATION', title: 'Invalid request', detail: 'url: The host does not resolve.' }] }],
  ])('moves focus to the message when the save fails with %i, and says so next to the buttons', async (status, body) => {
    mockServer.use(http.post('*/api/core/webhooks', () => HttpResponse.json(body, { status, headers: { 'Retry-After': '0' } })))
    const user = renderAt('?create=1')
    await fillValidCreate(user)
    await user.click(screen.getByRole('button', { name: 'Create' }))
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 })
    await waitFor(() => expect(alert).toHaveFocus())
    expect(alert).toHaveTextContent('The webhook was not saved')
    expect(screen.getByRole('button', { name: 'Create' })).toHaveAccessibleDescription('Not saved: see the message at the top of the form.')
    expect(screen.getByLabelText('Name')).toHaveValue('Ops alerts')
  })

  it('offline, says so, sends nothing, and creates the webhook once the connection is back', async () => {
    const user = renderAt('?create=1')
    await fillValidCreate(user)
    onlineManager.setOnline(false)
    expect(await screen.findByText('Offline: Create waits until the connection is back.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Create' }))
    expect(
      await screen.findByText('Offline: the webhook will be created as soon as the connection is back, or press Don’t send.'),
    ).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Create' })).toBeDisabled()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(sent).toEqual([])
    onlineManager.setOnline(true)
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(db.state.webhooks.filter((w) => w.name === 'Ops alerts')).toHaveLength(1)
  })

  it('offline, lets the user give up sending and keeps everything typed', async () => {
    const user = renderAt('?create=1')
    await fillValidCreate(user)
    onlineManager.setOnline(false)
    await user.click(screen.getByRole('button', { name: 'Create' }))
    await user.click(await screen.findByRole('button', { name: 'Don’t send' }))
    expect(await screen.findByText(/^Not sent: the console is offline/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Create' })).toHaveFocus()
    onlineManager.setOnline(true)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(sent).toEqual([])
    expect(screen.getByLabelText('Name')).toHaveValue('Ops alerts')
    expect(screen.getByLabelText('URL')).toHaveValue('https://ops.example.com/qlik')
  })

  it('shows an error no field owns at the top, with the trace id', async () => {
    db.state.config.quotaPerTenant = db.state.webhooks.length
    const user = renderAt('?create=1')
    await fillValidCreate(user)
    await user.click(screen.getByRole('button', { name: 'Create' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(/at most \d+ webhooks/)
    expect(alert).toHaveTextContent(/Trace ID: \w+/)
    expect(screen.getByLabelText('Name')).toHaveValue('Ops alerts')
  })

  it('learns from a 403 that tenant level is not allowed and offers user level with the reason', async () => {
    db.state.config.persona = 'user'
    const user = renderAt('?create=1')
    await fillValidCreate(user)
    await user.click(screen.getByRole('button', { name: 'Create' }))
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Tenant' })).toBeDisabled())
    expect(screen.getByRole('group', { name: 'Level' })).toHaveAccessibleDescription(/Tenant Admin role/)
    await user.click(screen.getByRole('radio', { name: 'User' }))
    await user.click(screen.getByRole('button', { name: 'Create' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(db.state.webhooks.find((w) => w.name === 'Ops alerts')?.level).toBe('user')
  })

  it('asks before dropping unsaved changes', async () => {
    const user = renderAt('?create=1')
    await user.type(await screen.findByLabelText('Name'), 'Draft')
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    const confirm = await screen.findByRole('alertdialog', { name: 'Discard your changes?' })
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(screen.getByLabelText('Name')).toHaveValue('Draft')
    await user.keyboard('{Escape}')
    await user.click(await screen.findByRole('button', { name: 'Discard changes' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(location.search).toBe('')
  })

  it('adds the permissions a refusal is about to the message at the top', async () => {
    mockServer.use(
      http.post('*/api/core/webhooks', () =>
        HttpResponse.json(
          { errors: [{ code: 'WEBHOOKS-403-FORBIDDEN', title: 'Forbidden', detail: 'No webhooks permission.' }] },
          { status: 403 },
        ),
      ),
    )
    const user = renderAt('?create=1')
    await fillValidCreate(user)
    await user.click(screen.getByRole('button', { name: 'Create' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /not saved: You do not have permission to create webhooks.*Use webhooks.*No webhooks permission/,
    )
    expect(screen.getByRole('radio', { name: 'Tenant' })).toBeEnabled()
  })

  it('closes at once when nothing changed', async () => {
    const user = renderAt('?create=1')
    await user.click(await screen.findByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })
})

describe('editing', { timeout: 20_000 }, () => {
  it('fills the form, shows that a secret is set and encrypted headers by name only', async () => {
    renderAt('?edit=wh-reload-monitor')
    await screen.findByRole('dialog', { name: 'Edit webhook' })
    expect(await screen.findByLabelText('Name')).toHaveValue('Reload monitor (errors only)')
    expect(screen.getByRole('group', { name: 'Secret' })).toHaveAccessibleDescription(/A secret is set/)
    expect(screen.getByRole('button', { name: 'Replace' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Remove' })).toBeInTheDocument()
    expect(screen.getByText('Authorization')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Delete header Authorization' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Remove value of Authorization' })).toBeInTheDocument()
    expect(document.body.textContent).not.toContain('seed-encrypted-token-1')
    expect(screen.getByRole('switch', { name: 'CloudEvents delivery' })).toBeDisabled()
    expect(screen.getByRole('switch', { name: 'CloudEvents delivery' })).toHaveAccessibleDescription(/cannot be turned off/)
    expect(screen.getByRole('button', { name: 'Save' })).toBeInTheDocument()
  })

  it('starts from the webhook as the API has it now, not from an older cached copy', async () => {
    history.replaceState(null, '', '/?edit=wh-reload-monitor')
    client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    // As if it had been read before someone else renamed it.
    client.setQueryData(webhookKeys.detail('wh-reload-monitor'), { id: 'wh-reload-monitor', name: 'Old name' })
    render(
      <QueryClientProvider client={client}>
        <WebhookFormDialog />
      </QueryClientProvider>,
    )
    expect(await screen.findByLabelText('Name')).toHaveValue('Reload monitor (errors only)')
  })

  it('sends only the changed fields in a PATCH, leaving the secret untouched', async () => {
    const user = renderAt('?edit=wh-reload-monitor')
    const name = await screen.findByLabelText('Name')
    await user.clear(name)
    await user.type(name, 'Reload errors')
    await user.click(screen.getByRole('checkbox', { name: 'Enabled' }))
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(sent).toHaveLength(1)
    expect(sent[0]!.method).toBe('PATCH')
    expect(sent[0]!.body).toEqual([
      { op: 'replace', path: '/name', value: 'Reload errors' },
      { op: 'replace', path: '/enabled', value: false },
    ])
    const stored = db.state.webhooks.find((w) => w.id === 'wh-reload-monitor')!
    expect(stored.secret).toBe(SEED_SECRETS['wh-reload-monitor'])
    expect(stored.encryptedHeaders).toEqual({ Authorization: 'Bearer seed-encrypted-token-1' })
  })

  it('says before saving that a new URL needs the encrypted headers again, and sends them together', async () => {
    const user = renderAt('?edit=wh-reload-monitor')
    const url = await screen.findByLabelText('URL')
    await user.clear(url)
    await user.type(url, 'https://alerts2.acme-corp.example.com/qlik')
    expect(screen.getByText(/URL changed.*Enter the value of "Authorization" again/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Save' }))
    const value = await screen.findByLabelText('Value of encrypted header Authorization')
    expect(value).toHaveAccessibleDescription(/Enter the value of "Authorization" again/)
    expect(sent).toEqual([])
    await user.type(value, 'Bearer rotated')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(sent[0]!.body).toEqual([
      { op: 'replace', path: '/url', value: 'https://alerts2.acme-corp.example.com/qlik' },
      { op: 'replace', path: '/encryptedHeaders', value: { Authorization: 'Bearer rotated' } },
    ])
  })

  it('replaces the secret, or removes it', async () => {
    const user = renderAt('?edit=wh-slack-app-events')
    await user.click(await screen.findByRole('button', { name: 'Remove' }))
    expect(screen.getByText(/will be removed when you save/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(sent[0]!.body).toEqual([{ op: 'remove', path: '/secret' }])
    expect(db.state.webhooks.find((w) => w.id === 'wh-slack-app-events')!.secret).toBeUndefined()
  })

  it('on Core, sends a PATCH of /filter alone when the filter changes, asking for no secret', async () => {
    const user = renderAt('?edit=wh-reload-monitor')
    const filter = await screen.findByLabelText('Filter')
    await user.clear(filter)
    await user.type(filter, 'data.status eq "ok"')
    expect(screen.queryByText(/Save replaces the whole webhook \(PUT\)/)).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(sent).toEqual([
      {
        method: 'PATCH',
        url: 'http://localhost/api/core/webhooks/wh-reload-monitor',
        body: [{ op: 'replace', path: '/filter', value: 'data.status eq "ok"' }],
      },
    ])
    expect(db.state.webhooks.find((w) => w.id === 'wh-reload-monitor')).toMatchObject({
      filter: 'data.status eq "ok"',
      secret: SEED_SECRETS['wh-reload-monitor'],
    })
  })

  it('warns of a deprecated event type, naming the old and the new, and replaces it in one click; Save patches /eventTypes', async () => {
    const user = renderAt('?edit=wh-user-provisioning')
    const notice = await screen.findByRole('group', { name: /Deprecated event types are selected/ }, { timeout: 5000 })
    expect(notice).toHaveTextContent(
      'User created (v1) (com.qlik.v1.user.created) is deprecated: it is replaced by User created (com.qlik.core.user.created).',
    )
    expect(notice).toHaveTextContent(
      'User deleted (v1) (com.qlik.v1.user.deleted) is deprecated: it is replaced by User deleted (com.qlik.core.user.deleted).',
    )
    // Every deprecated type says so in the list, selected or not.
    expect(screen.getByRole('checkbox', { name: 'API key validation failed (v1)' })).toHaveAccessibleDescription(
      'Deprecated: replaced by API key validation failed (com.qlik.core.api-key.validation.failed).',
    )
    expect(screen.getByRole('checkbox', { name: 'User created' })).not.toHaveAccessibleDescription(/Deprecated/)

    await user.click(within(notice).getByRole('button', { name: 'Replace with User created' }))
    const core = screen.getByRole('checkbox', { name: 'User created' })
    expect(core).toBeChecked()
    expect(core).toHaveFocus()
    expect(screen.getByRole('checkbox', { name: 'User created (v1)' })).not.toBeChecked()
    expect(screen.getByRole('checkbox', { name: 'User deleted (v1)' })).toBeChecked()
    expect(screen.getByText('Replaced User created (v1) with User created.')).toBeInTheDocument()
    expect(screen.getByRole('group', { name: /A deprecated event type is selected/ })).not.toHaveTextContent('com.qlik.v1.user.created')

    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(sent).toEqual([
      {
        method: 'PATCH',
        url: 'http://localhost/api/core/webhooks/wh-user-provisioning',
        body: [{ op: 'replace', path: '/eventTypes', value: ['com.qlik.core.user.created', 'com.qlik.v1.user.deleted'] }],
      },
    ])
    expect(db.state.webhooks.find((w) => w.id === 'wh-user-provisioning')!.eventTypes).toEqual([
      'com.qlik.core.user.created',
      'com.qlik.v1.user.deleted',
    ])
  })

  it('replaces every deprecated type at once with the keyboard', async () => {
    const user = renderAt('?edit=wh-user-provisioning')
    const all = await screen.findByRole('button', { name: 'Replace all 2' }, { timeout: 5000 })
    all.focus()
    await user.keyboard('{Enter}')
    expect(screen.queryByRole('group', { name: /deprecated event type/i })).toBeNull()
    expect(screen.getByRole('checkbox', { name: 'User created' })).toBeChecked()
    expect(screen.getByRole('checkbox', { name: 'User deleted' })).toBeChecked()
    expect(
      screen.getByText(/Replaced User created \(v1\) with User created\. Replaced User deleted \(v1\) with User deleted\./),
    ).toBeInTheDocument()
  })

  it('warns as soon as a deprecated type is checked on a new webhook', async () => {
    const user = renderAt('?create=1')
    await user.click(await screen.findByRole('checkbox', { name: 'API key validation failed (v1)' }, { timeout: 5000 }))
    const notice = screen.getByRole('group', { name: /A deprecated event type is selected/ })
    expect(notice).toHaveTextContent('API key validation failed (v1) (com.qlik.v1.api-key.validation.failed) is deprecated')
    await user.click(within(notice).getByRole('button', { name: 'Replace with API key validation failed' }))
    expect(screen.getByRole('checkbox', { name: 'API key validation failed' })).toBeChecked()
    expect(screen.getByText(/1 selected/)).toBeInTheDocument()
  })

  it('warns of a deprecated type on a tenant whose catalogue does not mark it, and offers no replacement it does not list', async () => {
    mockServer.use(
      http.get('*/webhooks/event-types', () =>
        HttpResponse.json({
          data: [{ name: 'com.qlik.v1.user.created', title: 'User created', category: 'Users', levels: ['tenant'] }],
        }),
      ),
    )
    const user = renderAt('?create=1')
    await user.click(await screen.findByRole('checkbox', { name: 'User created' }))
    const notice = screen.getByRole('group', { name: /A deprecated event type is selected/ })
    expect(notice).toHaveTextContent(
      'User created (com.qlik.v1.user.created) is deprecated: it is replaced by com.qlik.core.user.created, which this tenant does not offer yet.',
    )
    expect(within(notice).queryByRole('button')).toBeNull()
  })

  it('says when the rate limit refused a save, keeps what was typed, and saves when allowed', async () => {
    db.state.config.rateLimits = { tier1: 1000, tier2: 0 }
    const user = renderAt('?edit=wh-reload-monitor')
    const name = await screen.findByLabelText('Name')
    await user.clear(name)
    await user.type(name, 'Renamed under the limit')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /rate limit for changes was reached\. It can be tried again at .* \(in \d+ seconds\)/,
    )
    expect(screen.getByLabelText('Name')).toHaveValue('Renamed under the limit')
    db.state.config.rateLimits = false
    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      await user.click(screen.getByRole('button', { name: 'Save when allowed' }))
      expect(screen.getByRole('button', { name: 'Saving when allowed…' })).toBeDisabled()
      await vi.advanceTimersByTimeAsync(61_000)
    } finally {
      vi.useRealTimers()
    }
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(db.state.webhooks.find((w) => w.id === 'wh-reload-monitor')?.name).toBe('Renamed under the limit')
  })

  it('on v1, uses a PUT with everything re-entered when the filter changes, and says so', async () => {
    configureApi({ webhooksApi: 'v1' })
    onTestFinished(() => configureApi({ webhooksApi: 'auto' }))
    const user = renderAt('?edit=wh-reload-monitor')
    const filter = await screen.findByLabelText('Filter')
    await user.clear(filter)
    await user.type(filter, 'data.status eq "ok"')
    expect(screen.getByText(/Save replaces the whole webhook \(PUT\)/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText(/cannot keep a secret it never returns/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Replace' }))
    await user.type(screen.getByLabelText('Secret'), 'n'.repeat(40))
    await user.type(screen.getByLabelText('Value of encrypted header Authorization'), 'Bearer again')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(sent[0]!.method).toBe('PUT')
    expect(sent[0]!.body).toMatchObject({
      filter: 'data.status eq "ok"',
      secret: 'n'.repeat(40),
      encryptedHeaders: { Authorization: 'Bearer again' },
      enabled: true,
    })
    expect(db.state.webhooks.find((w) => w.id === 'wh-reload-monitor')).toMatchObject({
      filter: 'data.status eq "ok"',
      secret: 'n'.repeat(40),
    })
  })

  it('moves focus to what replaces a pressed button', async () => {
    const user = renderAt('?edit=wh-reload-monitor')
    await user.click(await screen.findByRole('button', { name: 'Replace' }))
    expect(screen.getByLabelText('Secret')).toHaveFocus()
    await user.click(screen.getByRole('button', { name: 'Keep the saved secret' }))
    expect(screen.getByRole('button', { name: 'Replace' })).toHaveFocus()
    await user.click(screen.getByRole('button', { name: 'Remove' }))
    expect(screen.getByRole('button', { name: 'Keep the secret' })).toHaveFocus()
    await user.click(screen.getByRole('button', { name: 'Remove value of Authorization' }))
    expect(screen.getByLabelText('Header 1 value')).toHaveFocus()
    expect(screen.getByRole('textbox', { name: 'Header 1 name' })).toHaveValue('Authorization')
    await user.click(screen.getByRole('button', { name: 'Delete header 1' }))
    expect(screen.getByRole('button', { name: 'Add header' })).toHaveFocus()
  })

  it('says when the webhook cannot be loaded', async () => {
    renderAt('?edit=wh-does-not-exist')
    expect(await screen.findByRole('alert')).toHaveTextContent(/Could not load the webhook/)
  })
})

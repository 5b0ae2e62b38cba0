// @vitest-environment node
import type { ChildProcess } from 'node:child_process'
import webhooks from '@qlik/api/webhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServerProcess, stopMockServerProcess } from './mock-server-process'
import { DEMO_API_KEY } from '../auth'
import { mockServer } from '../node'

// Qlik's own SDK, @qlik/api 2.19 (which speaks /api/v1/webhooks), unchanged
// against the mock tenant as `npm run mock:server` starts it: the mock's v1
// must stay what the SDK expects while the console speaks Core.

let child: ChildProcess | undefined
let url = ''

beforeAll(async () => {
  mockServer.close()
  ;({ child, url } = await startMockServerProcess())
}, 60_000)
afterAll(() => stopMockServerProcess(child))

describe('@qlik/api 2.19 against npm run mock:server', () => {
  const hostConfig = () => ({ authType: 'apikey' as const, host: url, apiKey: DEMO_API_KEY })

  it('lists, creates, patches, reads, lists deliveries and deletes through the SDK', async () => {
    const list = await webhooks.getWebhooks({ limit: 5, sort: 'name' }, { hostConfig: hostConfig(), noCache: true })
    expect(list.status).toBe(200)
    expect(list.data.data).toHaveLength(5)
    expect(list.headers.get('Deprecation')).toMatch(/^@\d+$/)

    const created = await webhooks.createWebhook(
      { name: 'From @qlik/api', url: 'https://hooks.example.com/sdk', eventTypes: ['com.qlik.v1.app.created'] },
      { hostConfig: hostConfig() },
    )
    expect(created.status).toBe(201)
    const id = created.data.id!
    const patched = await webhooks.patchWebhook(id, [{ op: 'replace', path: '/name', value: 'Renamed by the SDK' }], {
      hostConfig: hostConfig(),
    })
    expect(patched.status).toBe(204)
    const read = await webhooks.getWebhook(id, { hostConfig: hostConfig(), noCache: true })
    expect(read.data).toMatchObject({ id, name: 'Renamed by the SDK', url: 'https://hooks.example.com/sdk' })

    const deliveries = await webhooks.getWebhookDeliveries('wh-slack-app-events', { limit: 3 }, { hostConfig: hostConfig(), noCache: true })
    expect(deliveries.data.data).toHaveLength(3)
    const events = await webhooks.getWebhookEventTypes({ hostConfig: hostConfig(), noCache: true })
    expect(events.data.data?.some((t) => t.name === 'com.qlik.v1.app.created')).toBe(true)

    expect((await webhooks.deleteWebhook(id, { hostConfig: hostConfig() })).status).toBe(204)
    await expect(webhooks.getWebhook(id, { hostConfig: hostConfig(), noCache: true })).rejects.toMatchObject({ status: 404 })
  }, 30_000)
})

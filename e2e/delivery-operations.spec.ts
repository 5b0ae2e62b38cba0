import { execFile } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SEED_DELIVERIES } from '../mocks/seed-deliveries'
import { expect, expectNoAxeViolations, test } from './fixtures'

// Delivery operations (issue 12): health, failing, bulk resend, search,
// export and Copy as cURL, on the mock tenant.

/** Runs `command` (a copied cURL command) with bash and returns what the local receiver got. */
function replayAgainstLocalReceiver(command: string, originalUrl: string) {
  return new Promise<{ body: Buffer; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        res.end('ok')
        server.close()
        resolve({ body: Buffer.concat(chunks), headers: req.headers })
      })
    })
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      const local = command.replace(`'${originalUrl}'`, `'http://127.0.0.1:${port}/hook'`).replace('curl ', 'curl -sS ')
      execFile('bash', ['-c', local], (error) => {
        if (error) {
          server.close()
          reject(error)
        }
      })
    })
  })
}

test('Copy as cURL copies a command that posts the same body bytes', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const { webhookId } = SEED_DELIVERIES.hostile
  const deliveryId = 'dl-slack-app-events-0010'
  await page.goto(`/?history=${webhookId}&delivery=${deliveryId}`)
  const viewer = page.getByRole('dialog', { name: /^Delivery of/ })
  await viewer.getByRole('button', { name: 'Copy as cURL' }).click()
  await expect(viewer.getByText(/^cURL command copied/)).toBeVisible()
  await expectNoAxeViolations(page)
  const command = await page.evaluate(() => navigator.clipboard.readText())
  const delivery = (await page.evaluate(
    async ([id, dl]) => (await fetch(`/api/v1/webhooks/${id}/deliveries/${dl}`)).json(),
    [webhookId, deliveryId],
  )) as { request: { url: string; body: unknown; headers: Record<string, string> } }
  expect(command).toContain('# Qlik-Signature is the HMAC-SHA256 of this body with the webhook’s secret')
  const received = await replayAgainstLocalReceiver(command, delivery.request.url)
  expect(received.body.equals(Buffer.from(JSON.stringify(delivery.request.body), 'utf8'))).toBe(true)
  expect(received.headers['qlik-signature']).toBe(delivery.request.headers['Qlik-Signature'])
})

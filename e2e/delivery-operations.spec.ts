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
  // The Health column reads every webhook's deliveries in the background while axe scans.
  test.setTimeout(90_000)
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

test('From/To and Search payloads narrow the history; Export downloads CSV and NDJSON of the view', async ({ page }) => {
  test.setTimeout(90_000)
  const id = 'wh-reload-monitor'
  await page.goto(`/?history=${id}`)
  const history = page.getByRole('region', { name: /^Delivery history/ })
  await history.getByLabel('Search payloads').fill('Unauthorized')
  await expect(page).toHaveURL(/dq=Unauthorized/)
  await expect(history.getByText(/^Searched \d+ of \d+ deliveries: 3 match/)).toBeVisible({ timeout: 30_000 })
  const rows = history.getByRole('row').filter({ has: page.getByRole('checkbox') })
  await expect(rows).toHaveCount(3)
  await expectNoAxeViolations(page)

  const csvDownload = page.waitForEvent('download')
  await history.getByRole('button', { name: 'Export CSV' }).click()
  const csv = await csvDownload
  expect(csv.suggestedFilename()).toMatch(/^deliveries-.+-\d{8}T\d{6}Z\.csv$/)
  const csvText = await (await csv.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'))
  const csvRows = csvText.trim().split('\r\n')
  expect(csvRows[0]).toBe('id,eventType,status,triggeredAt,httpStatus,statusMessage')
  expect(csvRows.slice(1).every((r) => r.includes(',fail,') && r.includes('401'))).toBe(true)
  expect(csvRows).toHaveLength(4)
  const ndDownload = page.waitForEvent('download')
  await history.getByRole('button', { name: 'Export NDJSON' }).click()
  const nd = await ndDownload
  const ndText = await (await nd.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'))
  const records = ndText
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; status: string })
  expect(records.map((r) => r.id)).toEqual(csvRows.slice(1).map((r) => r.split(',')[0]))

  // From after the newest delivery: nothing left.
  await history.getByLabel('Search payloads').fill('')
  const future = new Date(Date.now() + 30_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  const local = `${future.getFullYear()}-${pad(future.getMonth() + 1)}-${pad(future.getDate())}T${pad(future.getHours())}:${pad(future.getMinutes())}`
  await history.getByLabel('From').fill(local)
  await expect(page).toHaveURL(/dfrom=/)
  await expect(history.getByText('No deliveries match these filters in the last 7 days.')).toBeVisible()
})

import { describe, expect, it } from 'vitest'
import type { Delivery } from '../../api'
import { exportFileName, toCsv, toNdjson } from './export'

const deliveries: Delivery[] = [
  {
    id: 'dl-1',
    webhookId: 'wh',
    eventType: 'com.qlik.v1.app.created',
    status: 'fail',
    triggeredAt: '2026-11-30T10:00:00.000Z',
    statusMessage: 'HTTP 500 Internal Server Error, "queue", down',
    request: { url: 'https://hooks.example.com', headers: { 'X-Token': '**OMITTED**' }, body: { a: 1 } },
    response: { statusCode: 500, body: 'x' },
  },
  {
    id: 'dl-2',
    webhookId: 'wh',
    eventType: 'com.qlik.v1.app.deleted',
    status: 'fail',
    triggeredAt: '2026-11-30T09:00:00.000Z',
    statusMessage: '=HYPERLINK("https://evil.example.com")',
  },
]

describe('export', () => {
  it('writes one CSV row per delivery with the six columns, quoted as RFC 4180 says', () => {
    expect(toCsv(deliveries)).toBe(
      'id,eventType,status,triggeredAt,httpStatus,statusMessage\r\n' +
        'dl-1,com.qlik.v1.app.created,fail,2026-11-30T10:00:00.000Z,500,"HTTP 500 Internal Server Error, ""queue"", down"\r\n' +
        `dl-2,com.qlik.v1.app.deleted,fail,2026-11-30T09:00:00.000Z,,"'=HYPERLINK(""https://evil.example.com"")"\r\n`,
    )
  })

  it('writes the whole records as NDJSON, one a line', () => {
    const lines = toNdjson(deliveries).split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[2]).toBe('')
    expect(JSON.parse(lines[0]!)).toEqual(deliveries[0])
    expect(JSON.parse(lines[1]!)).toEqual(deliveries[1])
  })

  it('names the file after the webhook and the time', () => {
    const at = new Date('2026-12-01T09:15:07.123Z')
    expect(exportFileName('Slack: app events', 'csv', at)).toBe('deliveries-slack-app-events-20261201T091507Z.csv')
    expect(exportFileName('Café ÜBER/..', 'ndjson', at)).toBe('deliveries-cafe-uber-20261201T091507Z.ndjson')
    expect(exportFileName('***', 'csv', at)).toBe('deliveries-webhook-20261201T091507Z.csv')
  })
})

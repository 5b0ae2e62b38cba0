import { mapPayloadFields, payloadFormatLabel, type PayloadFormat } from '../../lib/cloudevents'
import { jsonScalarText, truncateText } from '../../lib/json-tree'

const show = (value: unknown) => {
  if (value === undefined) return <span className="muted">absent</span>
  if (value !== null && typeof value === 'object') return <span className="muted">{Array.isArray(value) ? 'array' : 'object'}</span>
  return <code>{truncateText(jsonScalarText(value), 80).text}</code>
}

/** Names the payload's generation and lays the legacy fields beside their CloudEvents successors. */
export function PayloadFormatInfo({ body, format }: { body: unknown; format: PayloadFormat }) {
  const rows = mapPayloadFields(body)
  return (
    <>
      <p>
        <strong>{payloadFormatLabel(format, body)}.</strong>{' '}
        {format === 'legacy'
          ? 'Qlik removed the legacy fields on 2026-10-06; a receiver should read the CloudEvents fields below.'
          : format === 'hybrid'
            ? 'Both sets of fields, one data object, as Qlik sent them from 2025-11-03 until it removed the legacy fields on 2026-10-06.'
            : format === 'cloudevents'
              ? 'The current format: Qlik removed the legacy fields on 2026-10-06.'
              : 'The body has neither specversion nor cloudEventsVersion.'}
      </p>
      <details className="format-mapping">
        <summary>Legacy to CloudEvents field mapping</summary>
        <table className="mapping-table">
          <caption className="visually-hidden">Legacy to CloudEvents field mapping, with the values of this payload</caption>
          <thead>
            <tr>
              <th scope="col">Legacy field</th>
              <th scope="col">Value here</th>
              <th scope="col">CloudEvents field</th>
              <th scope="col">Value here</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.legacy}>
                <th scope="row">
                  <code>{row.legacy}</code>
                </th>
                <td>{show(row.legacyValue)}</td>
                <td>{row.cloudEvents ? <code>{row.cloudEvents}</code> : <span className="muted">none</span>}</td>
                <td>{row.cloudEvents ? show(row.cloudEventsValue) : null}</td>
                <td>
                  {row.note}
                  {row.basis === 'assumed' ? <span className="muted"> Inferred from Qlik’s examples.</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  )
}

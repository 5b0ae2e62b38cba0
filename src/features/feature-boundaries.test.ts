// @vitest-environment node
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint()

async function boundaryErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'house/feature-boundary').map((m) => m.message)
}

describe('the lint rule that keeps features apart', { timeout: 30_000 }, () => {
  it('catches a nested file importing another feature’s internals', async () => {
    const errors = await boundaryErrors(
      "import { DeliveryRow } from '../../deliveries/delivery-row'\nexport const x = DeliveryRow\n",
      'src/features/webhooks/form/x.ts',
    )
    expect(errors).toEqual([expect.stringContaining('src/features/webhooks must not import src/features/deliveries')])
  })

  it('catches a top-level file, an index import, a re-export and a lazy import()', async () => {
    const code = [
      "import { DeliveryHistory } from '../deliveries'",
      "export { refreshWebhook } from '../webhooks/queries'",
      "export const later = () => import('../demo/controls')",
      'export const y = DeliveryHistory',
      '',
    ].join('\n')
    expect(await boundaryErrors(code, 'src/features/deliveries/x.ts')).toEqual([
      expect.stringContaining('must not import src/features/webhooks'),
      expect.stringContaining('must not import src/features/demo'),
    ])
    // A feature that does not exist yet is kept apart all the same.
    expect(await boundaryErrors(code, 'src/features/demo/x.tsx')).toEqual([
      expect.stringContaining('must not import src/features/deliveries'),
      expect.stringContaining('must not import src/features/webhooks'),
    ])
  })

  it('catches a route back in through src/features', async () => {
    const errors = await boundaryErrors(
      "import { x } from '../../../features/deliveries/queries'\nexport const y = x\n",
      'src/features/webhooks/form/z.ts',
    )
    expect(errors).toHaveLength(1)
  })

  it('allows imports within the feature and from the lower layers', async () => {
    const code = [
      "import { webhookKeys } from '../queries'",
      "import { WebhookForm } from './webhook-form'",
      "import { Button } from '../../../components/ui/button'",
      "import { describeError } from '../../../wording/describe-error'",
      'export const all = [webhookKeys, WebhookForm, Button, describeError]',
      '',
    ].join('\n')
    expect(await boundaryErrors(code, 'src/features/webhooks/form/x.ts')).toEqual([])
  })
})

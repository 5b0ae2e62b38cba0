import { useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { type Delivery } from '../../api'
import { Button } from '../../components/ui/button'
import { ConfirmDialog } from '../../components/ui/confirm-dialog'
import { toast } from '../../components/ui/toast'
import { deliveryIndexQuery } from './background'
import { isRunning, startBulkResend, useBulkResend } from './bulk-resend-store'
import type { DeliveryIndex } from './delivery-index'
import { computeHealth } from './health'
import { deliveryKeys } from './queries'
import { useDeliverySettings } from './use-delivery-settings'
import { describeError } from '../../wording/describe-error'

type BulkResendControlsProps = {
  webhookId: string
  /** The failed deliveries of the current view among `deliveries`. */
  failedOf: (deliveries: readonly Delivery[]) => Delivery[]
  /** Deliveries read so far, for the count while the rest loads. */
  index: DeliveryIndex | undefined
  now: number
  selected: ReadonlyMap<string, Delivery>
  onSelect: (selected: Map<string, Delivery>) => void
  /** After the run, e.g. to refresh the webhook, whose status a failed resend can change. */
  onWebhookChanged?: () => void
}

/** "Select all failed", "Resend selected" and its confirmation; the run itself is bulk-resend-store's. */
export function BulkResendControls({ webhookId, failedOf, index, now, selected, onSelect, onWebhookChanged }: BulkResendControlsProps) {
  const settings = useDeliverySettings()
  const queryClient = useQueryClient()
  const run = useBulkResend(webhookId)
  const [wantAllFailed, setWantAllFailed] = useState(false)
  const [confirming, setConfirming] = useState(false)
  // This and the health below read every delivery of the 7 days: once per change of the index, the view or the clock, not on every render.
  const failedInView = useMemo(() => (index?.complete ? failedOf(index.deliveries) : undefined), [index, failedOf])

  // Reads the pages not read yet (through the background queue), then selects.
  const selectAllFailed = async () => {
    setWantAllFailed(true)
    try {
      let all = await queryClient.fetchQuery(deliveryIndexQuery(webhookId))
      if (!all.complete) all = await queryClient.fetchQuery({ ...deliveryIndexQuery(webhookId), staleTime: 0 })
      onSelect(new Map(failedOf(all.deliveries).map((d) => [d.id, d])))
    } catch (error) {
      toast({ tone: 'error', title: 'Could not read every delivery', description: describeError(error) })
    } finally {
      setWantAllFailed(false)
    }
  }

  const threshold = settings.disableThreshold
  const health = useMemo(() => (index ? computeHealth(index.deliveries, { now, threshold }) : undefined), [index, now, threshold])
  const count = selected.size
  const running = isRunning(run)

  const start = () => {
    setConfirming(false)
    startBulkResend(webhookId, [...selected.values()], {
      settings,
      onSettled: (progress) => {
        void queryClient.invalidateQueries({ queryKey: deliveryKeys.lists(webhookId) })
        onWebhookChanged?.()
        toast({
          tone: progress.failed ? 'error' : 'success',
          title: progress.phase === 'finished' ? 'Bulk resend finished' : `Bulk resend ${progress.phase}`,
          description: `${progress.succeeded} succeeded, ${progress.failed} failed, ${progress.total - progress.done} not sent.`,
        })
      },
    })
    onSelect(new Map())
  }

  return (
    <div className="bulk-controls" role="group" aria-label="Bulk resend">
      <Button onClick={() => void selectAllFailed()} disabled={wantAllFailed}>
        {failedInView ? `Select all failed (${failedInView.length})` : 'Select all failed'}
      </Button>
      <Button variant="primary" onClick={() => setConfirming(true)} disabled={count === 0 || running}>
        Resend selected ({count})
      </Button>
      {count ? <Button onClick={() => onSelect(new Map())}>Clear selection</Button> : null}
      <span role="status" className="muted">
        {wantAllFailed
          ? `Loading further pages to find every failure: ${(index?.deliveries.length ?? 0).toLocaleString('en-US')} deliveries read…`
          : running
            ? 'A bulk resend is running for this webhook.'
            : ''}
      </span>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Resend ${count} ${count === 1 ? 'delivery' : 'deliveries'}?`}
        description={
          <>
            {count === 1 ? 'It is' : `They are`} sent again to the webhook’s current URL, one at a time, at most one every{' '}
            {settings.resendIntervalSeconds} {settings.resendIntervalSeconds === 1 ? 'second' : 'seconds'}. Each failure counts toward
            disabling the webhook automatically (after {settings.disableThreshold} failures in a row, as set in Delivery settings); it has{' '}
            {health
              ? `${health.failureRun} ${health.failureRun === 1 ? 'failure' : 'failures'} in a row now`
              : 'an unknown run of failures'}
            . The resend stops by itself after {settings.stopAfterFailures} failures in a row. Reloading or leaving the page stops it too.
          </>
        }
        confirmLabel={`Resend ${count}`}
        onConfirm={start}
      />
    </div>
  )
}

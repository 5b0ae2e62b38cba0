import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { FormProvider, useForm, useFormContext, useWatch, type FieldPath } from 'react-hook-form'
import { isApiError, isPermissionError, type Webhook } from '../../../api'
import { describeError } from '../../../wording/describe-error'
import { Button } from '../../../components/ui/button'
import { toast } from '../../../components/ui/toast'
import { useOnline, WaitCancelled } from '../../../lib/online'
import { eventTypesQuery } from '../queries'
import { EventsField } from './events-field'
import { FilterField } from './filter-field'
import { describedBy, Field, FieldError, useFieldError } from './form-field'
import { emptyFormValues, formValuesOf, makeFormSchema, needsReplace, type WebhookFormValues } from './form-model'
import { HeadersField } from './headers-field'
import { SecretField } from './secret-field'
import { errorMessageOf, fieldOfError, isTenantLevelRefusal, type ErrorField } from './server-errors'
import { TENANT_LEVEL_DENIED, useTenantLevelAccess } from './tenant-level-access'
import { useSaveWebhook } from './use-save-webhook'
import { useWebhooksApi } from './use-webhooks-api'

type WebhookFormProps = {
  /** The webhook to edit; absent to create one. */
  webhook?: Webhook
  onCancel: () => void
  onSaved: () => void
  onDirtyChange: (dirty: boolean) => void
}

/** What the top message is: a refused save (focused), invalid fields (the first one is focused) or a wait given up. */
type TopError = { kind: 'save-failed' | 'invalid' | 'cancelled'; message: string; traceId?: string; retryAt?: number }

/** A time `seconds` from now, in ms since the epoch. */
const secondsFromNow = (seconds: number) => Date.now() + seconds * 1000

const serverPath = (field: ErrorField): FieldPath<WebhookFormValues> =>
  (field === 'headers' ? 'headers.root' : field) as FieldPath<WebhookFormValues>

export function WebhookForm({ webhook, onCancel, onSaved, onDirtyChange }: WebhookFormProps) {
  const id = useId()
  const eventTypes = useQuery(eventTypesQuery())
  const { denied: tenantLevelDenied, markDenied: markTenantLevelDenied } = useTenantLevelAccess()
  const [topError, setTopError] = useState<TopError | null>(null)
  const alertRef = useRef<HTMLDivElement>(null)
  const submitRef = useRef<HTMLButtonElement>(null)
  const online = useOnline()
  const [retryScheduled, setRetryScheduled] = useState(false)
  const catalogue = eventTypes.data?.data
  const api = useWebhooksApi()
  const schema = useMemo(
    () => makeFormSchema({ original: webhook, eventTypes: catalogue ?? [], tenantLevelDenied, api }),
    [webhook, catalogue, tenantLevelDenied, api],
  )
  const form = useForm<WebhookFormValues>({
    resolver: zodResolver(schema),
    defaultValues: webhook ? formValuesOf(webhook) : { ...emptyFormValues(), ...(tenantLevelDenied ? { level: 'user' as const } : {}) },
    mode: 'onTouched',
  })
  const { register, handleSubmit, setError, formState } = form
  const { isDirty, isSubmitting } = formState
  const { save, isSaving, waitingForNetwork, cancelWaiting } = useSaveWebhook(webhook)

  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange])
  // A refused save is announced where the eye and the focus are: the message
  // may sit far above a long form's buttons. A cancelled wait goes back to Save.
  useEffect(() => {
    if (topError?.kind === 'save-failed') {
      alertRef.current?.scrollIntoView?.({ block: 'nearest' })
      alertRef.current?.focus()
    } else if (topError?.kind === 'cancelled') submitRef.current?.focus()
  }, [topError])

  const onSubmit = handleSubmit(
    async (submitted) => {
      setTopError(null)
      try {
        const outcome = await save(submitted)
        toast({
          tone: 'success',
          title: outcome.kind === 'created' ? 'Webhook created' : outcome.kind === 'unchanged' ? 'Nothing to save' : 'Webhook saved',
          description: outcome.webhook.name,
        })
        onSaved()
      } catch (error) {
        // Every value stays as typed; the errors go where they belong.
        if (error instanceof WaitCancelled) {
          setTopError({
            kind: 'cancelled',
            message: 'Not sent: the console is offline. Everything you entered is still here; save again when the connection is back.',
          })
          return
        }
        if (!isApiError(error)) {
          setTopError({ kind: 'save-failed', message: `The webhook was not saved: ${describeError(error)}` })
          return
        }
        if (error.status === 429) {
          // Qlik's Tier 2 limit: every write waits until Retry-After has passed; nothing typed is lost.
          const retryAt = secondsFromNow(error.retryAfterSeconds ?? 1)
          setTopError({
            kind: 'save-failed',
            message: `The webhook was not saved: the tenant’s rate limit for changes was reached. It can be tried again at ${new Date(retryAt).toLocaleTimeString('en-GB')} (in ${error.retryAfterSeconds ?? 1} seconds). Everything you typed is kept.`,
            traceId: error.traceId,
            retryAt,
          })
          return
        }
        const unplaced: string[] = []
        for (const item of error.errors) {
          const text = errorMessageOf(item)
          if (isTenantLevelRefusal(item, error.status)) {
            markTenantLevelDenied()
            setError('level', { type: 'server', message: `${TENANT_LEVEL_DENIED} (${text})` })
            continue
          }
          const field = fieldOfError(item, error.status)
          if (field) setError(serverPath(field), { type: 'server', message: text })
          else unplaced.push(text)
        }
        const why = isPermissionError(error) && unplaced.length ? describeError(error) : unplaced.join(' ')
        setTopError({
          kind: 'save-failed',
          message: `The webhook was not saved: ${why || (error.errors.length ? 'correct the fields marked below.' : error.message)}`,
          traceId: error.traceId,
        })
      }
    },
    // The browser's own validation path: focus goes to the first field to correct.
    () => setTopError({ kind: 'invalid', message: 'The webhook was not saved: correct the fields marked below.' }),
  )

  const busy = isSubmitting || isSaving
  return (
    <FormProvider {...form}>
      <form className="webhook-form" noValidate onSubmit={onSubmit} aria-busy={busy || undefined}>
        {topError ? (
          <div ref={alertRef} tabIndex={-1} role={topError.kind === 'cancelled' ? 'status' : 'alert'} className="form-error">
            <p>{topError.message}</p>
            {topError.traceId ? (
              <p className="field-hint">
                Trace ID: <code>{topError.traceId}</code>
              </p>
            ) : null}
            {topError.retryAt ? (
              <Button
                disabled={retryScheduled}
                onClick={() => {
                  const retryAt = topError.retryAt ?? 0
                  setRetryScheduled(true)
                  window.setTimeout(
                    () => {
                      setRetryScheduled(false)
                      void onSubmit()
                    },
                    Math.max(0, retryAt - secondsFromNow(0)),
                  )
                }}
              >
                {retryScheduled ? 'Saving when allowed…' : 'Save when allowed'}
              </Button>
            ) : null}
          </div>
        ) : null}

        <Field path="name" label="Name">
          {(controlProps) => <input {...controlProps} {...register('name')} autoComplete="off" />}
        </Field>
        <Field path="description" label="Description" hint="Optional.">
          {(controlProps) => <textarea {...controlProps} {...register('description')} rows={2} />}
        </Field>
        <Field
          path="url"
          label="URL"
          hint="HTTPS only, to a fully qualified domain name (no IP address, no localhost, no user name or password). Qlik does not follow redirects: enter the final address, since a 3xx answer counts as a failed delivery."
        >
          {(controlProps) => (
            <input {...controlProps} {...register('url')} type="url" inputMode="url" autoComplete="off" spellCheck={false} />
          )}
        </Field>

        <SecretField />
        <HeadersField original={webhook} />
        <EventsField
          eventTypes={catalogue}
          loadError={eventTypes.isError ? describeError(eventTypes.error) : null}
          onRetry={() => void eventTypes.refetch()}
          retrying={eventTypes.isFetching}
        />
        <LevelField original={webhook} denied={tenantLevelDenied} />
        <FilterField />

        <div className="field switches">
          <label className="check">
            <input type="checkbox" {...register('enabled')} /> Enabled
          </label>
          <label className="check">
            <input type="checkbox" {...register('checkCertificateRevocation')} aria-describedby={`${id}-revocation-hint`} /> Check
            certificate revocation
          </label>
          <p id={`${id}-revocation-hint`} className="field-hint">
            Before each delivery, check that the receiver’s TLS certificate has not been revoked.
          </p>
          <CloudEventsSwitch locked={Boolean(webhook?.enableCloudEventDelivery)} />
        </div>

        {webhook ? <ReplaceNotice original={webhook} /> : null}

        <div className="dialog-actions">
          <Button onClick={onCancel}>Cancel</Button>
          {waitingForNetwork ? <Button onClick={cancelWaiting}>Don’t send</Button> : null}
          <Button
            ref={submitRef}
            type="submit"
            variant="primary"
            disabled={busy}
            aria-describedby={topError?.kind === 'save-failed' ? `${id}-not-saved` : undefined}
          >
            {webhook ? 'Save' : 'Create'}
          </Button>
        </div>
        {topError?.kind === 'save-failed' && !busy ? (
          <p id={`${id}-not-saved`} className="form-error-inline">
            Not saved: see the message at the top of the form.
          </p>
        ) : null}
        <p role="status" className={waitingForNetwork || !online ? 'form-notice' : 'visually-hidden'}>
          {waitingForNetwork
            ? `Offline: the webhook will be ${webhook ? 'saved' : 'created'} as soon as the connection is back, or press Don’t send.`
            : !online
              ? `Offline: ${webhook ? 'Save' : 'Create'} waits until the connection is back.`
              : busy
                ? 'Saving…'
                : ''}
        </p>
      </form>
    </FormProvider>
  )
}

/** Shown as soon as the edit needs a PUT, before Save, not after a refusal. */
function ReplaceNotice({ original }: { original: Webhook }) {
  const { control } = useFormContext<WebhookFormValues>()
  const values = useWatch({ control }) as WebhookFormValues
  return needsReplace(values, original, useWebhooksApi()) ? (
    <p className="form-notice" role="status">
      Filter, Level and Check certificate revocation cannot be changed one by one on this tenant (Qlik’s v1 API has no PATCH for them), so
      Save replaces the whole webhook (PUT). The API never returns the secret or encrypted header values: enter them again above, or remove
      them.
    </p>
  ) : null
}

function LevelField({ original, denied }: { original: Webhook | undefined; denied: string | undefined }) {
  const id = useId()
  const { register } = useFormContext<WebhookFormValues>()
  const error = useFieldError('level')
  // A webhook already at tenant level keeps that choice available to whoever may see it.
  const tenantDisabled = Boolean(denied) && original?.level !== 'tenant'
  return (
    <fieldset className="field" aria-describedby={describedBy(`${id}-hint`, tenantDisabled && `${id}-denied`, error && `${id}-error`)}>
      <legend>Level</legend>
      <p id={`${id}-hint`} className="field-hint">
        Tenant: events from the whole tenant (needs the Tenant Admin role). User: only events about resources the owner can access.
      </p>
      <label className="check">
        <input type="radio" value="tenant" disabled={tenantDisabled} {...register('level')} /> Tenant
      </label>
      {tenantDisabled ? (
        <p id={`${id}-denied`} className="field-hint">
          {denied}
        </p>
      ) : null}
      <label className="check">
        <input type="radio" value="user" {...register('level')} /> User
      </label>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  )
}

function CloudEventsSwitch({ locked }: { locked: boolean }) {
  const id = useId()
  const { register } = useFormContext<WebhookFormValues>()
  return (
    <>
      <label className="check">
        {/* Locked: shown, not registered, so that the form keeps its value rather than a disabled input's nothing. */}
        {locked ? (
          <input type="checkbox" role="switch" checked disabled readOnly aria-describedby={`${id}-hint`} />
        ) : (
          <input type="checkbox" role="switch" aria-describedby={`${id}-hint`} {...register('enableCloudEventDelivery')} />
        )}{' '}
        CloudEvents delivery
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {locked
          ? 'On, and it cannot be turned off: Qlik makes CloudEvents delivery one-way.'
          : 'Sends events in the CloudEvents 1.0 format. Once saved on, it cannot be turned off.'}
      </p>
    </>
  )
}

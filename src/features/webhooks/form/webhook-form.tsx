import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import { createWebhook, describeError, type Webhook } from '../../../api'
import { Button } from '../../../components/ui/button'
import { toast } from '../../../components/ui/toast'
import { eventTypesQuery, webhookKeys } from '../queries'
import { emptyFormValues, formValuesOf, toCreateBody, webhookFormSchema, type WebhookFormValues } from './form-model'

type WebhookFormProps = { webhook?: Webhook; onClose: () => void }

export function WebhookForm({ webhook, onClose }: WebhookFormProps) {
  const id = useId()
  const queryClient = useQueryClient()
  const eventTypes = useQuery(eventTypesQuery())
  const [topError, setTopError] = useState<string | null>(null)
  const form = useForm<WebhookFormValues>({
    resolver: zodResolver(webhookFormSchema),
    defaultValues: webhook ? formValuesOf(webhook) : emptyFormValues(),
    mode: 'onTouched',
  })
  const { register, handleSubmit, formState } = form
  const { errors, isSubmitting } = formState

  const onSubmit = handleSubmit(async (values) => {
    setTopError(null)
    try {
      await createWebhook(toCreateBody(values))
      await queryClient.invalidateQueries({ queryKey: webhookKeys.lists() })
      toast({ tone: 'success', title: 'Webhook created' })
      onClose()
    } catch (error) {
      setTopError(describeError(error))
    }
  })

  const field = (name: keyof WebhookFormValues) => ({
    id: `${id}-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
  })
  const fieldError = (name: keyof WebhookFormValues) =>
    errors[name] ? (
      <p className="field-error" id={`${id}-${name}-error`}>
        {errors[name]?.message}
      </p>
    ) : null

  return (
    <form className="webhook-form" noValidate onSubmit={onSubmit}>
      {topError ? (
        <p role="alert" className="form-error">
          {topError}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input {...field('name')} {...register('name')} autoComplete="off" />
        {fieldError('name')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description</label>
        <textarea {...field('description')} {...register('description')} rows={2} />
        {fieldError('description')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-url`}>URL</label>
        <input {...field('url')} {...register('url')} type="url" inputMode="url" autoComplete="off" spellCheck={false} />
        {fieldError('url')}
      </div>
      <fieldset className="field">
        <legend>Events</legend>
        {eventTypes.isPending ? <p role="status">Loading event types…</p> : null}
        {eventTypes.data?.data.map((type) => (
          <label key={type.name} className="check">
            <input type="checkbox" value={type.name} {...register('eventTypes')} /> {type.title ?? type.name}
          </label>
        ))}
        {fieldError('eventTypes')}
      </fieldset>
      <label className="check">
        <input type="checkbox" {...register('enabled')} /> Enabled
      </label>
      <div className="dialog-actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={isSubmitting}>
          {webhook ? 'Save' : 'Create'}
        </Button>
      </div>
    </form>
  )
}

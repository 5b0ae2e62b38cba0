import { useId, useState } from 'react'
import { Button } from '../../components/ui/button'
import { Dialog } from '../../components/ui/dialog'
import { saveDeliverySettings, SETTING_LABELS, SETTING_LIMITS, settingError, type DeliverySettings } from './delivery-settings'
import { useDeliverySettings } from './use-delivery-settings'

const KEYS = Object.keys(SETTING_LABELS) as (keyof DeliverySettings)[]

/** "Delivery settings": the auto-disable threshold the console assumes, and the bulk resend's pace and stop rule. */
export function DeliverySettingsButton() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button onClick={() => setOpen(true)}>Delivery settings</Button>
      {open ? <SettingsDialog onClose={() => setOpen(false)} /> : null}
    </>
  )
}

function SettingsDialog({ onClose }: { onClose: () => void }) {
  const settings = useDeliverySettings()
  const [values, setValues] = useState(
    () => Object.fromEntries(KEYS.map((key) => [key, String(settings[key])])) as Record<keyof DeliverySettings, string>,
  )
  const [submitted, setSubmitted] = useState(false)
  const ids = useId()
  const errors = Object.fromEntries(
    KEYS.map((key) => [key, settingError(key, values[key].trim() === '' ? Number.NaN : Number(values[key]))]),
  )
  const save = () => {
    setSubmitted(true)
    if (KEYS.some((key) => errors[key])) return
    saveDeliverySettings(Object.fromEntries(KEYS.map((key) => [key, Number(values[key])])) as DeliverySettings)
    onClose()
  }
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Delivery settings"
      description="Qlik does not publish after how many failures in a row it disables a webhook; the write tier allows 100 resends a minute. These settings are kept in this browser."
    >
      <form
        className="settings-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          save()
        }}
      >
        {KEYS.map((key) => {
          const error = submitted ? errors[key] : undefined
          return (
            <div key={key} className="form-field">
              <label className="field-label" htmlFor={`${ids}-${key}`}>
                {SETTING_LABELS[key]}
              </label>
              <input
                id={`${ids}-${key}`}
                className="input"
                type="number"
                inputMode="decimal"
                min={SETTING_LIMITS[key].min}
                max={SETTING_LIMITS[key].max}
                step={key === 'resendIntervalSeconds' ? 0.1 : 1}
                value={values[key]}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${ids}-${key}-error` : undefined}
                onChange={(event) => setValues({ ...values, [key]: event.target.value })}
              />
              {error ? (
                <p id={`${ids}-${key}-error`} className="field-error">
                  {error}
                </p>
              ) : null}
            </div>
          )
        })}
        <div className="dialog-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            Save settings
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

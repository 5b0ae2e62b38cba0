import { beforeEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_DELIVERY_SETTINGS,
  getDeliverySettings,
  parseSettings,
  saveDeliverySettings,
  settingError,
  subscribeDeliverySettings,
} from './delivery-settings'

beforeEach(() => {
  localStorage.clear()
  saveDeliverySettings(DEFAULT_DELIVERY_SETTINGS)
})

describe('delivery settings', () => {
  it('defaults to a threshold of 10, one resend a second and a stop after 3 failures', () => {
    expect(parseSettings(null)).toEqual({ disableThreshold: 10, resendIntervalSeconds: 1, stopAfterFailures: 3 })
  })

  it('keeps what was saved and notifies', () => {
    let calls = 0
    const stop = subscribeDeliverySettings(() => calls++)
    saveDeliverySettings({ disableThreshold: 5, resendIntervalSeconds: 2.5, stopAfterFailures: 2 })
    stop()
    expect(calls).toBe(1)
    expect(getDeliverySettings()).toEqual({ disableThreshold: 5, resendIntervalSeconds: 2.5, stopAfterFailures: 2 })
    expect(parseSettings(localStorage.getItem('qlik-webhooks-console/delivery-settings'))).toEqual(getDeliverySettings())
  })

  it('falls back to the default for a stored value out of range or unreadable', () => {
    expect(parseSettings('{"disableThreshold":0,"resendIntervalSeconds":0.1,"stopAfterFailures":"3"}')).toEqual(DEFAULT_DELIVERY_SETTINGS)
    expect(parseSettings('not json')).toEqual(DEFAULT_DELIVERY_SETTINGS)
  })

  it('never allows resends faster than the write tier', () => {
    expect(settingError('resendIntervalSeconds', 0.5)).toBe('Enter a number from 0.6 to 60.')
    expect(settingError('resendIntervalSeconds', 0.6)).toBeUndefined()
    expect(settingError('stopAfterFailures', 2.5)).toBe('Enter a whole number.')
    expect(settingError('disableThreshold', Number.NaN)).toBe('Enter a number.')
  })
})

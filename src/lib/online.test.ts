import { onlineManager } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'
import { WaitCancelled, whenOnline } from './online'

afterEach(() => onlineManager.setOnline(true))

describe('whenOnline', () => {
  it('resolves at once when online', async () => {
    await expect(whenOnline(new AbortController().signal)).resolves.toBeUndefined()
  })

  it('waits while offline and resolves when the connection is back', async () => {
    onlineManager.setOnline(false)
    let resolved = false
    const waiting = whenOnline(new AbortController().signal).then(() => (resolved = true))
    await Promise.resolve()
    expect(resolved).toBe(false)
    onlineManager.setOnline(true)
    await waiting
    expect(resolved).toBe(true)
  })

  it('rejects with WaitCancelled when cancelled, and does not resolve later', async () => {
    onlineManager.setOnline(false)
    const controller = new AbortController()
    const waiting = whenOnline(controller.signal)
    controller.abort()
    await expect(waiting).rejects.toBeInstanceOf(WaitCancelled)
    await expect(whenOnline(controller.signal)).rejects.toBeInstanceOf(WaitCancelled)
  })
})

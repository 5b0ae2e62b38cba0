import { onlineManager } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'

// The connection state as react-query knows it (the browser's online and
// offline events): one source for the shell, the form and every wait.

/** True while the browser says it is online; re-renders on every change. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (notify) => onlineManager.subscribe(notify),
    () => onlineManager.isOnline(),
    () => true,
  )
}

export class WaitCancelled extends Error {
  constructor() {
    super('Cancelled while waiting for the connection.')
    this.name = 'WaitCancelled'
  }
}

/** Resolves at once when online, else when the connection is back; rejects with WaitCancelled on `signal`. */
export function whenOnline(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(new WaitCancelled())
  if (onlineManager.isOnline()) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const done = () => {
      unsubscribe()
      signal.removeEventListener('abort', cancel)
    }
    const cancel = () => {
      done()
      reject(new WaitCancelled())
    }
    const unsubscribe = onlineManager.subscribe((online) => {
      if (!online) return
      done()
      resolve()
    })
    signal.addEventListener('abort', cancel, { once: true })
  })
}

// Which webhooks API the client speaks, per backend. Qlik deprecated
// /api/v1/webhooks on 2026-11-03 (removal on or after 2027-11-01) for the
// Core API; an older tenant or region may not have Core yet, so a 404 on the
// Core list makes the client fall back to v1 for that backend, once, for the
// rest of the page's life.

/** The API release the console is written against, sent on every request (`qlik-api-version`). */
export const QLIK_API_VERSION = '2026-11'

export type WebhooksApi = 'core' | 'v1'

export const WEBHOOKS_BASE: Record<WebhooksApi, string> = {
  core: '/api/core/webhooks',
  v1: '/api/v1/webhooks',
}

type Choice = { api: WebhooksApi; confirmed: boolean }
const choices = new Map<string, Choice>()
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((listener) => listener())

export function webhooksApiOf(backendKey: string): Choice {
  return choices.get(backendKey) ?? { api: 'core', confirmed: false }
}

export function setWebhooksApi(backendKey: string, choice: Choice): void {
  const before = choices.get(backendKey)
  choices.set(backendKey, choice)
  if (before?.api !== choice.api) emit()
}

/** Forgets every choice (tests; a new page starts without any). */
export function resetWebhooksApiChoices(): void {
  choices.clear()
  emit()
}

export function subscribeWebhooksApi(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

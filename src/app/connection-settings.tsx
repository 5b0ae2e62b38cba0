import { useId, useRef, useState, type FormEvent } from 'react'
import { Button } from '../components/ui/button'
import { buildOAuthInput, loadSavedOAuthInput, saveOAuthInput, type OAuthConfig, type OAuthInput } from './backend'
import { defaultRedirectUri, parseOAuthInput, type OAuthInputErrors } from './oauth-input'

// Where a hosted console asks which tenant and OAuth client to use. Loaded
// on demand: most starts never show it.

const FIELDS: { name: keyof OAuthInput; label: string; hint: string }[] = [
  { name: 'host', label: 'Tenant address', hint: 'For example https://example.eu.qlikcloud.com.' },
  {
    name: 'clientId',
    label: 'Client ID',
    hint: 'Of the OAuth client (single-page app) created for this console in the Management Console.',
  },
  { name: 'redirectUri', label: 'Redirect URI', hint: '' },
]

export function ConnectionSettings({
  problem,
  initial,
  onSave,
  onCancel,
  onForget,
}: {
  problem: string | undefined
  initial: OAuthInput | undefined
  onSave: (config: OAuthConfig) => void
  onCancel: (() => void) | undefined
  onForget: () => void
}) {
  const [values, setValues] = useState<OAuthInput>(
    () => initial ?? loadSavedOAuthInput() ?? buildOAuthInput() ?? { host: '', clientId: '', redirectUri: '' },
  )
  const [errors, setErrors] = useState<OAuthInputErrors>({})
  const refs = useRef<Partial<Record<keyof OAuthInput, HTMLInputElement | null>>>({})
  const id = useId()
  const hasSaved = loadSavedOAuthInput() !== undefined

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const parsed = parseOAuthInput(values)
    if (!parsed.ok) {
      setErrors(parsed.errors)
      const first = FIELDS.find((f) => parsed.errors[f.name])
      if (first) refs.current[first.name]?.focus()
      return
    }
    saveOAuthInput({ ...values, redirectUri: parsed.config.redirectUri })
    onSave(parsed.config)
  }

  return (
    <section className="tenant-panel" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Connect to a Qlik Cloud tenant</h1>
      <p>
        Sign in with an OAuth client of the single-page-app kind that a tenant admin created for this console. To use an API key instead,
        run the console locally through its proxy (<code>npm run dev:tenant</code>).
      </p>
      {problem ? (
        <p role="alert" className="form-error">
          {problem}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate className="tenant-form">
        {FIELDS.map((field) => {
          const error = errors[field.name]
          const hint =
            field.name === 'redirectUri'
              ? `Must match the OAuth client’s redirect URL exactly. Empty means ${defaultRedirectUri()}.`
              : field.hint
          return (
            <div className="tenant-field" key={field.name}>
              <label htmlFor={`${id}-${field.name}`}>{field.label}</label>
              <input
                id={`${id}-${field.name}`}
                ref={(el) => {
                  refs.current[field.name] = el
                }}
                value={values[field.name]}
                onChange={(e) => {
                  setValues({ ...values, [field.name]: e.target.value })
                  if (error) setErrors({ ...errors, [field.name]: undefined })
                }}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${id}-${field.name}-hint${error ? ` ${id}-${field.name}-error` : ''}`}
                autoComplete="off"
                spellCheck={false}
              />
              <p id={`${id}-${field.name}-hint`} className="hint">
                {hint}
              </p>
              {error ? (
                <p id={`${id}-${field.name}-error`} className="field-error">
                  {error}
                </p>
              ) : null}
            </div>
          )
        })}
        <p className="hint">
          These three values are stored in this browser’s local storage; none of them is a secret. Access tokens are never stored there.
        </p>
        <div className="tenant-actions">
          <Button type="submit" variant="primary">
            Save and continue
          </Button>
          {onCancel ? <Button onClick={onCancel}>Cancel</Button> : null}
          {hasSaved ? <Button onClick={onForget}>Forget saved settings</Button> : null}
        </div>
      </form>
    </section>
  )
}

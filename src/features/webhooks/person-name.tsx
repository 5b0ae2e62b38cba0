import { TruncatedText } from '../../components/ui/truncated-text'
import { usePersonName } from './use-person'

/** A person by name, with the id on hover and focus; the id alone when the name cannot be read. */
export function PersonName({ userId }: { userId: string | undefined }) {
  const name = usePersonName(userId)
  if (!userId) return <span className="muted">Unknown</span>
  if (!name) return <TruncatedText className="mono">{userId}</TruncatedText>
  return <TruncatedText full={`${name}, user id ${userId}`}>{name}</TruncatedText>
}

/** A person by name and id, for details where there is room for both. */
export function PersonWithId({ userId }: { userId: string | undefined }) {
  const name = usePersonName(userId)
  if (!userId) return <span className="muted">Unknown</span>
  return (
    <>
      {name ? <span className="person-name">{name}</span> : null} <span className="mono person-id">{userId}</span>
    </>
  )
}

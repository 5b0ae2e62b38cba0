import { useEventTitle } from './event-title'

/** An event by its catalogue title, with the type name beneath; the raw name alone when the type is unknown. */
export function EventName({ eventType }: { eventType: string }) {
  const title = useEventTitle()(eventType)
  if (!title) return <span className="event-type-name">{eventType}</span>
  return (
    <>
      <span className="event-title">{title}</span>
      <span className="event-type-name">{eventType}</span>
    </>
  )
}

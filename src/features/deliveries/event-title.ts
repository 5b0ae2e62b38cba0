import { createContext, useContext } from 'react'

/**
 * The catalogue title of an event type ("App reload finished"), or undefined when the
 * catalogue does not know it (or has not loaded): then the raw name is shown. The app
 * provides it from the webhooks feature's catalogue, so that the two features stay apart.
 */
export type EventTitle = (eventType: string) => string | undefined

export const EventTitleContext = createContext<EventTitle>(() => undefined)

export const useEventTitle = (): EventTitle => useContext(EventTitleContext)

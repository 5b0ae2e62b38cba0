// Mock mode only: what app may use of the demo feature. It is loaded in its
// own chunk from app, never by the tenant build.
export type { DemoConfig, DemoControl, DemoPersona } from './demo-control'
export { DemoControlsButton, PersonaBadge } from './demo-controls'
export { SEND_TEST_EVENT, SendTestEventDialog } from './send-test-event'

import { Tooltip as RadixTooltip } from 'radix-ui'
import { Fragment, type ReactElement, type ReactNode } from 'react'

/**
 * Shows `content` on hover and on keyboard focus of `children` (which must be focusable).
 * `inline` renders it next to the trigger rather than at the end of <body>, so that it
 * stays inside the page's landmarks (axe "region") when it is not inside a dialog.
 */
export function Tooltip({ content, children, inline }: { content: ReactNode; children: ReactElement; inline?: boolean }) {
  const Portal = inline ? Fragment : RadixTooltip.Portal
  // Each tooltip brings its own provider, so the shell needs none and Radix's
  // popup code stays off the first page.
  return (
    <RadixTooltip.Provider delayDuration={300}>
      <RadixTooltip.Root>
        <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
        <Portal>
          <RadixTooltip.Content className="tooltip" sideOffset={4}>
            {content}
            <RadixTooltip.Arrow className="tooltip-arrow" />
          </RadixTooltip.Content>
        </Portal>
      </RadixTooltip.Root>
    </RadixTooltip.Provider>
  )
}

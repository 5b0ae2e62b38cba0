import { Dialog as RadixDialog } from 'radix-ui'
import type { ReactNode } from 'react'
import { useFocusReturn } from './use-focus-return'

type DialogProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: ReactNode
  children: ReactNode
  /** Wider layout for forms and payload viewers. */
  size?: 'small' | 'large'
}

/** A modal dialog: focus is trapped, Escape closes, the title names it. */
export function Dialog({ open, onOpenChange, title, description, children, size = 'small' }: DialogProps) {
  const focusReturn = useFocusReturn()
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content className={`dialog-content dialog-${size}`} {...focusReturn}>
          <RadixDialog.Title className="dialog-title">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="dialog-description">{description}</RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="visually-hidden">{title}</RadixDialog.Description>
          )}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}

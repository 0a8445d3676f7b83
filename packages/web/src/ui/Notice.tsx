import type { ReactNode } from 'react';
import { Button } from './Button';

export interface NoticeProps {
  /** The look (colours, spacing) is the page's. */
  className?: string;
  onDismiss: () => void;
  children: ReactNode;
}

/** A message that stays until dismissed: announced as an alert, with a ✕ button to close it. */
export function Notice({ className, onDismiss, children }: NoticeProps) {
  return (
    <div className={className} role="alert">
      <span>{children}</span>
      <Button size="sm" variant="ghost" onClick={onDismiss} aria-label="Dismiss">
        ✕
      </Button>
    </div>
  );
}

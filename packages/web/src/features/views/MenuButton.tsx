import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { Button, useDismiss } from '../../ui';
import styles from './views.module.css';

/** A toolbar button that opens a panel below itself (Columns, Views); Escape or a press outside closes it. */
export function MenuButton({ label, title, children }: { label: ReactNode; title: string; children: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  const close = useCallback(() => {
    setOpen(false);
    ref.current?.querySelector('button')?.focus();
  }, []);
  useDismiss(ref, open, close);
  return (
    <div className={styles.anchor} ref={ref}>
      <Button size="sm" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {label}
        <span aria-hidden="true"> ▾</span>
      </Button>
      {open && (
        <div id={id} role="dialog" aria-label={title} className={styles.panel}>
          {children(close)}
        </div>
      )}
    </div>
  );
}

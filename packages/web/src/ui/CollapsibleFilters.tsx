import { useState, type ReactNode } from 'react';
import { Button } from './Button';
import { cx } from './cx';
import styles from './ui.module.css';

export interface CollapsibleFiltersProps {
  /** The id of the panel (the toggle's `aria-controls`). */
  id: string;
  /** How many filters are set: the toggle reads `Filters (2)`. */
  count: number;
  /** Phones: the filters fold behind a "Filters" toggle. Otherwise they sit in the surrounding row or grid. */
  collapsed: boolean;
  /** The layout of the unfolded panel (phones only). */
  className?: string;
  toggleClassName?: string;
  children: ReactNode;
}

/**
 * A list's filter fields. Wide screens: the fields take part in the layout around them (the panel is `display:
 * contents`). Phones (`collapsed`): a "Filters (n)" button shows and hides them.
 */
export function CollapsibleFilters({ id, count, collapsed, className, toggleClassName, children }: CollapsibleFiltersProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      {collapsed && (
        <Button
          className={cx(styles.filtersToggle, toggleClassName)}
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide filters' : 'Filters'}
          {count > 0 && ` (${count})`}
        </Button>
      )}
      <div id={id} className={collapsed ? cx(styles.filtersPanel, className) : styles.filtersInline} hidden={collapsed && !open}>
        {children}
      </div>
    </>
  );
}

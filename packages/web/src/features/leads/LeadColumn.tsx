import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { money } from '../../lib/format';
import { cx } from '../../ui';
import type { BoardColumn } from './columns';
import { DRAG_TYPE, dragTypeTo } from './LeadCard';
import { statusLabel } from './statuses';
import styles from './LeadColumn.module.css';

export interface LeadColumnProps {
  column: BoardColumn;
  onDropLead: (leadId: string) => void;
  /** Given for a stage that can fold into a strip (WON, LOST). */
  collapse?: { collapsed: boolean; onToggle: () => void };
  children: ReactNode;
}

/**
 * One pipeline stage: a drop target for dragged cards. A collapsible stage folds into a narrow strip with its name and
 * count (a button that expands it, still a drop target), and has a button in its header to fold it again.
 */
export function LeadColumn({ column, onDropLead, collapse, children }: LeadColumnProps) {
  const [over, setOver] = useState(false);
  const label = statusLabel(column.status);
  const collapsed = collapse?.collapsed ?? false;
  const toggle = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  // The strip and the header button swap places: keep the keyboard on the one now shown.
  useEffect(() => {
    if (refocus.current) toggle.current?.focus();
    refocus.current = false;
  }, [collapsed]);
  const onToggle = () => {
    refocus.current = true;
    collapse?.onToggle();
  };
  // A card the server does not let move here is not taken (the pointer shows it), so nothing is sent to be refused.
  const accepts = (e: DragEvent) => e.dataTransfer.types.includes(dragTypeTo(column.status));

  const onDragOver = (e: DragEvent) => {
    if (!accepts(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    setOver(false);
    const id = e.dataTransfer.getData(DRAG_TYPE);
    if (!id) return;
    e.preventDefault();
    onDropLead(id);
  };

  return (
    <section
      className={cx(styles.column, collapsed && styles.collapsed, over && styles.columnOver)}
      aria-label={`${label}: ${column.totalCount} leads`}
      data-status={column.status}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {collapsed ? (
        <button
          ref={toggle}
          type="button"
          className={styles.strip}
          aria-expanded={false}
          aria-label={`Expand ${label} (${column.totalCount} leads)`}
          title={`Show ${label}`}
          onClick={onToggle}
        >
          <span className={styles.stripChevron} aria-hidden="true">
            ›
          </span>
          <span className={styles.stripTitle}>{label}</span>
          <span className={styles.count}>{column.totalCount}</span>
        </button>
      ) : (
        <>
          <header className={styles.columnHeader}>
            <h2 className={styles.columnTitle} title={label}>
              {label}
            </h2>
            <div className={styles.columnSub}>
              <span className={styles.count}>{column.totalCount}</span>
              <span className={styles.columnValue}>{money(String(column.value), true)}</span>
              {collapse && (
                <button
                  ref={toggle}
                  type="button"
                  className={styles.collapseButton}
                  aria-expanded
                  aria-label={`Collapse ${label}`}
                  title={`Fold ${label} into a strip`}
                  onClick={onToggle}
                >
                  <span aria-hidden="true">‹</span>
                </button>
              )}
            </div>
          </header>
          <div className={styles.columnBody}>
            {column.cards.length === 0 ? <p className={styles.columnEmpty}>No leads here.</p> : children}
            {column.cards.length < column.totalCount && (
              <p className={styles.columnMore}>
                Showing {column.cards.length} of {column.totalCount}
              </p>
            )}
          </div>
        </>
      )}
    </section>
  );
}

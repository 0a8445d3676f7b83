import { useState, type DragEvent, type ReactNode } from 'react';
import { money } from '../../lib/format';
import { cx } from '../../ui';
import type { BoardColumn } from './columns';
import { DRAG_TYPE } from './LeadCard';
import { statusLabel } from './statuses';
import styles from './LeadColumn.module.css';

export interface LeadColumnProps {
  column: BoardColumn;
  onDropLead: (leadId: string) => void;
  children: ReactNode;
}

/** One pipeline stage: a drop target for dragged cards. */
export function LeadColumn({ column, onDropLead, children }: LeadColumnProps) {
  const [over, setOver] = useState(false);
  const label = statusLabel(column.status);
  const accepts = (e: DragEvent) => e.dataTransfer.types.includes(DRAG_TYPE);

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
      className={cx(styles.column, over && styles.columnOver)}
      aria-label={`${label}: ${column.totalCount} leads`}
      data-status={column.status}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <header className={styles.columnHeader}>
        <h2 className={styles.columnTitle}>
          {label} <span className={styles.count}>{column.totalCount}</span>
        </h2>
        <span className={styles.columnValue}>{money(String(column.value), true)}</span>
      </header>
      <div className={styles.columnBody}>
        {column.cards.length === 0 ? <p className={styles.columnEmpty}>No leads here.</p> : children}
        {column.cards.length < column.totalCount && (
          <p className={styles.columnMore}>
            Showing {column.cards.length} of {column.totalCount}
          </p>
        )}
      </div>
    </section>
  );
}

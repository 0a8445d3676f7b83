import type { ReactNode } from 'react';
import { cx } from '../../ui';
import shared from './settings.module.css';
import styles from './StackedTable.module.css';

export interface StackedColumn<Row> {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  numeric?: boolean;
  /** The row's title on phones (shown first, without a label). */
  primary?: boolean;
  /** Buttons: right-aligned; on phones a row of their styles. */
  actions?: boolean;
  /** Short values that should not wrap (roles, dates, badges). */
  nowrap?: boolean;
}

export interface StackedTableProps<Row> {
  caption: string;
  columns: ReadonlyArray<StackedColumn<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowClassName?: (row: Row) => string | undefined;
}

/** A table on wide screens; on phones each row becomes a card whose cells carry their column's name. */
export function StackedTable<Row>({ caption, columns, rows, rowKey, rowClassName }: StackedTableProps<Row>) {
  return (
    <div className={styles.tableWrap}>
      <table className={shared.table}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={cx(c.numeric && styles.num, c.actions && shared.actionsCell)}>
                {c.actions ? <span className="visually-hidden">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((c) => (
                <td
                  key={c.key}
                  data-label={c.primary || c.actions ? undefined : c.header}
                  className={cx(
                    c.numeric && styles.num,
                    c.primary && shared.primaryCell,
                    c.actions && shared.actionsCell,
                    (c.nowrap || c.actions) && styles.nowrap,
                  )}
                >
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { ReactNode } from 'react';
import { cx } from './cx';
import styles from './ui.module.css';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  render: (row: Row) => ReactNode;
  /** Numbers: right-aligned, tabular figures. */
  numeric?: boolean;
}

export interface TableProps<Row> {
  /** Announced to screen readers; not shown. */
  caption: string;
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** What a table without rows says (null: no row at all). */
  empty?: ReactNode;
  /** More classes for the table, the wrapper, a row, a header cell or a body cell (the caller's look on top). */
  className?: string;
  wrapClassName?: string;
  rowClassName?: (row: Row) => string | undefined;
  headClassName?: (column: Column<Row>) => string | false | undefined;
  cellClassName?: (column: Column<Row>) => string | false | undefined;
  /** A body cell's `data-label` (a stacked layout shows it on phones). */
  cellLabel?: (column: Column<Row>) => string | undefined;
}

/**
 * The data-table look (`ui.module.css`: full width, small uppercase headers, ruled rows) for a feature's own table
 * markup: `className={cx(tableStyles.table, styles.table)}`, the feature's class adding only what differs; `nowrap` keeps
 * a cell's value on one line.
 */
export const tableStyles = { table: styles.table, nowrap: styles.nowrap } as const;

export function Table<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty = 'Nothing to show.',
  className,
  wrapClassName,
  rowClassName,
  headClassName,
  cellClassName,
  cellLabel,
}: TableProps<Row>) {
  return (
    <div className={cx(styles.tableWrap, wrapClassName)}>
      <table className={cx(styles.table, className)}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={cx(c.numeric && styles.end, headClassName?.(c)) || undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty !== null ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)} className={rowClassName?.(row)}>
                {columns.map((c) => (
                  <td key={c.key} data-label={cellLabel?.(c)} className={cx(c.numeric && styles.end, cellClassName?.(c)) || undefined}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

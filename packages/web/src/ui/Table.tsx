import type { MouseEvent, ReactNode } from 'react';
import { cx } from './cx';
import { SortHeader, type SortOrder } from './SortHeader';
import styles from './ui.module.css';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  render: (row: Row) => ReactNode;
  /** Numbers: right-aligned, tabular figures. */
  numeric?: boolean;
  /** The column's name where the header is not plain text (the Columns menu); the header otherwise. */
  label?: string;
  /** A column that cannot be hidden (the one that opens the row). */
  required?: boolean;
  /**
   * Not one of the table's default columns: hidden until the user adds it (the Columns menu). A list's default
   * columns fit a 1280-px window beside the app's menu without sideways scrolling.
   */
  hiddenByDefault?: boolean;
  /** Sorts the list: the header is a `SortHeader` for this order field. */
  sort?: { field: string; order: SortOrder<string>; onSort: (field: string) => void };
  /** The column's own classes for its header and body cells. */
  className?: string;
}

/** How tightly rows are set: compact (the default, about 15 or more rows on a laptop screen) or comfortable. */
export type TableDensity = 'COMPACT' | 'COMFORTABLE';

export interface TableProps<Row> {
  /** Announced to screen readers; not shown. */
  caption: string;
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** What a table without rows says (null: no row at all). */
  empty?: ReactNode;
  /** Row density (COMFORTABLE when omitted, as tables outside the lists). */
  density?: TableDensity;
  /** True while a changed search, filter or order loads: the old rows stay, dimmed. */
  busy?: boolean;
  /** A click on a row (not on its links, buttons or fields). */
  onRowClick?: (row: Row, e: MouseEvent<HTMLTableRowElement>) => void;
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
 * a cell's value on one line; `clip` cuts it with an ellipsis in compact rows, at the width its `--clip` sets (give the
 * element the whole value as its `title`, as `ClippedText` does).
 */
export const tableStyles = { table: styles.table, nowrap: styles.nowrap, compact: styles.compact, clip: styles.clip } as const;

/**
 * A cell's text that compact rows cut with an ellipsis where it is longer than its column's room (`className` setting
 * `--clip`; 12em when not given), the whole text its tooltip — how the lists' default columns keep to a laptop's width.
 */
export function ClippedText({ text, className }: { text: string; className?: string }) {
  return (
    <span className={cx(styles.clip, className)} title={text}>
      {text}
    </span>
  );
}

/** The name of a column in menus: its label, or its header when that is text. */
export const columnLabel = <Row,>(c: Column<Row>): string => c.label ?? (typeof c.header === 'string' ? c.header : c.key);

/** Whether a click on a row landed on something of its own (a link, button or field), which the row leaves alone. */
const onControl = (e: MouseEvent) => e.target instanceof Element && Boolean(e.target.closest('a, button, select, input, textarea, label'));

export function Table<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty = 'Nothing to show.',
  density,
  busy,
  onRowClick,
  className,
  wrapClassName,
  rowClassName,
  headClassName,
  cellClassName,
  cellLabel,
}: TableProps<Row>) {
  return (
    <div className={cx(styles.tableWrap, wrapClassName)}>
      <table className={cx(styles.table, density === 'COMPACT' && styles.compact, className)} data-density={density?.toLowerCase()} aria-busy={busy || undefined}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const cls = cx(c.numeric && styles.end, c.className, headClassName?.(c)) || undefined;
              return c.sort ? (
                <SortHeader key={c.key} field={c.sort.field} label={columnLabel(c)} order={c.sort.order} onSort={c.sort.onSort} className={cls} />
              ) : (
                <th key={c.key} scope="col" className={cls}>
                  {c.header}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty !== null ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr
                key={rowKey(row)}
                className={rowClassName?.(row)}
                onClick={onRowClick && ((e) => !onControl(e) && !window.getSelection()?.toString() && onRowClick(row, e))}
              >
                {columns.map((c) => (
                  <td key={c.key} data-label={cellLabel?.(c)} className={cx(c.numeric && styles.end, c.className, cellClassName?.(c)) || undefined}>
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

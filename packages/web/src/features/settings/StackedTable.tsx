import { cx, Table, tableStyles, type Column, type TableProps } from '../../ui';
import shared from './settings.module.css';

export interface StackedColumn<Row> extends Column<Row> {
  /** Also each cell's label on phones. */
  header: string;
  /** The row's title on phones (shown first, without a label). */
  primary?: boolean;
  /** Buttons: right-aligned; on phones a row of their styles. */
  actions?: boolean;
  /** Short values that should not wrap (roles, dates, badges). */
  nowrap?: boolean;
}

export interface StackedTableProps<Row> extends Omit<TableProps<Row>, 'columns' | 'empty'> {
  columns: ReadonlyArray<StackedColumn<Row>>;
  rowClassName?: (row: Row) => string | undefined;
}

/** A table on wide screens; on phones each row becomes a card whose cells carry their column's name. */
export function StackedTable<Row>({ columns, ...table }: StackedTableProps<Row>) {
  // An actions column keeps its name for screen readers only.
  const shown = columns.map((c) => (c.actions ? { ...c, header: <span className="visually-hidden">{c.header}</span> } : c));
  const of = (column: Column<Row>) => columns.find((c) => c.key === column.key)!;
  return (
    <Table
      {...table}
      columns={shown}
      empty={null}
      className={shared.table}
      headClassName={(c) => of(c).actions && shared.actionsCell}
      cellLabel={(c) => (of(c).primary || of(c).actions ? undefined : of(c).header)}
      cellClassName={(column) => {
        const c = of(column);
        return cx(c.primary && shared.primaryCell, c.actions && shared.actionsCell, (c.nowrap || c.actions) && tableStyles.nowrap);
      }}
    />
  );
}

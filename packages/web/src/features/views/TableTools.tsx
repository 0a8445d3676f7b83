import { ColumnsMenu } from './ColumnsMenu';
import type { ListViewSpec } from './listView';
import type { TableSetup } from './useTableSetup';
import { ViewsMenu } from './ViewsMenu';
import styles from './views.module.css';

/** A list table's tools above it: its saved views and its columns and density. */
export function TableTools<Row>({ setup, views }: { setup: TableSetup<Row>; views: ListViewSpec }) {
  return (
    <div className={styles.tools} role="group" aria-label="Table views and columns">
      <ViewsMenu spec={views} />
      <ColumnsMenu setup={setup} />
    </div>
  );
}

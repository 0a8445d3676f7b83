import { columnLabel, type TableDensity } from '../../ui';
import { MenuButton } from './MenuButton';
import type { TableSetup } from './useTableSetup';
import styles from './views.module.css';

const DENSITIES: ReadonlyArray<{ value: TableDensity; label: string }> = [
  { value: 'COMPACT', label: 'Compact' },
  { value: 'COMFORTABLE', label: 'Comfortable' },
];

/**
 * The "Columns" menu of a list table: a checkbox per column (shown or hidden), Move up / Move down buttons for the
 * order (keyboard first, no dragging), the row density, and back to the table's own. Every change is saved for the user.
 */
export function ColumnsMenu<Row>({ setup }: { setup: TableSetup<Row> }) {
  const shown = setup.all.filter((c) => c.shown).map((c) => c.key);
  const toggle = (key: string, on: boolean) => setup.setColumns(on ? [...shown, key] : shown.filter((k) => k !== key));
  const move = (key: string, by: -1 | 1) => {
    const i = shown.indexOf(key);
    const next = [...shown];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    setup.setColumns(next);
  };
  return (
    <MenuButton label="Columns" title="Columns and rows">
      {() => (
        <>
          <fieldset className={styles.group}>
            <legend>Columns</legend>
            <ul className={styles.list}>
              {setup.all.map((c) => {
                const label = columnLabel(c);
                const at = shown.indexOf(c.key);
                return (
                  <li key={c.key} className={styles.columnItem}>
                    <label className={styles.check}>
                      <input
                        type="checkbox"
                        checked={c.shown}
                        disabled={c.required || (c.shown && shown.length === 1)}
                        onChange={(e) => toggle(c.key, e.target.checked)}
                      />
                      {label}
                    </label>
                    <span className={styles.moves}>
                      <button type="button" className={styles.move} aria-label={`Move ${label} up`} disabled={at <= 0} onClick={() => move(c.key, -1)}>
                        ↑
                      </button>
                      <button
                        type="button"
                        className={styles.move}
                        aria-label={`Move ${label} down`}
                        disabled={at < 0 || at >= shown.length - 1}
                        onClick={() => move(c.key, 1)}
                      >
                        ↓
                      </button>
                    </span>
                  </li>
                );
              })}
            </ul>
          </fieldset>
          <fieldset className={styles.group}>
            <legend>Rows</legend>
            <div className={styles.radios}>
              {DENSITIES.map((d) => (
                <label key={d.value} className={styles.check}>
                  <input type="radio" name={`${setup.table}-density`} checked={setup.density === d.value} onChange={() => setup.setDensity(d.value)} />
                  {d.label}
                </label>
              ))}
            </div>
          </fieldset>
          <button type="button" className={styles.linkButton} onClick={setup.reset}>
            Reset to the table’s own columns
          </button>
          {setup.error && (
            <p className={styles.error} role="alert">
              Not saved: {setup.error}
            </p>
          )}
        </>
      )}
    </MenuButton>
  );
}

import styles from './sortHeader.module.css';

export interface SortOrder<F extends string> {
  field: F;
  direction: 'ASC' | 'DESC';
}

export interface SortHeaderProps<F extends string> {
  field: F;
  label: string;
  order: SortOrder<F>;
  onSort: (field: F) => void;
  className?: string;
}

/** A column header that sorts its list: a button with the direction's arrow, `aria-sort` on the sorted column. */
export function SortHeader<F extends string>({ field, label, order, onSort, className }: SortHeaderProps<F>) {
  const active = order.field === field;
  const ascending = order.direction === 'ASC';
  return (
    <th scope="col" className={className} aria-sort={active ? (ascending ? 'ascending' : 'descending') : undefined}>
      <button type="button" className={styles.sortButton} onClick={() => onSort(field)}>
        {label}
        <span className={styles.sortArrow} aria-hidden="true">
          {active ? (ascending ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

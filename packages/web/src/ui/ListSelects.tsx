import { Select, type SelectOption } from './Select';

const TRASH = 'TRASH';

export interface StatusTrashSelectProps<S extends string> {
  options: readonly SelectOption[];
  status: S | null;
  /** The trash is shown (instead of a status). */
  deleted: boolean;
  /** Admins and managers: the trash is one of the choices. */
  seesTrash: boolean;
  onChange: (patch: { status: S | null; deleted: boolean }) => void;
  className?: string;
}

/** A list's "Status" filter: all, one status, or (admins and managers) the trash. */
export function StatusTrashSelect<S extends string>({ options, status, deleted, seesTrash, onChange, className }: StatusTrashSelectProps<S>) {
  return (
    <Select
      label="Status"
      className={className}
      value={deleted ? TRASH : (status ?? '')}
      placeholder="All statuses"
      options={seesTrash ? [...options, { value: TRASH, label: 'Deleted (trash)' }] : options}
      onChange={(e) => {
        const value = e.target.value;
        onChange(value === TRASH ? { status: null, deleted: true } : { status: (value || null) as S | null, deleted: false });
      }}
    />
  );
}

export interface OrderSelectProps<F extends string> {
  /** Values are `FIELD:DIRECTION` (`NAME:ASC`). */
  options: readonly SelectOption[];
  order: { field: F; direction: 'ASC' | 'DESC' };
  onChange: (order: { field: F; direction: 'ASC' | 'DESC' }) => void;
  className?: string;
}

/** A list's "Sort by" menu (phones, where the column headers are hidden). */
export function OrderSelect<F extends string>({ options, order, onChange, className }: OrderSelectProps<F>) {
  return (
    <Select
      label="Sort by"
      className={className}
      value={`${order.field}:${order.direction}`}
      options={options}
      onChange={(e) => {
        const [field, direction] = e.target.value.split(':') as [F, 'ASC' | 'DESC'];
        onChange({ field, direction });
      }}
    />
  );
}

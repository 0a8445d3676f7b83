import { useMutation } from '@apollo/client/react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { CustomerOrderField, CustomerRow_CustomerFragment } from '../../gql/graphql';
import { dateLabel, money, phoneLabel } from '../../lib/format';
import { Badge, ClippedText, cx, EditableCell, Table, tableStyles, type Column, type TableDensity } from '../../ui';
import { saveErrorOf } from '../views/saveError';
import { cityLine, typeLabel } from './customerFormat';
import { UpdateCustomerMutation } from './customerFormDocuments';
import type { ListState } from './listParams';
import shared from './customers.module.css';
import styles from './CustomersTable.module.css';

export const CustomerRowFragment = graphql(`
  fragment CustomerRow_customer on Customer {
    id
    name
    email
    phone
    address {
      city
      state
    }
    customerType
    segment
    lifetimeValue
    owningTeam {
      id
      name
    }
    createdAt
    updatedAt
    deletedAt
  }
`);

export type CustomerRow = CustomerRow_CustomerFragment;

export interface CustomerColumnsOptions {
  order: ListState['order'];
  onSort: (field: CustomerOrderField) => void;
  /** Show the owning team (admins and managers see several teams). */
  showTeam: boolean;
  /** Whether the viewer may change customers in place (office roles; never a deleted one). */
  canEdit: boolean;
  /** The list's query string, so the detail page can link back to the same list. */
  listSearch: string;
}

const muted = <span className={shared.muted}>—</span>;

/**
 * The customers table's columns (the user picks and orders them: features/views): name (opens the customer), phone and
 * e-mail (changed in place), city, team, lifetime value, created, updated. By default all but team and updated, so
 * they fit a laptop's width: compact rows cut long names, segments, e-mails and cities with an ellipsis.
 */
export function useCustomerColumns({ order, onSort, showTeam, canEdit, listSearch }: CustomerColumnsOptions): ReadonlyArray<Column<CustomerRow>> {
  const [update] = useMutation(UpdateCustomerMutation);
  return useMemo(() => {
    const sort = (field: CustomerOrderField) => ({ field, order, onSort: onSort as (f: string) => void });
    const save = (c: CustomerRow, patch: { phone?: string | null; email?: string | null }) =>
      saveErrorOf(update({ variables: { input: { id: c.id, ...patch } } }), (d) => d.updateCustomer.errors);
    const editable = (c: CustomerRow) => canEdit && !c.deletedAt;
    const columns: Array<Column<CustomerRow> | false> = [
      {
        key: 'name',
        header: 'Name',
        required: true,
        sort: sort('NAME'),
        className: styles.nameCell,
        render: (c) => (
          <>
            <Link to={`/customers/${c.id}`} state={{ listSearch }} className={cx(styles.rowLink, tableStyles.clip, styles.nameClip)} title={c.name}>
              {c.name}
            </Link>
            <span className={styles.sub}>
              {c.segment && <ClippedText text={c.segment} />}
              {c.customerType === 'COMMERCIAL' ? (
                <Badge tone="info">{typeLabel(c.customerType)}</Badge>
              ) : (
                <span className="visually-hidden">{typeLabel(c.customerType)}</span>
              )}
              {c.deletedAt && <Badge tone="danger">Deleted</Badge>}
            </span>
          </>
        ),
      },
      {
        key: 'phone',
        header: 'Phone',
        className: styles.contactCell,
        render: (c) => (
          <EditableCell label={`Phone of ${c.name}`} type="tel" value={c.phone ?? ''} canEdit={editable(c)} onSave={(v) => save(c, { phone: v.trim() || null })}>
            {c.phone ? <span className={tableStyles.nowrap}>{phoneLabel(c.phone)}</span> : muted}
          </EditableCell>
        ),
      },
      {
        key: 'email',
        header: 'E-mail',
        className: styles.contactCell,
        render: (c) => (
          <EditableCell label={`E-mail of ${c.name}`} type="email" value={c.email ?? ''} canEdit={editable(c)} onSave={(v) => save(c, { email: v.trim() || null })}>
            {c.email ? <ClippedText text={c.email} className={styles.email} /> : muted}
          </EditableCell>
        ),
      },
      {
        key: 'city',
        header: 'City',
        className: styles.cityCell,
        render: (c) => {
          const city = cityLine(c.address);
          return city ? <ClippedText text={city} className={styles.city} /> : muted;
        },
      },
      showTeam && {
        key: 'team',
        header: 'Team',
        hiddenByDefault: true,
        className: shared.hideOnPhone,
        render: (c) => <span className={tableStyles.nowrap}>{c.owningTeam?.name ?? '—'}</span>,
      },
      {
        key: 'lifetimeValue',
        header: 'Lifetime value',
        numeric: true,
        className: styles.valueCell,
        render: (c) => (
          <span className={tableStyles.nowrap}>
            <span className="visually-hidden">Lifetime value </span>
            {money(c.lifetimeValue)}
          </span>
        ),
      },
      { key: 'created', header: 'Created', sort: sort('CREATED_AT'), className: shared.hideOnPhone, render: (c) => <span className={tableStyles.nowrap}>{dateLabel(c.createdAt)}</span> },
      { key: 'updated', header: 'Updated', hiddenByDefault: true, sort: sort('UPDATED_AT'), className: shared.hideOnPhone, render: (c) => <span className={tableStyles.nowrap}>{dateLabel(c.updatedAt)}</span> },
    ];
    return columns.filter((c): c is Column<CustomerRow> => Boolean(c));
  }, [order, onSort, showTeam, canEdit, listSearch, update]);
}

export interface CustomersTableProps {
  rows: readonly CustomerRow[];
  columns: ReadonlyArray<Column<CustomerRow>>;
  density: TableDensity;
  order: ListState['order'];
  /** True while a changed search, filter or order loads: the old rows stay, dimmed. */
  busy: boolean;
}

/** The customers as a table with the user's columns; on phones each row is a card (see the CSS). */
export function CustomersTable({ rows, columns, density, order, busy }: CustomersTableProps) {
  return (
    <Table
      caption={`Customers, sorted by ${sortLabel(order)}`}
      columns={columns}
      rows={rows}
      rowKey={(c) => c.id}
      density={density}
      busy={busy}
      empty={null}
      className={shared.table}
      wrapClassName={styles.tableScroll}
      rowClassName={() => styles.row}
    />
  );
}

const FIELD_LABEL: Record<CustomerOrderField, string> = {
  NAME: 'name',
  CREATED_AT: 'creation date',
  UPDATED_AT: 'last change',
};

export function sortLabel(order: ListState['order']): string {
  const ascending = order.direction === 'ASC';
  const dir = order.field === 'NAME' ? (ascending ? 'A to Z' : 'Z to A') : ascending ? 'oldest first' : 'newest first';
  return `${FIELD_LABEL[order.field]}, ${dir}`;
}

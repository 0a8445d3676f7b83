import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { CustomerOrderField } from '../../gql/graphql';
import { dateLabel, money, phoneLabel } from '../../lib/format';
import { Badge, cx, tableStyles } from '../../ui';
import { cityLine, typeLabel } from './customerFormat';
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

export interface CustomersTableProps {
  rows: ReadonlyArray<FragmentType<typeof CustomerRowFragment>>;
  order: ListState['order'];
  onSort: (field: CustomerOrderField) => void;
  /** Show the owning team (admins and managers see several teams). */
  showTeam: boolean;
  /** True while a changed search, filter or order loads: the old rows stay, dimmed. */
  busy: boolean;
  /** The list's query string, so the detail page can link back to the same list. */
  listSearch: string;
}

function SortHeader({
  field,
  label,
  order,
  onSort,
  className,
}: {
  field: CustomerOrderField;
  label: string;
  order: ListState['order'];
  onSort: (field: CustomerOrderField) => void;
  className?: string;
}) {
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

/** The customers as a table with sortable columns; on phones each row is a card (see the CSS). */
export function CustomersTable({ rows, order, onSort, showTeam, busy, listSearch }: CustomersTableProps) {
  const sort = { order, onSort };
  return (
    <div className={styles.tableScroll}>
      <table className={cx(tableStyles.table, shared.table)} aria-busy={busy || undefined}>
        <caption className="visually-hidden">Customers, sorted by {sortLabel(order)}</caption>
        <thead>
          <tr>
            <SortHeader field="NAME" label="Name" {...sort} />
            <th scope="col">Contact</th>
            <th scope="col">City</th>
            {showTeam && <th scope="col">Team</th>}
            <th scope="col" className={styles.numeric}>
              Lifetime value
            </th>
            <SortHeader field="CREATED_AT" label="Created" {...sort} />
            <SortHeader field="UPDATED_AT" label="Updated" {...sort} />
          </tr>
        </thead>
        <tbody>
          {rows.map((ref) => {
            const c = getFragmentData(CustomerRowFragment, ref);
            return (
              <tr key={c.id} className={styles.row}>
                <td className={styles.nameCell}>
                  <Link to={`/customers/${c.id}`} state={{ listSearch }} className={styles.rowLink}>
                    {c.name}
                  </Link>
                  <span className={styles.sub}>
                    {c.segment && <span>{c.segment}</span>}
                    {c.customerType === 'COMMERCIAL' ? (
                      <Badge tone="info">{typeLabel(c.customerType)}</Badge>
                    ) : (
                      <span className="visually-hidden">{typeLabel(c.customerType)}</span>
                    )}
                    {c.deletedAt && <Badge tone="danger">Deleted</Badge>}
                  </span>
                </td>
                <td className={styles.contactCell}>
                  <div className={styles.contact}>
                    {c.phone && <span className={tableStyles.nowrap}>{phoneLabel(c.phone)}</span>}
                    {c.email && (
                      <span className={shared.muted} title={c.email}>
                        {c.email}
                      </span>
                    )}
                    {!c.phone && !c.email && <span className={shared.muted}>No contact data</span>}
                  </div>
                </td>
                <td className={styles.cityCell}>
                  {cityLine(c.address) || <span className={shared.muted}>—</span>}
                </td>
                {showTeam && <td className={cx(shared.hideOnPhone, tableStyles.nowrap)}>{c.owningTeam?.name ?? '—'}</td>}
                <td className={cx(styles.numeric, styles.valueCell)}>
                  <span className="visually-hidden">Lifetime value </span>
                  {money(c.lifetimeValue)}
                </td>
                <td className={cx(tableStyles.nowrap, shared.hideOnPhone)}>{dateLabel(c.createdAt)}</td>
                <td className={cx(tableStyles.nowrap, shared.hideOnPhone)}>{dateLabel(c.updatedAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
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

import { useMemo } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { ClaimRow_ClaimFragment, InsuranceClaimOrderField } from '../../gql/graphql';
import { calendarDateLabel } from '../../lib/format';
import { Badge, ClippedText, columnLabel, cx, Table, tableStyles, type Column, type TableDensity } from '../../ui';
import { CLAIM_STATUS_TONE, claimStatusLabel } from './claimFormat';
import { exactMoney, isPositive } from './claimMoney';
import { DeadlineLabel } from './DeadlineLabel';
import type { ClaimListState } from './listParams';
import styles from './ClaimsTable.module.css';

export const ClaimRowFragment = graphql(`
  fragment ClaimRow_claim on InsuranceClaim {
    id
    carrier
    claimNumber
    status
    dateOfLoss
    depreciationDeadline
    customer {
      id
      name
    }
    money {
      approvedTotal
      carrierOwes
      depreciationToCollect
    }
  }
`);

export type ClaimRow = ClaimRow_ClaimFragment;

export interface ClaimColumnsOptions {
  order: ClaimListState['order'];
  onSort: (field: InsuranceClaimOrderField) => void;
  /** Office roles open customers; field techs see their names only. */
  linkCustomers: boolean;
  /** The list's query string, handed to the detail page for its way back. */
  listSearch: string;
}

/**
 * The claims table's columns (the user picks and orders them: features/views): the claim (its number, opening it),
 * customer, carrier, stage, date of loss (sortable), approved total, what the carrier still owes and the recoverable
 * depreciation's deadline (sortable, soonest first; claims without one last) — amounts to the cent as the server sends them. By default all but the date of loss and the
 * approved total, so they fit a laptop's width (compact rows cut long names with an ellipsis).
 */
export function useClaimColumns({ order, onSort, linkCustomers, listSearch }: ClaimColumnsOptions): ReadonlyArray<Column<ClaimRow>> {
  return useMemo(() => {
    const amount = (key: string, header: string, value: (c: ClaimRow) => string | null, strong = false): Column<ClaimRow> => ({
      key,
      header,
      numeric: true,
      className: styles.amount,
      render: (c) => <span className={cx(strong && isPositive(value(c)) && styles.owed)}>{exactMoney(value(c))}</span>,
    });
    const columns: Column<ClaimRow>[] = [
      {
        key: 'claim',
        header: 'Claim',
        required: true,
        className: cx(tableStyles.nowrap, styles.claimCell),
        render: (c) => (
          <Link to={`/claims/${c.id}`} state={{ listSearch }} className={styles.rowLink}>
            <span className="visually-hidden">Claim </span>
            {c.claimNumber ?? 'No number yet'}
            <span className="visually-hidden"> with {c.carrier}</span>
          </Link>
        ),
      },
      {
        key: 'customer',
        header: 'Customer',
        render: (c) =>
          c.customer ? (
            linkCustomers ? (
              <Link to={`/customers/${c.customer.id}`} className={cx(styles.cellLink, tableStyles.clip, styles.customerClip)} title={c.customer.name}>
                {c.customer.name}
              </Link>
            ) : (
              <ClippedText text={c.customer.name} className={styles.customerClip} />
            )
          ) : (
            <span className={styles.muted}>No customer</span>
          ),
      },
      { key: 'carrier', header: 'Carrier', render: (c) => <ClippedText text={c.carrier} className={styles.carrierClip} /> },
      {
        key: 'status',
        header: 'Status',
        className: tableStyles.nowrap,
        render: (c) => <Badge tone={CLAIM_STATUS_TONE[c.status]}>{claimStatusLabel(c.status)}</Badge>,
      },
      {
        key: 'loss',
        header: 'Date of loss',
        hiddenByDefault: true,
        sort: { field: 'DATE_OF_LOSS', order, onSort: onSort as (f: string) => void },
        className: tableStyles.nowrap,
        render: (c) => <time dateTime={c.dateOfLoss}>{calendarDateLabel(c.dateOfLoss)}</time>,
      },
      { ...amount('approved', 'Approved', (c) => c.money.approvedTotal), hiddenByDefault: true },
      amount('carrierOwes', 'Carrier owes', (c) => c.money.carrierOwes, true),
      {
        key: 'deadline',
        header: 'Depreciation due',
        sort: { field: 'DEPRECIATION_DEADLINE', order, onSort: onSort as (f: string) => void },
        className: tableStyles.nowrap,
        render: (c) => (
          <DeadlineLabel
            deadline={c.depreciationDeadline}
            pending={c.status !== 'CLOSED' && c.status !== 'DENIED' && isPositive(c.money.depreciationToCollect)}
          />
        ),
      },
    ];
    return columns;
  }, [order, onSort, linkCustomers, listSearch]);
}

export interface ClaimsTableProps {
  rows: readonly ClaimRow[];
  columns: ReadonlyArray<Column<ClaimRow>>;
  density: TableDensity;
  /** True while a changed search, filter or order loads: the old rows stay, dimmed. */
  busy: boolean;
}

/** Claims with the user's columns (phones: each row a card, amounts labelled). */
export function ClaimsTable({ rows, columns, density, busy }: ClaimsTableProps) {
  return (
    <Table
      caption="Insurance claims"
      columns={columns}
      rows={rows}
      rowKey={(c) => c.id}
      density={density}
      busy={busy}
      empty={null}
      className={styles.table}
      wrapClassName={styles.tableScroll}
      rowClassName={() => styles.row}
      cellLabel={(c) => (c.numeric ? columnLabel(c) : undefined)}
    />
  );
}

import { useMutation } from '@apollo/client/react';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { PartnerOrderField, PartnerRow_PartnerFragment, PartnerStatus } from '../../gql/graphql';
import { dateLabel, enumLabel, money } from '../../lib/format';
import { Badge, ClippedText, columnLabel, cx, EditableCell, Table, tableStyles, type Column, type TableDensity } from '../../ui';
import { saveErrorOf } from '../views/saveError';
import type { PartnerListState } from './listParams';
import { conversionLabel, kindLabel, STATUS_OPTIONS, STATUS_TONE } from './partnerFormat';
import type { PartnerNumbers } from './usePartnerPerformance';
import styles from './PartnersTable.module.css';

export const PartnerRowFragment = graphql(`
  fragment PartnerRow_partner on Partner {
    id
    name
    kind
    status
    owner {
      id
      name
    }
    owningTeam {
      id
      name
    }
    contacts {
      id
    }
    updatedAt
    deletedAt
  }
`);

export interface PartnerPerformanceView {
  byPartner: ReadonlyMap<string, PartnerNumbers>;
  /** The numbers have loaded. */
  loaded: boolean;
  /** Whether a partner missing from them had no referrals in the period (it was asked for) rather than being unknown. */
  complete: (partnerId: string) => boolean;
}

export type PartnerRow = PartnerRow_PartnerFragment;

export interface PartnerColumnsOptions {
  order: PartnerListState['order'];
  onSort: (field: PartnerOrderField) => void;
  performance: PartnerPerformanceView;
  showTeam: boolean;
  /** Whether the viewer may change partners in place (office roles; never a deleted one). */
  canEdit: boolean;
  listSearch: string;
}

const NONE: Pick<PartnerNumbers, 'referrals' | 'wins' | 'wonRevenue' | 'conversionRate'> = {
  referrals: 0,
  wins: 0,
  wonRevenue: '0',
  conversionRate: 0,
};

const UpdatePartnerStatusMutation = graphql(`
  mutation UpdatePartnerStatus($input: UpdatePartnerInput!) {
    updatePartner(input: $input) {
      partner { id ...PartnerRow_partner }
      errors { field code message }
    }
  }
`);

/**
 * The partners table's columns (the user picks and orders them: features/views): name, status (changed in place),
 * owner, team, the period's referrals, wins, won revenue and conversion, updated. By default all but team and updated,
 * so they fit a laptop's width (compact rows cut long names with an ellipsis).
 */
export function usePartnerColumns({ order, onSort, performance, showTeam, canEdit, listSearch }: PartnerColumnsOptions): ReadonlyArray<Column<PartnerRow>> {
  const [update] = useMutation(UpdatePartnerStatusMutation);
  return useMemo(() => {
    const sort = (field: PartnerOrderField) => ({ field, order, onSort: onSort as (f: string) => void });
    // Until the numbers load: an ellipsis; a partner beyond the answer's limit: a dash.
    const cell = (id: string, show: (n: typeof NONE) => ReactNode) => {
      if (!performance.loaded) return '…';
      const n = performance.byPartner.get(id) ?? (performance.complete(id) ? NONE : null);
      return n ? show(n) : '—';
    };
    const number = (key: string, header: string, show: (n: typeof NONE) => ReactNode): Column<PartnerRow> => ({
      key,
      header,
      numeric: true,
      className: styles.numeric,
      render: (p) => cell(p.id, show),
    });
    const columns: Array<Column<PartnerRow> | false> = [
      {
        key: 'name',
        header: 'Name',
        required: true,
        sort: sort('NAME'),
        className: styles.nameCell,
        render: (p) => (
          <>
            <Link to={`/partners/${p.id}`} state={{ listSearch }} className={cx(styles.rowLink, tableStyles.clip, styles.nameClip)} title={p.name}>
              {p.name}
            </Link>
            <span className={styles.sub}>
              <ClippedText text={kindLabel(p.kind)} />
              <span>
                {p.contacts.length} contact{p.contacts.length === 1 ? '' : 's'}
              </span>
              {p.deletedAt && <Badge tone="danger">Deleted</Badge>}
            </span>
          </>
        ),
      },
      {
        key: 'status',
        header: 'Status',
        className: tableStyles.nowrap,
        render: (p) => (
          <EditableCell
            label={`Status of ${p.name}`}
            value={p.status}
            options={STATUS_OPTIONS}
            canEdit={canEdit && !p.deletedAt}
            onSave={(v) => saveErrorOf(update({ variables: { input: { id: p.id, status: v as PartnerStatus } } }), (d) => d.updatePartner.errors)}
          >
            <Badge tone={STATUS_TONE[p.status]}>{enumLabel(p.status)}</Badge>
          </EditableCell>
        ),
      },
      {
        key: 'owner',
        header: 'Owner',
        className: styles.hideOnPhone,
        render: (p) => (p.owner ? <ClippedText text={p.owner.name} className={styles.ownerClip} /> : <span className={styles.muted}>—</span>),
      },
      showTeam && { key: 'team', header: 'Team', hiddenByDefault: true, className: cx(styles.hideOnPhone, tableStyles.nowrap), render: (p) => p.owningTeam?.name ?? '—' },
      number('referrals', 'Referrals', (n) => n.referrals),
      number('wins', 'Wins', (n) => n.wins),
      number('wonRevenue', 'Won revenue', (n) => money(n.wonRevenue)),
      number('conversion', 'Conversion', (n) => conversionLabel(n.conversionRate)),
      { key: 'updated', header: 'Updated', hiddenByDefault: true, sort: sort('UPDATED_AT'), className: cx(tableStyles.nowrap, styles.hideOnPhone), render: (p) => dateLabel(p.updatedAt) },
    ];
    return columns.filter((c): c is Column<PartnerRow> => Boolean(c));
  }, [order, onSort, performance, showTeam, canEdit, listSearch, update]);
}

export interface PartnersTableProps {
  rows: readonly PartnerRow[];
  columns: ReadonlyArray<Column<PartnerRow>>;
  density: TableDensity;
  /** The period the numbers are for (`Last 12 months`), for the caption. */
  periodLabel: string;
  busy: boolean;
}

/** Partners with the user's columns of their kind, status, owner and the period's referrals, wins, revenue and conversion. */
export function PartnersTable({ rows, columns, density, periodLabel, busy }: PartnersTableProps) {
  return (
    <Table
      caption={`Partners, with their referrals of the ${periodLabel.toLowerCase()}`}
      columns={columns}
      rows={rows}
      rowKey={(p) => p.id}
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

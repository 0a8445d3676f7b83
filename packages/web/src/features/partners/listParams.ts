import type { PartnerFilter, PartnerKind, PartnerOrder, PartnerOrderField, PartnerStatus, SortDirection } from '../../gql/graphql';
import type { ListViewSpec } from '../views/listView';
import { PARTNER_KINDS, PARTNER_STATUSES } from './partnerFormat';
import { DEFAULT_PERIOD, periodOf, type Period } from './periods';

/**
 * What the partners list shows, kept in the URL like the customers list:
 * `?q=lakes&kind=REALTOR&status=ACTIVE&deleted=1&period=LAST_30_DAYS&sort=created&dir=asc`.
 */
export interface PartnerListState {
  search: string;
  kind: PartnerKind | null;
  status: PartnerStatus | null;
  deleted: boolean;
  period: Period;
  order: { field: PartnerOrderField; direction: SortDirection };
}

const SORT_PARAM: Record<PartnerOrderField, string> = { NAME: 'name', CREATED_AT: 'created', UPDATED_AT: 'updated' };

/** Names A–Z, dates newest first. */
export const naturalDirection = (field: PartnerOrderField): SortDirection => (field === 'NAME' ? 'ASC' : 'DESC');

/** By name, as the server orders when no order is given. */
export const DEFAULT_ORDER: PartnerListState['order'] = { field: 'NAME', direction: 'ASC' };

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  values.find((v) => v === value) ?? null;

export function readPartnerList(params: URLSearchParams): PartnerListState {
  const field = (Object.keys(SORT_PARAM) as PartnerOrderField[]).find((f) => SORT_PARAM[f] === params.get('sort'));
  const dir = params.get('dir');
  const direction: SortDirection | null = dir === 'asc' ? 'ASC' : dir === 'desc' ? 'DESC' : null;
  return {
    search: params.get('q')?.trim() ?? '',
    kind: oneOf(PARTNER_KINDS, params.get('kind')),
    status: oneOf(PARTNER_STATUSES, params.get('status')),
    deleted: params.get('deleted') === '1',
    period: periodOf(params.get('period')),
    order: field ? { field, direction: direction ?? naturalDirection(field) } : DEFAULT_ORDER,
  };
}

export function writePartnerList(state: PartnerListState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.search) p.set('q', state.search);
  if (state.kind) p.set('kind', state.kind);
  if (state.status) p.set('status', state.status);
  if (state.deleted) p.set('deleted', '1');
  if (state.period !== DEFAULT_PERIOD) p.set('period', state.period);
  const { field, direction } = state.order;
  if (field !== DEFAULT_ORDER.field || direction !== DEFAULT_ORDER.direction) {
    p.set('sort', SORT_PARAM[field]);
    if (direction !== naturalDirection(field)) p.set('dir', direction.toLowerCase());
  }
  return p;
}

/** The `filter` argument: only the conditions that are set, so equal lists share a cache entry. */
export function partnerFilterOf(state: PartnerListState): PartnerFilter {
  const filter: PartnerFilter = {};
  if (state.search) filter.search = state.search;
  if (state.kind) filter.kinds = [state.kind];
  if (state.status) filter.statuses = [state.status];
  if (state.deleted) filter.deleted = true;
  return filter;
}

export const partnerOrderOf = (state: PartnerListState): PartnerOrder => ({ ...state.order });

/** The same column flips direction; another starts in its natural direction. */
export function toggledPartnerOrder(current: PartnerListState['order'], field: PartnerOrderField): PartnerListState['order'] {
  if (current.field === field) return { field, direction: current.direction === 'ASC' ? 'DESC' : 'ASC' };
  return { field, direction: naturalDirection(field) };
}

/** Whether search or a filter narrows the list (the period does not: it only changes the numbers). */
export const isPartnerListFiltered = (s: PartnerListState) => Boolean(s.search || s.kind || s.status || s.deleted);

/** The list's filter parameters and order, for saved views (features/views). */
export const partnersView: ListViewSpec = {
  table: 'partners',
  filterKeys: ['q', 'kind', 'status', 'deleted', 'period'],
  sortOf: (params) => readPartnerList(params).order,
  sortParams: (sort) =>
    Object.fromEntries(
      [...writePartnerList({ ...readPartnerList(new URLSearchParams()), order: sort as PartnerListState['order'] })].filter(([k]) => k === 'sort' || k === 'dir'),
    ),
};

import type { ClaimStatus, InsuranceClaimFilter, InsuranceClaimOrder, InsuranceClaimOrderField, SortDirection } from '../../gql/graphql';
import type { ListViewSpec } from '../views/listView';
import { CLAIM_STATUSES } from './claimFormat';

/**
 * What the claims list shows, kept in the URL like the other lists:
 * `?q=4471&status=APPROVED&carrier=State%20Farm&sort=loss&dir=asc`.
 */
export interface ClaimListState {
  /** Text in the carrier, claim number or policy number. */
  search: string;
  status: ClaimStatus | null;
  /** Text in the carrier's name only. */
  carrier: string;
  order: { field: InsuranceClaimOrderField; direction: SortDirection };
}

const SORT_PARAM: Record<InsuranceClaimOrderField, string> = { CREATED_AT: 'created', UPDATED_AT: 'updated', DATE_OF_LOSS: 'loss', DEPRECIATION_DEADLINE: 'deadline' };

/** Newest recorded first, as the server orders when no order is given. */
export const DEFAULT_ORDER: ClaimListState['order'] = { field: 'CREATED_AT', direction: 'DESC' };

export function readClaimList(params: URLSearchParams): ClaimListState {
  const field = (Object.keys(SORT_PARAM) as InsuranceClaimOrderField[]).find((f) => SORT_PARAM[f] === params.get('sort'));
  const direction: SortDirection = params.get('dir') === 'asc' ? 'ASC' : 'DESC';
  return {
    search: params.get('q')?.trim() ?? '',
    status: CLAIM_STATUSES.find((s) => s === params.get('status')) ?? null,
    carrier: params.get('carrier')?.trim() ?? '',
    order: field ? { field, direction } : DEFAULT_ORDER,
  };
}

export function writeClaimList(state: ClaimListState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.search) p.set('q', state.search);
  if (state.status) p.set('status', state.status);
  if (state.carrier) p.set('carrier', state.carrier);
  const { field, direction } = state.order;
  if (field !== DEFAULT_ORDER.field || direction !== DEFAULT_ORDER.direction) {
    p.set('sort', SORT_PARAM[field]);
    if (direction === 'ASC') p.set('dir', 'asc');
  }
  return p;
}

/** The `filter` argument: only the conditions that are set, so equal lists share a cache entry. */
export function claimFilterOf(state: ClaimListState): InsuranceClaimFilter {
  const filter: InsuranceClaimFilter = {};
  if (state.search) filter.search = state.search;
  if (state.status) filter.statuses = [state.status];
  if (state.carrier) filter.carrier = state.carrier;
  return filter;
}

export const claimOrderOf = (state: ClaimListState): InsuranceClaimOrder => ({ ...state.order });

/** The same column flips direction; another starts newest first — the depreciation deadline soonest first. */
export function toggledClaimOrder(current: ClaimListState['order'], field: InsuranceClaimOrderField): ClaimListState['order'] {
  if (current.field === field) return { field, direction: current.direction === 'ASC' ? 'DESC' : 'ASC' };
  return { field, direction: field === 'DEPRECIATION_DEADLINE' ? 'ASC' : 'DESC' };
}

/** Whether search or a filter narrows the list. */
export const isClaimListFiltered = (s: ClaimListState) => Boolean(s.search || s.status || s.carrier);

/** The list's filter parameters and order, for saved views (features/views). */
export const claimsView: ListViewSpec = {
  table: 'claims',
  filterKeys: ['q', 'status', 'carrier'],
  sortOf: (params) => readClaimList(params).order,
  sortParams: (sort) =>
    Object.fromEntries(
      [...writeClaimList({ ...readClaimList(new URLSearchParams()), order: sort as ClaimListState['order'] })].filter(([k]) => k === 'sort' || k === 'dir'),
    ),
};

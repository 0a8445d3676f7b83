import type { CustomerFilter, CustomerOrder, CustomerOrderField, CustomerType, SortDirection } from '../../gql/graphql';
import type { ListViewSpec } from '../views/listView';

/**
 * What the customers list shows, kept in the URL so back/forward, reload and shared links give the same list:
 * `?q=maple&type=COMMERCIAL&segment=HOA&team=…&deleted=1&sort=name&dir=asc`.
 */
export interface ListState {
  search: string;
  type: CustomerType | null;
  segment: string;
  teamId: string | null;
  deleted: boolean;
  order: { field: CustomerOrderField; direction: SortDirection };
}

const SORT_PARAM: Record<CustomerOrderField, string> = { NAME: 'name', CREATED_AT: 'created', UPDATED_AT: 'updated' };

/** The direction a column sorts in when first chosen: names A–Z, dates newest first. */
export const naturalDirection = (field: CustomerOrderField): SortDirection => (field === 'NAME' ? 'ASC' : 'DESC');

/** Newest first, as the server orders when no order is given. */
export const DEFAULT_ORDER: ListState['order'] = { field: 'CREATED_AT', direction: 'DESC' };

export function readListState(params: URLSearchParams): ListState {
  const type = params.get('type');
  const sort = params.get('sort');
  const field = (Object.keys(SORT_PARAM) as CustomerOrderField[]).find((f) => SORT_PARAM[f] === sort);
  const dir = params.get('dir');
  const order = field
    ? { field, direction: dir === 'asc' ? 'ASC' : dir === 'desc' ? 'DESC' : naturalDirection(field) }
    : DEFAULT_ORDER;
  return {
    search: params.get('q')?.trim() ?? '',
    type: type === 'RESIDENTIAL' || type === 'COMMERCIAL' ? type : null,
    segment: params.get('segment')?.trim() ?? '',
    teamId: params.get('team') || null,
    deleted: params.get('deleted') === '1',
    order: order as ListState['order'],
  };
}

export function writeListState(state: ListState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.search) p.set('q', state.search);
  if (state.type) p.set('type', state.type);
  if (state.segment) p.set('segment', state.segment);
  if (state.teamId) p.set('team', state.teamId);
  if (state.deleted) p.set('deleted', '1');
  const { field, direction } = state.order;
  if (field !== DEFAULT_ORDER.field || direction !== DEFAULT_ORDER.direction) {
    p.set('sort', SORT_PARAM[field]);
    if (direction !== naturalDirection(field)) p.set('dir', direction.toLowerCase());
  }
  return p;
}

/** The `filter` argument for the list (only the conditions that are set, so equal lists share a cache entry). */
export function filterOf(state: ListState): CustomerFilter {
  const filter: CustomerFilter = {};
  if (state.search) filter.search = state.search;
  if (state.type) filter.customerTypes = [state.type];
  if (state.segment) filter.segment = state.segment;
  if (state.teamId) filter.teamId = state.teamId;
  if (state.deleted) filter.deleted = true;
  return filter;
}

export const orderOf = (state: ListState): CustomerOrder => ({ ...state.order });

/** Clicking a column header: the same column flips direction, another starts in its natural direction. */
export function toggledOrder(current: ListState['order'], field: CustomerOrderField): ListState['order'] {
  if (current.field === field) return { field, direction: current.direction === 'ASC' ? 'DESC' : 'ASC' };
  return { field, direction: naturalDirection(field) };
}

/** Whether any narrowing condition is set (search or a filter). */
export const isFiltered = (s: ListState) => Boolean(s.search || s.type || s.segment || s.teamId || s.deleted);

/** The list's filter parameters and order, for saved views (features/views). */
export const customersView: ListViewSpec = {
  table: 'customers',
  filterKeys: ['q', 'type', 'segment', 'team', 'deleted'],
  sortOf: (params) => readListState(params).order,
  sortParams: (sort) =>
    Object.fromEntries(writeListState({ ...readListState(new URLSearchParams()), order: sort as ListState['order'] })),
};

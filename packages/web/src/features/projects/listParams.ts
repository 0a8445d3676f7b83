import type { ProjectFilter, ProjectOrder, ProjectOrderField, ProjectStatus, SortDirection } from '../../gql/graphql';
import type { ListViewSpec, ViewSort } from '../views/listView';
import { isProjectStatus, OPEN_STATUSES } from './projectFormat';

/** The list's state as it lives in the URL (`?status=open&q=maple&sort=START_DATE-ASC&mine=1`). */
export interface ProjectListParams {
  /** `all`, `open` or one status. */
  status: 'all' | 'open' | ProjectStatus;
  search: string;
  sort: SortKey;
  mine: boolean;
}

export const SORTS = [
  { value: 'UPDATED_AT-DESC', label: 'Recently updated' },
  { value: 'CREATED_AT-DESC', label: 'Newest first' },
  { value: 'START_DATE-ASC', label: 'Start date (soonest)' },
  { value: 'START_DATE-DESC', label: 'Start date (latest)' },
  { value: 'BUDGET-DESC', label: 'Budget (highest)' },
  { value: 'NAME-ASC', label: 'Name (A–Z)' },
] as const;
export type SortKey = (typeof SORTS)[number]['value'];

const isSortKey = (v: string): v is SortKey => SORTS.some((s) => s.value === v);

/** Office roles see every status by default; field techs start with the work still to do, soonest first. */
export const defaults = (office: boolean): ProjectListParams => ({
  status: office ? 'all' : 'open',
  search: '',
  sort: office ? 'UPDATED_AT-DESC' : 'START_DATE-ASC',
  mine: false,
});

export function readParams(params: URLSearchParams, office: boolean): ProjectListParams {
  const d = defaults(office);
  const status = params.get('status') ?? '';
  const sort = params.get('sort') ?? '';
  return {
    status: status === 'all' || status === 'open' || isProjectStatus(status) ? status : d.status,
    search: params.get('q') ?? '',
    sort: isSortKey(sort) ? sort : d.sort,
    mine: office && params.get('mine') === '1',
  };
}

/** The URL for `p`, leaving out what equals the role's defaults. */
export function writeParams(p: ProjectListParams, office: boolean): URLSearchParams {
  const d = defaults(office);
  const out = new URLSearchParams();
  if (p.status !== d.status) out.set('status', p.status);
  if (p.search.trim()) out.set('q', p.search);
  if (p.sort !== d.sort) out.set('sort', p.sort);
  if (p.mine) out.set('mine', '1');
  return out;
}

export function toFilter(p: ProjectListParams, viewerId: string | null): ProjectFilter {
  const filter: ProjectFilter = {};
  if (p.status === 'open') filter.statuses = [...OPEN_STATUSES];
  else if (p.status !== 'all') filter.statuses = [p.status];
  if (p.search.trim()) filter.search = p.search.trim();
  if (p.mine && viewerId) filter.memberId = viewerId;
  return filter;
}

export function toOrder(sort: SortKey): ProjectOrder {
  const [field, direction] = sort.split('-') as [ProjectOrderField, SortDirection];
  return { field, direction };
}

/** The list's filter parameters and order, for saved views (features/views). */
export const projectsView = (office: boolean): ListViewSpec => ({
  table: 'projects',
  filterKeys: ['q', 'status', 'mine'],
  sortOf: (params) => toOrder(readParams(params, office).sort) as ViewSort,
  sortParams: (sort): Record<string, string> => {
    const key = `${sort.field}-${sort.direction}`;
    return SORTS.some((s) => s.value === key) && key !== defaults(office).sort ? { sort: key } : {};
  },
});

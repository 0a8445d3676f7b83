import type { LeadFilter, LeadOrder, LeadOrderField, SortDirection } from '../../gql/graphql';
import type { ListViewSpec, ViewSort } from '../views/listView';
import { LEAD_ORDER_FIELDS, LEAD_PRIORITIES, LEAD_SOURCES, oneOf } from './options';
import { BOARD_STATUSES } from './statuses';
import { wallClock, zonedFormat } from '../../lib/timeZone';

/** The leads table's URL state (filters and order) and its date labels. */

export const SORT_LABELS: Record<LeadOrderField, string> = {
  CREATED_AT: 'Created',
  UPDATED_AT: 'Last change',
  SCORE: 'Score',
  ESTIMATED_VALUE: 'Value',
  NEXT_FOLLOW_UP_AT: 'Follow-up',
};
/** A first click sorts the way people mostly want: best, biggest, newest first; follow-ups soonest first. */
export const FIRST_DIRECTION: Record<LeadOrderField, SortDirection> = {
  CREATED_AT: 'DESC',
  UPDATED_AT: 'DESC',
  SCORE: 'DESC',
  ESTIMATED_VALUE: 'DESC',
  NEXT_FOLLOW_UP_AT: 'ASC',
};
/** The "Sort by" choices (the column headers sort on wide screens; phones have this menu). */
export const SORT_OPTIONS = [
  { value: 'CREATED_AT:DESC', label: 'Newest first' },
  { value: 'CREATED_AT:ASC', label: 'Oldest first' },
  { value: 'SCORE:DESC', label: 'Highest score first' },
  { value: 'SCORE:ASC', label: 'Lowest score first' },
  { value: 'ESTIMATED_VALUE:DESC', label: 'Highest value first' },
  { value: 'ESTIMATED_VALUE:ASC', label: 'Lowest value first' },
  { value: 'NEXT_FOLLOW_UP_AT:ASC', label: 'Follow-up soonest first' },
  { value: 'NEXT_FOLLOW_UP_AT:DESC', label: 'Follow-up latest first' },
  { value: 'UPDATED_AT:DESC', label: 'Recently changed first' },
  { value: 'UPDATED_AT:ASC', label: 'Least recently changed first' },
];
export const DEFAULT_ORDER: LeadOrder = { field: 'CREATED_AT', direction: 'DESC' };
export const FILTER_KEYS = ['q', 'status', 'source', 'priority', 'assignee'] as const;

/** `Nov 29, 3 PM` in the company's time zone (minutes only when not on the hour). */
export const shortDateTime = (iso: string) => {
  const d = new Date(iso);
  return `${shortDate(iso)}, ${zonedFormat({ hour: 'numeric', minute: '2-digit' }).format(d).replace(':00', '')}`;
};
/** `Nov 20` (the company's day), with the year when it is not this year's. */
export const shortDate = (iso: string) => {
  const d = new Date(iso);
  const thisYear = wallClock(d).year === wallClock(new Date()).year;
  return zonedFormat(thisYear ? { month: 'short', day: 'numeric' } : { month: 'short', day: 'numeric', year: 'numeric' }).format(d);
};

/** The filters and order in the URL (`?q=&status=&source=&priority=&assignee=me|none|<id>&sort=&dir=`). */
export function readParams(params: URLSearchParams, viewerId: string | undefined) {
  const filter: LeadFilter = {};
  const q = params.get('q')?.trim();
  if (q) filter.search = q;
  const status = oneOf(BOARD_STATUSES, params.get('status'));
  if (status) filter.statuses = [status];
  const source = oneOf(LEAD_SOURCES, params.get('source'));
  if (source) filter.sources = [source];
  const priority = oneOf(LEAD_PRIORITIES, params.get('priority'));
  if (priority) filter.priorities = [priority];
  const assignee = params.get('assignee');
  if (assignee === 'none') filter.unassigned = true;
  else if (assignee === 'me' && viewerId) filter.assigneeId = viewerId;
  else if (assignee && assignee !== 'me') filter.assigneeId = assignee;
  const field = oneOf(LEAD_ORDER_FIELDS, params.get('sort'));
  const orderBy: LeadOrder = field
    ? { field, direction: params.get('dir') === 'asc' ? 'ASC' : params.get('dir') === 'desc' ? 'DESC' : FIRST_DIRECTION[field] }
    : DEFAULT_ORDER;
  return { filter, orderBy, filtered: FILTER_KEYS.some((k) => params.get(k)) };
}


/** The table's filter parameters and order, for saved views (features/views). */
export const leadsView: ListViewSpec = {
  table: 'leads',
  filterKeys: FILTER_KEYS,
  sortOf: (params) => readParams(params, undefined).orderBy as ViewSort,
  sortParams: (sort) => ({ sort: sort.field, dir: sort.direction.toLowerCase() }),
};

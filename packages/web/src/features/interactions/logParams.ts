import type { InteractionDirection, InteractionFilter, InteractionType } from '../../gql/graphql';
import { dayBoundary } from '../../lib/dateInputs';
import { INTERACTION_TYPES, isInteractionDirection, isInteractionType } from './interactionTypes';

/**
 * The communication log's filters as they live in the URL:
 * `?type=CALL,VISIT&dir=INBOUND&user=…&customer=…&project=…&from=2026-11-01&to=2026-11-30&q=gutter`.
 */
export interface LogParams {
  types: InteractionType[];
  direction: InteractionDirection | '';
  userId: string;
  customerId: string;
  projectId: string;
  /** `YYYY-MM-DD`, inclusive, in the browser's time zone. */
  from: string;
  to: string;
  search: string;
}

export const EMPTY_PARAMS: LogParams = {
  types: [],
  direction: '',
  userId: '',
  customerId: '',
  projectId: '',
  from: '',
  to: '',
  search: '',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readLogParams(p: URLSearchParams): LogParams {
  const types = (p.get('type') ?? '').split(',').filter(isInteractionType);
  const dir = p.get('dir') ?? '';
  const day = (key: string) => (DAY.test(p.get(key) ?? '') ? (p.get(key) as string) : '');
  return {
    // In the order the UI lists them, so the same filter always gives the same URL and query.
    types: INTERACTION_TYPES.filter((t) => types.includes(t)),
    direction: isInteractionDirection(dir) ? dir : '',
    userId: p.get('user') ?? '',
    customerId: p.get('customer') ?? '',
    projectId: p.get('project') ?? '',
    from: day('from'),
    to: day('to'),
    search: p.get('q') ?? '',
  };
}

export function writeLogParams(l: LogParams): URLSearchParams {
  const out = new URLSearchParams();
  if (l.types.length) out.set('type', INTERACTION_TYPES.filter((t) => l.types.includes(t)).join(','));
  if (l.direction) out.set('dir', l.direction);
  if (l.userId) out.set('user', l.userId);
  if (l.customerId) out.set('customer', l.customerId);
  if (l.projectId) out.set('project', l.projectId);
  if (l.from) out.set('from', l.from);
  if (l.to) out.set('to', l.to);
  if (l.search.trim()) out.set('q', l.search);
  return out;
}

/** The `InteractionFilter` for the URL's filters (only the conditions given). */
export function toInteractionFilter(l: LogParams): InteractionFilter {
  const f: InteractionFilter = {};
  if (l.types.length) f.types = [...l.types];
  if (l.direction) f.directions = [l.direction];
  if (l.userId) f.userId = l.userId;
  if (l.customerId) f.customerId = l.customerId;
  if (l.projectId) f.projectId = l.projectId;
  const from = l.from ? dayBoundary(l.from, false) : null;
  const to = l.to ? dayBoundary(l.to, true) : null;
  if (from || to) f.occurredAt = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  if (l.search.trim()) f.search = l.search.trim();
  return f;
}

export const hasFilters = (l: LogParams): boolean => writeLogParams(l).toString() !== '';

import type { SelectQueryBuilder } from 'typeorm';
import type { LeadFilter, LeadOrder } from '../../generated/graphql';
import type { SortKey } from '../../platform/db/pagination';
import { searchMatch } from '../../platform/db/search';
import { badUserInput } from '../../platform/errors';
import type { LeadEntity } from './lead.entity';


/** The linked (not deleted) customer's name, e-mail, phone or address matches. */
const customerMatches = (byDigits: boolean) => `EXISTS (SELECT 1 FROM customers sc WHERE sc.id = l.customer_id
  AND sc.deleted_at IS NULL AND (sc.search_text LIKE :like${byDigits ? ' OR sc.phone LIKE :digits' : ''}))`;

/** The `leads` filter as the service takes it: keys for IDs (NO_MATCH_ID when an ID named nothing). */
export interface LeadListFilter extends Omit<LeadFilter, 'assigneeId' | 'teamId' | 'customerId'> {
  assigneeId?: string | null;
  teamId?: string | null;
  customerId?: string | null;
}

/** Adds the `LeadFilter` conditions to a query over leads aliased `l`. */
export function filterLeads(qb: SelectQueryBuilder<LeadEntity>, f: LeadListFilter | null | undefined): void {
  if (!f) return;
  const search = searchMatch(f.search, { text: 'l.search_text', phone: 'l.contact_phone' }, customerMatches);
  if (search) qb.andWhere(search);
  if (f.statuses?.length) qb.andWhere('l.status = ANY(:statuses)', { statuses: f.statuses });
  if (f.sources?.length) qb.andWhere('l.source = ANY(:sources)', { sources: f.sources });
  if (f.priorities?.length) qb.andWhere('l.priority = ANY(:priorities)', { priorities: f.priorities });
  if (f.assigneeId) qb.andWhere('l.assignee_id = :assigneeId', { assigneeId: f.assigneeId });
  if (f.unassigned != null) qb.andWhere(f.unassigned ? 'l.assignee_id IS NULL' : 'l.assignee_id IS NOT NULL');
  if (f.teamId) qb.andWhere('l.team_id = :teamId', { teamId: f.teamId });
  if (f.customerId) qb.andWhere('l.customer_id = :customerId', { customerId: f.customerId });
  if (f.estimatedValue?.min != null) qb.andWhere('l.estimated_value >= :minValue', { minValue: f.estimatedValue.min });
  if (f.estimatedValue?.max != null) qb.andWhere('l.estimated_value <= :maxValue', { maxValue: f.estimatedValue.max });
  if (f.minScore != null) {
    if (f.minScore < 0 || f.minScore > 100) throw badUserInput('`minScore` must be between 0 and 100.', 'filter.minScore');
    qb.andWhere('l.score >= :minScore', { minScore: f.minScore });
  }
  if (f.createdAt?.from) qb.andWhere('l.created_at >= :createdFrom', { createdFrom: f.createdAt.from });
  if (f.createdAt?.to) qb.andWhere('l.created_at <= :createdTo', { createdTo: f.createdAt.to });
  if (f.nextFollowUpAt?.from) qb.andWhere('l.next_follow_up_at >= :followUpFrom', { followUpFrom: f.nextFollowUpAt.from });
  if (f.nextFollowUpAt?.to) qb.andWhere('l.next_follow_up_at <= :followUpTo', { followUpTo: f.nextFollowUpAt.to });
}

type Direction = 'ASC' | 'DESC';

/**
 * A nullable column ordered with its nulls last in either direction: nulls become a value beyond every real one
 * (the smallest for DESC, the largest for ASC), in SQL and in the cursor alike.
 */
function nullsLast(column: string, type: string, low: string, high: string, value: (l: LeadEntity) => string | Date | null) {
  return (direction: Direction): SortKey<LeadEntity> => {
    const sentinel = direction === 'DESC' ? low : high;
    return { sql: `COALESCE(${column}, '${sentinel}'::${type})`, direction, value: (l) => value(l) ?? sentinel };
  };
}

const ORDER_KEYS: Record<LeadOrder['field'], (direction: Direction) => SortKey<LeadEntity>> = {
  CREATED_AT: (direction) => ({ sql: 'l.created_at', direction, value: (l) => l.createdAt }),
  UPDATED_AT: (direction) => ({ sql: 'l.updated_at', direction, value: (l) => l.updatedAt }),
  SCORE: (direction) => ({ sql: 'l.score', direction, value: (l) => l.score }),
  ESTIMATED_VALUE: nullsLast('l.estimated_value', 'numeric', '-1', '100000000000', (l) => l.estimatedValue),
  NEXT_FOLLOW_UP_AT: nullsLast('l.next_follow_up_at', 'timestamptz', '-infinity', 'infinity', (l) => l.nextFollowUpAt),
};

/** The keyset ordering for `orderBy` (newest first when omitted), with the id as tie-breaker. */
export function leadOrder(orderBy: LeadOrder | null | undefined): SortKey<LeadEntity>[] {
  const direction: Direction = orderBy?.direction ?? (orderBy ? 'ASC' : 'DESC');
  return [ORDER_KEYS[orderBy?.field ?? 'CREATED_AT'](direction), { sql: 'l.id', direction, value: (l) => l.id }];
}

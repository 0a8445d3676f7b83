import type { SelectQueryBuilder } from 'typeorm';
import type { AppointmentFilter, AppointmentOrder } from '../../generated/graphql';
import type { SortKey } from '../../platform/db/pagination';
import { likePattern } from '../../platform/db/search';
import type { AppointmentEntity } from './appointment.entity';


const ORDER_COLUMNS = {
  STARTS_AT: { sql: 'a.starts_at', value: (a: AppointmentEntity) => a.startsAt },
  CREATED_AT: { sql: 'a.created_at', value: (a: AppointmentEntity) => a.createdAt },
} as const;

/** Keyset order of the `appointments` list: soonest first by default, ties by id. */
export function sortKeys(order: AppointmentOrder | null | undefined): SortKey<AppointmentEntity>[] {
  const column = ORDER_COLUMNS[order?.field ?? 'STARTS_AT'];
  const direction = order?.direction ?? 'ASC';
  return [
    { sql: column.sql, direction, value: column.value },
    { sql: 'a.id', direction, value: (a) => a.id },
  ];
}

/** The `appointments` filter as the service takes it: keys for IDs (NO_MATCH_ID when an ID named nothing). */
export interface AppointmentListFilter extends Omit<AppointmentFilter, 'assigneeId' | 'teamId' | 'customerId' | 'projectId' | 'leadId'> {
  assigneeId?: string | null;
  teamId?: string | null;
  customerId?: string | null;
  projectId?: string | null;
  leadId?: string | null;
}

/** Adds the list filter (all but `deleted`, which decides the base query) to `qb` over alias `a`. */
export function applyFilter(qb: SelectQueryBuilder<AppointmentEntity>, f: AppointmentListFilter | null | undefined): void {
  if (!f) return;
  // Overlapping the range, so an appointment running into a calendar view shows in it.
  if (f.range?.to) qb.andWhere('a.starts_at < :rangeTo', { rangeTo: f.range.to });
  if (f.range?.from) qb.andWhere('a.ends_at > :rangeFrom', { rangeFrom: f.range.from });
  if (f.kinds?.length) qb.andWhere('a.kind = ANY(:kinds)', { kinds: f.kinds });
  if (f.statuses?.length) qb.andWhere('a.status = ANY(:statuses)', { statuses: f.statuses });
  if (f.assigneeId) qb.andWhere('a.assignee_id = :assigneeId', { assigneeId: f.assigneeId });
  if (f.unassigned != null) qb.andWhere(f.unassigned ? 'a.assignee_id IS NULL' : 'a.assignee_id IS NOT NULL');
  if (f.teamId) qb.andWhere('a.team_id = :teamId', { teamId: f.teamId });
  if (f.customerId) qb.andWhere('a.customer_id = :customerId', { customerId: f.customerId });
  if (f.projectId) qb.andWhere('a.project_id = :projectId', { projectId: f.projectId });
  if (f.leadId) qb.andWhere('a.lead_id = :leadId', { leadId: f.leadId });
  const like = likePattern(f.search);
  if (like) {
    qb.andWhere(
      `(lower(a.title) LIKE :like OR lower(a.location) LIKE :like
        OR EXISTS (SELECT 1 FROM customers sc WHERE sc.id = a.customer_id AND lower(sc.name) LIKE :like))`,
      { like },
    );
  }
}

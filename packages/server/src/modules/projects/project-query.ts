import { Brackets, type SelectQueryBuilder } from 'typeorm';
import type { ProjectFilter, ProjectOrder } from '../../generated/graphql';
import type { SortKey } from '../../platform/db/pagination';
import { likePattern } from '../../platform/db/search';
import type { ProjectEntity } from './project.entity';

/** Stand-ins for a missing budget / start date that sort after every real one in either direction. */
const BUDGET_LAST = { ASC: '10000000000', DESC: '-1' } as const;
const DATE_LAST = { ASC: 'infinity', DESC: '-infinity' } as const;

type Direction = 'ASC' | 'DESC';
type Column = (d: Direction) => { sql: string; value: SortKey<ProjectEntity>['value'] };

const ORDER_COLUMNS: Record<ProjectOrder['field'], Column> = {
  CREATED_AT: () => ({ sql: 'p.created_at', value: (p) => p.createdAt }),
  UPDATED_AT: () => ({ sql: 'p.updated_at', value: (p) => p.updatedAt }),
  NAME: () => ({ sql: 'p.name', value: (p) => p.name }),
  START_DATE: (d) => ({ sql: `COALESCE(p.start_date, '${DATE_LAST[d]}'::date)`, value: (p) => p.startDate ?? DATE_LAST[d] }),
  BUDGET: (d) => ({ sql: `COALESCE(p.budget, ${BUDGET_LAST[d]})`, value: (p) => p.budget ?? BUDGET_LAST[d] }),
};

/** The keyset ordering for `orderBy` (newest first when omitted), with the id as tie-breaker. */
export function projectOrder(orderBy: ProjectOrder | null | undefined): SortKey<ProjectEntity>[] {
  const direction = orderBy?.direction ?? (orderBy ? 'ASC' : 'DESC');
  const column = ORDER_COLUMNS[orderBy?.field ?? 'CREATED_AT'](direction);
  return [
    { sql: column.sql, direction, value: column.value },
    { sql: 'p.id', direction, value: (p) => p.id },
  ];
}

/** `YYYY-MM-DD` of a UTC instant, `days` later. */
const day = (d: Date, days = 0) => new Date(d.getTime() + days * 86_400_000).toISOString().slice(0, 10);
const isMidnight = (d: Date) => d.getTime() % 86_400_000 === 0;

/** The `projects` filter as the service takes it: keys for IDs (NO_MATCH_ID when an ID named nothing). */
export interface ProjectListFilter extends Omit<ProjectFilter, 'customerId' | 'memberId' | 'teamId'> {
  customerId?: string | null;
  memberId?: string | null;
  teamId?: string | null;
}

/** Adds the filter's conditions (except `deleted`, which decides the base query) to `qb` (alias `p`). */
export function filterProjects(qb: SelectQueryBuilder<ProjectEntity>, f: ProjectListFilter | null | undefined): void {
  if (!f) return;
  const like = likePattern(f.search);
  if (like) {
    qb.andWhere(
      new Brackets((w) => {
        w.where('lower(p.name) LIKE :like', { like });
        w.orWhere('EXISTS (SELECT 1 FROM customers sc WHERE sc.id = p.customer_id AND lower(sc.name) LIKE :like)');
      }),
    );
  }
  if (f.statuses?.length) qb.andWhere('p.status = ANY(:statuses)', { statuses: f.statuses });
  if (f.projectTypes?.length) qb.andWhere('p.project_type = ANY(:projectTypes)', { projectTypes: f.projectTypes });
  if (f.customerId) qb.andWhere('p.customer_id = :customerId', { customerId: f.customerId });
  if (f.memberId) {
    qb.andWhere('EXISTS (SELECT 1 FROM project_members fm WHERE fm.project_id = p.id AND fm.user_id = :memberId)', {
      memberId: f.memberId,
    });
  }
  if (f.teamId) qb.andWhere('p.team_id = :teamId', { teamId: f.teamId });
  if (f.budget?.min != null) qb.andWhere('p.budget >= :budgetMin', { budgetMin: f.budget.min });
  if (f.budget?.max != null) qb.andWhere('p.budget <= :budgetMax', { budgetMax: f.budget.max });
  // A date counts as its start of day (UTC): the first whole day at or after `from`, the day of `to`.
  const { from, to } = f.startDate ?? {};
  if (from) qb.andWhere('p.start_date >= :startFrom', { startFrom: day(from, isMidnight(from) ? 0 : 1) });
  if (to) qb.andWhere('p.start_date <= :startTo', { startTo: day(to) });
}

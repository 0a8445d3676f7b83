import type { DataSource } from 'typeorm';
import type { DashboardRange } from '../../generated/graphql';
import { instantOf, wallClock } from '../../platform/time-zone';

/** What a widget's SQL is filtered by: the period, and a team (managers, admins) or a sales member (their own numbers). */
export interface WidgetScope {
  from: Date;
  /** End of the period: now. */
  to: Date;
  /** The team reported on; null for the company (admins) or for a sales member's own numbers. */
  teamId: string | null;
  /** Set for sales members: only their own leads and deals count. */
  userId: string | null;
}

/** Where widgets run their one statement. */
export type Db = Pick<DataSource, 'query'>;

/** Positional parameters of one statement, numbered as the SQL is written. */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Marks a widget's statement, for logs, pg_stat_statements and tests. */
export const tagged = (widget: string, sql: string) => `/* dashboard:${widget} */ ${sql}`;

/** The cache identifier part naming whose numbers these are. */
export const scopeKey = (s: WidgetScope): string => (s.userId ? `user:${s.userId}` : s.teamId ? `team:${s.teamId}` : 'company');

/** Appointments in scope: the team's, or those assigned to the sales member. */
export function appointmentsInScope(s: WidgetScope, alias: string, p: Params): string {
  if (s.userId) return `${alias}.assignee_id = ${p.add(s.userId)}::uuid`;
  if (s.teamId) return `${alias}.team_id = ${p.add(s.teamId)}::uuid`;
  return 'true';
}

const DAY_MS = 86_400_000;

/** The period a range covers, ending at `now`; the year starts on January 1st in the company's `timeZone`. */
export function rangeBounds(range: DashboardRange, now: Date, timeZone: string): { from: Date; to: Date } {
  const to = new Date(now);
  switch (range) {
    case 'LAST_7_DAYS':
      return { from: new Date(now.getTime() - 7 * DAY_MS), to };
    case 'LAST_30_DAYS':
      return { from: new Date(now.getTime() - 30 * DAY_MS), to };
    case 'LAST_90_DAYS':
      return { from: new Date(now.getTime() - 90 * DAY_MS), to };
    case 'LAST_12_MONTHS': {
      const from = new Date(now);
      from.setUTCFullYear(from.getUTCFullYear() - 1);
      return { from, to };
    }
    case 'YEAR_TO_DATE':
      return { from: instantOf(timeZone, wallClock(now, timeZone).year, 1, 1), to };
  }
}

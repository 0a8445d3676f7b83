import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { fetchMany } from '../../platform/db/hydrate';
import { paginate, type Connection, type PageArgs, type SortKey } from '../../platform/db/pagination';
import { badUserInput, forbidden } from '../../platform/errors';
import { usageScope, type UsageReader } from './api-key.policy';
import { ApiUsageEntity } from './api-usage.entity';

/** `apiUsageRows`' and `apiUsage`'s filter with the key's id (NO_MATCH_ID when the ID named no key). */
export interface UsageFilter {
  apiKeyId?: string | null;
  from?: string | null;
  to?: string | null;
}

/** One day's use over every row of a usage list. */
export interface UsageDay {
  day: string;
  count: number;
  errors: number;
}

/** A page of usage rows; `totalCount` and `dailyTotals` cover every page and are read only when asked for. */
export interface ApiUsageConnection extends Connection<ApiUsageEntity> {
  dailyTotals: () => Promise<UsageDay[]>;
}

const DAY_MS = 86_400_000;
const MAX_DAYS = 92;
/** What the deprecated `apiUsage` answers at most (no pages). */
const LEGACY_LIMIT = 500;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Newest day first, then key and operation, all descending: one row comparison `(day, key_id, operation) < (…)` that
 * `api_usage_page_idx` answers.
 */
const PAGE_ORDER: SortKey<ApiUsageEntity>[] = [
  { sql: 'u.day', direction: 'DESC', value: (u) => u.day },
  { sql: 'u.key_id', direction: 'DESC', value: (u) => u.keyId },
  { sql: 'u.operation', direction: 'DESC', value: (u) => u.operation },
];

/** What API keys did, per key, day (UTC) and operation: counted as each request is answered, read by `apiUsageRows`. */
export class ApiUsageService {
  constructor(private readonly ds: DataSource) {}

  /** Adds one request to its key's counters for today (one upsert). */
  async record(keyId: string, operation: string, errored: boolean, cost: number): Promise<void> {
    await this.ds.query(
      `INSERT INTO api_usage (key_id, day, operation, count, errors, cost) VALUES ($1, (now() AT TIME ZONE 'UTC')::date, $2, 1, $3, $4)
       ON CONFLICT (key_id, day, operation) DO UPDATE
         SET count = api_usage.count + 1, errors = api_usage.errors + EXCLUDED.errors, cost = api_usage.cost + EXCLUDED.cost`,
      [keyId, operation.slice(0, 100), errored ? 1 : 0, Math.round(cost)],
    );
  }

  /** A page of the rows the reader may see (`usageScope`), keyset-paginated, with totals over every page. */
  async page(who: UsageReader, args: PageArgs & { filter?: UsageFilter | null }): Promise<ApiUsageConnection> {
    const rows = this.visible(who, args.filter);
    const page = await paginate(rows, args, PAGE_ORDER);
    return { ...page, dailyTotals: () => this.dailyTotals(rows) };
  }

  /**
   * The deprecated `apiUsage`, as it always answered: the first 500 rows, newest day first, then key and operation
   * ascending; the rest left out.
   */
  usage(who: UsageReader, filter: UsageFilter | null | undefined): Promise<ApiUsageEntity[]> {
    const rows = this.visible(who, filter).orderBy('u.day', 'DESC').addOrderBy('u.key_id', 'ASC').addOrderBy('u.operation', 'ASC');
    return fetchMany(rows.limit(LEGACY_LIMIT));
  }

  /** The rows in the filter's period (30 days to today by default, at most 92) that the reader may see. */
  private visible(who: UsageReader, filter: UsageFilter | null | undefined): SelectQueryBuilder<ApiUsageEntity> {
    const to = filter?.to ?? isoDay(Date.now());
    const from = filter?.from ?? isoDay(Date.parse(to) - 29 * DAY_MS);
    if (from > to) throw badUserInput('From must not be after to.', 'filter.from');
    if ((Date.parse(to) - Date.parse(from)) / DAY_MS >= MAX_DAYS) throw badUserInput(`At most ${MAX_DAYS} days at once.`, 'filter.from');
    const scope = usageScope(who, 'u');
    if (!scope) throw forbidden();
    const qb = this.ds.getRepository(ApiUsageEntity).createQueryBuilder('u').where('u.day BETWEEN :from AND :to', { from, to });
    if (filter?.apiKeyId) qb.andWhere('u.key_id = :apiKeyId', { apiKeyId: filter.apiKeyId });
    return qb.andWhere(scope.sql, scope.params);
  }

  /** Requests and errors per day over every row of `rows`, newest day first (at most 92 days). */
  private async dailyTotals(rows: SelectQueryBuilder<ApiUsageEntity>): Promise<UsageDay[]> {
    const days: Array<{ day: string; count: string; errors: string }> = await rows
      .clone()
      .select(`to_char(u.day, 'YYYY-MM-DD')`, 'day')
      .addSelect('sum(u.count)', 'count')
      .addSelect('sum(u.errors)', 'errors')
      .groupBy('u.day')
      .orderBy('u.day', 'DESC')
      .getRawMany();
    return days.map((d) => ({ day: d.day, count: Number(d.count), errors: Number(d.errors) }));
  }
}

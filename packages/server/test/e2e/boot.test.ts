import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * The start command's path end to end: no DATABASE_URL, so the server boots an embedded PostgreSQL under DATA_DIR,
 * migrates, seeds the demo company, serves /graphql, shuts down cleanly on SIGTERM, and keeps its data on restart.
 */
const main = path.resolve(__dirname, '../../src/main.ts');
let dataDir: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function boot(port: number, pgPort: number): Promise<{ child: ChildProcess; output: () => string; readyMs: number }> {
  let out = '';
  const started = Date.now();
  // One process (no tsx wrapper) so SIGTERM reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd: path.resolve(__dirname, '../..'),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'info',
    },
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 60_000;
  while (!out.includes('"server ready"')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => out, readyMs: Date.now() - started };
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function loginAs(port: number, email: string, password: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($i: LoginInput!) { login(input: $i) { accessToken user { name role } errors { code } } }',
      variables: { i: { email, password } },
    }),
  });
  return ((await res.json()) as { data: { login: any } }).data.login;
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-boot-'));
  // Traversable, like a checkout's .data/: as root, PostgreSQL (run as `postgres`) keeps its data in place here.
  // A private DATA_DIR is private-folder.test.ts's case.
  fs.chmodSync(dataDir, 0o755);
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

it('boots on embedded PostgreSQL with demo data, stops on SIGTERM, and keeps data across restarts', async () => {
  const [port, pgPort] = [await freePort(), await freePort()];
  const first = await boot(port, pgPort);
  expect(first.output()).toContain('Demo logins');
  expect(first.output()).toMatch(/ADMIN\s+admin@iswitchroofs\.test\s+RoofDemo!2026/);
  expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
  const admin = await loginAs(port, 'admin@iswitchroofs.test', 'RoofDemo!2026');
  expect(admin).toMatchObject({ errors: [], user: { role: 'ADMIN' } });

  // The IDE landing page is served to browsers in development.
  const ide = await fetch(`http://127.0.0.1:${port}/graphql`, { headers: { accept: 'text/html' } });
  expect(ide.status).toBe(200);
  expect(ide.headers.get('content-type')).toContain('text/html');

  expect(await stop(first.child)).toBe(0);
  expect(first.output()).toContain('"shutdown complete"');
  expect(fs.existsSync(path.join(dataDir, 'keys', 'jwt-ed25519.pem'))).toBe(true);

  // Restart: same data directory, no second seed, the same account still signs in.
  const second = await boot(port, pgPort);
  expect(second.output()).not.toContain('Demo logins');
  expect((await loginAs(port, 'tech@iswitchroofs.test', 'RoofDemo!2026')).user.role).toBe('FIELD_TECH');
  expect(await stop(second.child)).toBe(0);
  process.stdout.write(`cold start (initdb + migrate + seed): ${first.readyMs} ms; warm restart: ${second.readyMs} ms\n`);
}, 120_000);

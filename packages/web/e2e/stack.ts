import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

const repo = path.resolve(__dirname, '../../..');
const serverDir = path.join(repo, 'packages/server');
const webDist = path.join(repo, 'packages/web/dist');
// The server package's own PostgreSQL driver: the web package does not depend on one.
interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
const { Client } = createRequire(path.join(serverDir, 'package.json'))('pg') as {
  Client: new (options: { connectionString: string }) => PgClient;
};

export interface Stack {
  /** The one origin serving the SPA and /graphql. */
  url: string;
  /** Calls the API as `email` (demo password) — for setup and for checking what the UI shows. */
  api<T = any>(email: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

const DEMO_PASSWORD = 'RoofDemo!2026';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The PostgreSQL server of the run: the server tests' (embedded when DATABASE_URL is unset), else DATABASE_URL. */
function adminUrl(): string {
  const url = process.env.TEST_ADMIN_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL, or run the e2e tests with the server tests (`pnpm test`), which provide one.');
  return url;
}

async function withAdminDb<T>(fn: (c: PgClient) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * Starts the server as the start command does (migrations, demo company, built SPA on the same origin) on a database
 * of its own, created on the PostgreSQL server of DATABASE_URL and dropped by `stop()`. `extraEnv` adds settings
 * (e.g. an SMTP server of the test).
 */
export async function startStack(extraEnv: Record<string, string> = {}): Promise<Stack> {
  if (!fs.existsSync(path.join(webDist, 'index.html'))) {
    throw new Error(`No built web app in ${webDist}: run \`pnpm build\` before the e2e tests.`);
  }
  const dbName = `e2e_${process.pid}_${Date.now()}`;
  await withAdminDb((c) => c.query(`CREATE DATABASE ${dbName}`));
  const base = new URL(adminUrl());
  base.pathname = `/${dbName}`;
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: base.href,
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
      CACHE_PREFIX: dbName,
      DATA_DIR: path.join(repo, '.data', dbName),
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start:\n${output}`);
    }
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    await new Promise((r) => setTimeout(r, 200));
  }

  const tokens = new Map<string, string>();
  const post = async (body: unknown, token?: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { data?: any; errors?: Array<{ message: string }> };
    if (json.errors?.length) throw new Error(json.errors.map((e) => e.message).join('; '));
    return json.data;
  };
  const tokenFor = async (email: string) => {
    let token = tokens.get(email);
    if (!token) {
      const data = await post({
        query: 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
        variables: { i: { email, password: DEMO_PASSWORD } },
      });
      token = data.login.accessToken as string;
      tokens.set(email, token);
    }
    return token;
  };

  return {
    url,
    api: async (email, query, variables) => post({ query, variables }, await tokenFor(email)),
    stop: async () => {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      fs.rmSync(path.join(repo, '.data', dbName), { recursive: true, force: true });
      await withAdminDb((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
    },
  };
}

/**
 * The servers the GraphQL bench compares, each behind its own SQL-counting proxy to the same database: our server as
 * built (`packages/server/dist/main.js`, production mode, our auth: signed in as the seeded admin), optionally a
 * baseline build of another checkout, and PostGraphile 5 (postgraphile.mjs).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SERVER_ENV, sharedJwtKey, startHttpProcess, type Child } from '../subscriptions/processes';
import { SqlCounter } from './sql-counter';

export const BENCH_DIR = path.resolve(__dirname, '..');
export const REPO_DIR = path.resolve(BENCH_DIR, '..');

/** The seeded admin (packages/server/src/seed/demo.ts). */
const ADMIN = { email: 'admin@iswitchroofs.test', password: 'RoofDemo!2026' };
/** Our server's background connections (job queue, outbox relay): not part of any request. */
const OUR_BACKGROUND = new Set(['crm-jobs', 'crm-outbox-relay']);

export interface Contender {
  name: string;
  kind: 'ours' | 'peer';
  /** The GraphQL endpoint. */
  url: string;
  headers: Record<string, string>;
  counter: SqlCounter;
  /** application_names whose statements are background work, not requests. */
  background: ReadonlySet<string>;
  child: Child;
  /** Signs in again (ours) so the token is fresh for the next round. */
  refresh(): Promise<void>;
}

export interface GraphqlResponse {
  data?: unknown;
  errors?: Array<{ message: string }>;
}

export async function post(c: { url: string; headers: Record<string, string> }, body: unknown): Promise<{ text: string; json: GraphqlResponse }> {
  const res = await fetch(c.url, { method: 'POST', headers: { 'content-type': 'application/json', ...c.headers }, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${c.url}: HTTP ${res.status}: ${text.slice(0, 500)}`);
  return { text, json: JSON.parse(text) as GraphqlResponse };
}

function pgUpstream(databaseUrl: string): { host: string; port: number } {
  const u = new URL(databaseUrl);
  return { host: u.hostname || '127.0.0.1', port: Number(u.port || 5432) };
}

async function proxyFor(databaseUrl: string): Promise<SqlCounter> {
  const { host, port } = pgUpstream(databaseUrl);
  const counter = new SqlCounter(host, port);
  await counter.start();
  return counter;
}

/**
 * A Redis URL on which our cache never hits: a user that may not `SET`, so every `cache.wrap` reads nothing and
 * computes (the write fails and the cache logs once that it is bypassing itself). Pub/sub works as usual. Our server
 * has no setting that turns the dashboard cache off; this is how the bench measures it cold.
 */
export function cacheBypassingRedis(redisUrl: string): string {
  const u = new URL(redisUrl);
  const password = 'bench-no-cache-writes';
  const r = spawnSync('redis-cli', ['-h', u.hostname, '-p', u.port, 'ACL', 'SETUSER', 'bench', 'on', `>${password}`, '~*', '&*', '+@all', '-set'], {
    encoding: 'utf8',
  });
  if (r.status !== 0 || !/OK/.test(r.stdout)) throw new Error(`redis-cli ACL SETUSER failed: ${r.stdout}${r.stderr}${r.error ?? ''}`);
  return `redis://bench:${password}@${u.host}`;
}

/** Our server from a checkout's built `packages/server/dist/main.js`. */
export async function startOurs(name: string, checkout: string, databaseUrl: string, redisUrl: string, extraEnv: Record<string, string> = {}): Promise<Contender> {
  const serverDir = path.join(checkout, 'packages/server');
  if (!fs.existsSync(path.join(serverDir, 'dist/main.js'))) {
    throw new Error(`${serverDir}/dist/main.js does not exist: build it first (npx -y pnpm@10 --filter @crm/server build)`);
  }
  const counter = await proxyFor(databaseUrl);
  const child = await startHttpProcess(name, {
    cwd: serverDir,
    // As `pnpm start` and the Docker image run it: a 32 MB young generation (16 MB default; measured 13 % less CPU).
    args: ['--max-semi-space-size=32', 'dist/main.js'],
    env: {
      ...SERVER_ENV,
      ...sharedJwtKey(),
      DATABASE_URL: counter.via(databaseUrl),
      REDIS_URL: redisUrl,
      CACHE_PREFIX: `bench-${name}`,
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      // The heavy workload costs 178,750 by our cost analysis, over the default limit of 100,000: raised so it runs.
      // Everything else is the production default (GRAPHQL_HEAVY_COST/GRAPHQL_HEAVY_CONCURRENCY included).
      GRAPHQL_MAX_COST: '1000000',
      ...extraEnv,
    },
  });
  const contender: Contender = {
    name,
    kind: 'ours',
    url: `${child.url}/graphql`,
    headers: {},
    counter,
    background: OUR_BACKGROUND,
    child,
    refresh: async () => {
      const { json } = await post(
        { url: contender.url, headers: {} },
        { query: 'mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }', variables: { input: ADMIN } },
      );
      const token = (json.data as { login?: { accessToken?: string } } | undefined)?.login?.accessToken;
      if (!token) throw new Error(`${name}: login as ${ADMIN.email} failed: ${JSON.stringify(json.errors ?? json)}`);
      contender.headers = { authorization: `Bearer ${token}` };
    },
  };
  await contender.refresh();
  return contender;
}

/** PostGraphile 5 with the amber preset (see postgraphile.mjs). */
export async function startPostGraphile(databaseUrl: string): Promise<Contender> {
  const counter = await proxyFor(databaseUrl);
  const child = await startHttpProcess('postgraphile', {
    cwd: BENCH_DIR,
    args: ['graphql/postgraphile.mjs'],
    env: { NODE_ENV: 'production', GRAPHILE_ENV: 'production', DATABASE_URL: counter.via(databaseUrl), DATABASE_POOL_SIZE: '10' },
    ready: (url) => post({ url: `${url}/graphql`, headers: {} }, { query: '{ __typename }' }).then(() => true),
  });
  return { name: 'postgraphile', kind: 'peer', url: `${child.url}/graphql`, headers: {}, counter, background: new Set(), child, refresh: async () => undefined };
}

/** The commit of a checkout (`+ changes` when its server sources differ from it) and when its server was built. */
export function describeCheckout(dir: string): string {
  const built = fs.statSync(path.join(dir, 'packages/server/dist/main.js')).mtime.toISOString();
  const rev = spawnSync('git', ['-C', dir, 'log', '-1', '--format=%h %s'], { encoding: 'utf8' });
  if (rev.status !== 0) return `${dir}, built ${built}`;
  const dirty = spawnSync('git', ['-C', dir, 'status', '--porcelain', '--', 'packages/server/src'], { encoding: 'utf8' }).stdout.trim();
  return `\`${rev.stdout.trim().slice(0, 80)}\`${dirty ? ' + uncommitted changes in packages/server/src' : ''}, dist built ${built}`;
}

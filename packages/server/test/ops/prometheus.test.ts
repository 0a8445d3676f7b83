import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase } from '../db';
import { freePort, startServerProcess, stopAllServerProcesses, type Server } from '../server-process';

/**
 * deploy/prometheus as Prometheus runs it: `promtool` checks the configuration and the alert rules and runs their unit
 * tests (alerts.test.yml); then a real `prometheus` (Debian's package; PROMETHEUS and PROMTOOL pick the binaries), with
 * the same scrape settings and rules, scrapes a real server process through its METRICS_TOKEN, and its HTTP API answers
 * with the server's series and every rule evaluated without error.
 */
const DEPLOY = path.resolve(__dirname, '../../../../deploy/prometheus');
const PROMETHEUS = process.env.PROMETHEUS ?? 'prometheus';
const PROMTOOL = process.env.PROMTOOL ?? 'promtool';
const TOKEN = 'b7c0f6a1d2e34f5a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a';
const run = promisify(execFile);

let dir: string;

/** deploy/prometheus copied into a temporary directory, with the token file its scrape configuration reads. */
function deployCopy(): string {
  const copy = fs.mkdtempSync(path.join(dir, 'deploy-'));
  for (const file of ['prometheus.yml', 'alerts.yml', 'alerts.test.yml']) fs.copyFileSync(path.join(DEPLOY, file), path.join(copy, file));
  fs.mkdirSync(path.join(copy, 'secrets'));
  fs.writeFileSync(path.join(copy, 'secrets', 'crm-metrics-token'), `${TOKEN}\n`, { mode: 0o600 });
  return copy;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-prometheus-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('promtool', () => {
  it('accepts the configuration and the rules, and the rules pass their unit tests', async () => {
    const copy = deployCopy();
    const config = await run(PROMTOOL, ['check', 'config', path.join(copy, 'prometheus.yml')]);
    expect(config.stdout).toMatch(/SUCCESS: .*prometheus\.yml is valid/);
    const rules = await run(PROMTOOL, ['check', 'rules', path.join(copy, 'alerts.yml')]);
    expect(rules.stdout).toMatch(/SUCCESS: \d+ rules found/);
    const tests = await run(PROMTOOL, ['test', 'rules', path.join(copy, 'alerts.test.yml')]);
    expect(tests.stdout).toMatch(/SUCCESS/);
  });
});

describe('a real Prometheus scraping a real server', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let server: Server;
  let prometheus: ChildProcess | null = null;
  let prometheusOutput = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startServerProcess(db, { METRICS_TOKEN: TOKEN });
  }, 60_000);

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus!.once('exit', resolve));
      prometheus.kill('SIGTERM');
      await exited;
    }
    await stopAllServerProcesses();
    await db?.drop();
  });

  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: any[] };
  };

  /** Polls `read` until it returns a value other than undefined; fails after `ms` with what was last seen. */
  async function eventually<T>(what: string, read: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
    const deadline = Date.now() + ms;
    let last: unknown;
    for (;;) {
      try {
        const value = await read();
        if (value !== undefined) return value;
      } catch (err) {
        last = err;
      }
      if (prometheus?.exitCode !== null) throw new Error(`prometheus exited:\n${prometheusOutput}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (${String(last ?? 'not yet')})\n${prometheusOutput.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const api = async (pathAndQuery: string, port: number) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/${pathAndQuery}`);
    const body = (await res.json()) as { status: string; data: any };
    if (body.status !== 'success') throw new Error(JSON.stringify(body));
    return body.data;
  };
  const query = (promql: string, port: number) => api(`query?query=${encodeURIComponent(promql)}`, port) as Promise<{ result: Array<{ metric: Record<string, string>; value: [number, string] }> }>;

  it('scrapes /metrics with the token, answers queries over the server series and evaluates every alert rule', async () => {
    // Operations to count: sign-in (a mutation) and a named query.
    const login = await gql('mutation PromLogin($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: 'admin@iswitchroofs.test', password: 'RoofDemo!2026' } });
    const token = login.data.login.accessToken as string;
    expect((await gql('query PromMe { me { email } }', {}, token)).data.me.email).toBe('admin@iswitchroofs.test');
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);

    // The deployment's rules and scrape settings, with a short interval and this server as the only target.
    const copy = deployCopy();
    const port = await freePort();
    fs.writeFileSync(
      path.join(copy, 'test.yml'),
      [
        'global: { scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s }',
        'rule_files: [alerts.yml]',
        'scrape_configs:',
        '  - job_name: crm',
        '    metrics_path: /metrics',
        '    authorization: { type: Bearer, credentials_file: secrets/crm-metrics-token }',
        `    static_configs: [{ targets: ['127.0.0.1:${server.port}'] }]`,
        '',
      ].join('\n'),
    );
    prometheus = spawn(PROMETHEUS, [
      `--config.file=${path.join(copy, 'test.yml')}`,
      `--storage.tsdb.path=${path.join(copy, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ]);
    prometheus.stdout!.on('data', (d) => (prometheusOutput += d));
    prometheus.stderr!.on('data', (d) => (prometheusOutput += d));

    await eventually('Prometheus ready', async () => ((await fetch(`http://127.0.0.1:${port}/-/ready`)).ok ? true : undefined));
    const target = await eventually('the server scraped', async () => {
      const { activeTargets } = await api('targets', port);
      return activeTargets.find((t: any) => t.health === 'up');
    });
    expect(target.labels).toMatchObject({ job: 'crm', instance: `127.0.0.1:${server.port}` });
    const scraped = Date.now();

    const operations = await eventually('crm_graphql_operations_total of PromMe', async () => {
      const { result } = await query('crm_graphql_operations_total{operation="PromMe"}', port);
      return result.length ? result : undefined;
    });
    expect(operations).toEqual([
      { metric: expect.objectContaining({ __name__: 'crm_graphql_operations_total', operation: 'PromMe', type: 'query', transport: 'http', outcome: 'ok' }), value: [expect.any(Number), '1'] },
    ]);
    const one = async (promql: string) => (await query(promql, port)).result.map((r) => Number(r.value[1]));
    expect(await one('crm_graphql_operations_total{operation="PromLogin", type="mutation"}')).toEqual([1]);
    expect(await one('crm_outbox_lag_seconds')).toEqual([expect.any(Number)]);
    expect((await one('crm_outbox_lag_seconds'))[0]).toBeLessThan(60);
    expect(await one('crm_outbox_relay_active')).toEqual([1]);
    expect(await one('crm_ready')).toEqual([1]);
    expect(await one('crm_job_schedule_interval_seconds{queue="webhook-dispatch"}')).toEqual([60]);

    // Every rule evaluated against the real series without an error (a wrong metric name only shows as no alert).
    const groups = await eventually('every alert rule evaluated over scraped series', async () => {
      const data = await api('rules', port);
      const rules = data.groups.flatMap((g: any) => g.rules);
      return rules.length && rules.every((r: any) => Date.parse(r.lastEvaluation) > scraped) ? data.groups : undefined;
    });
    const rules = groups.flatMap((g: any) => g.rules);
    expect(rules.length).toBeGreaterThanOrEqual(15);
    expect(rules.filter((r: any) => r.health !== 'ok').map((r: any) => `${r.name}: ${r.lastError}`)).toEqual([]);
    // A healthy server fires nothing (pending alerts would have `for` still running; there are none either).
    expect(rules.filter((r: any) => r.state !== 'inactive').map((r: any) => r.name)).toEqual([]);
  }, 45_000);
});

import fs from 'node:fs';
import path from 'node:path';
import { Metrics } from '../../src/platform/metrics/metrics';
import { outboxMetrics } from '../../src/platform/metrics/database';
import { JobMetrics } from '../../src/platform/metrics/jobs';
import { signedIn, type Session } from '../factories';
import { startTestApp, subscribe, subscribed, useTestApp } from '../harness';
import { sample, samples } from '../metrics';

/**
 * `/metrics` through the real server: who may read it (METRICS_TOKEN on the main port, METRICS_PORT's own listener),
 * and the series the platform and the features feed — HTTP, GraphQL over HTTP and WebSocket with error codes, the
 * database pool, the outbox, job queues, the cache.
 */
const TOKEN = 'metrics-test-token-0123456789abcdef';
const { t } = useTestApp({ env: { METRICS_TOKEN: TOKEN, METRICS_PORT: '0' } });
let admin: Session;
let tech: Session;

beforeAll(async () => {
  admin = await signedIn(t, 'ADMIN');
  tech = await signedIn(t, 'FIELD_TECH');
});

const scrape = async (token: string | null = TOKEN, base = t.url) => {
  const res = await fetch(`${base}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, headers: res.headers, text: await res.text() };
};
const metricsPort = () => `http://127.0.0.1:${t.app.metricsAddress()!.port}`;

describe('who may read /metrics', () => {
  it('on the main port: the bearer token only, compared whole', async () => {
    for (const token of [null, 'wrong', TOKEN.slice(0, -1), `${TOKEN}x`]) {
      const res = await scrape(token);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(res.text).not.toContain('crm_');
    }
    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.text).toContain('# TYPE crm_http_requests_total counter');
  });

  it('nowhere without METRICS_PORT or METRICS_TOKEN: the main port answers 404, as for any unknown path', async () => {
    const plain = await startTestApp();
    try {
      for (const headers of [{ accept: 'text/html' }, { authorization: `Bearer ${TOKEN}` }] as Array<Record<string, string>>) {
        const res = await fetch(`${plain.url}/metrics`, { headers });
        expect(res.status).toBe(404);
        expect(await res.text()).not.toContain('crm_');
      }
      expect(plain.app.metricsAddress()).toBeNull();
    } finally {
      await plain.close();
    }
  });

  it('on METRICS_PORT: /metrics only, and the token too when one is set', async () => {
    expect((await scrape(null, metricsPort())).status).toBe(401);
    expect((await scrape(TOKEN, metricsPort())).status).toBe(200);
    expect((await fetch(`${metricsPort()}/graphql`)).status).toBe(404);
    expect(t.app.metricsAddress()!.address).toBe('127.0.0.1');
  });
});

describe('series', () => {
  it('HTTP requests by method, route pattern (never the raw path) and status', async () => {
    await fetch(`${t.url}/healthz`);
    await fetch(`${t.url}/review/not-a-real-token-123`);
    await fetch(`${t.url}/no-such-page-456`, { method: 'POST' });
    const { text } = await scrape();
    expect(sample(text, 'crm_http_requests_total', { method: 'GET', route: '/healthz', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(samples(text).some((s) => s.name === 'crm_http_requests_total' && s.labels.route === '/review/:token')).toBe(true);
    expect(sample(text, 'crm_http_requests_total', { method: 'POST', route: 'unmatched', status: '404' })).toBe(1);
    expect(text).not.toMatch(/not-a-real-token-123|no-such-page-456/);
    expect(sample(text, 'crm_http_request_duration_seconds_count', { method: 'GET', route: '/healthz' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'crm_http_requests_total', { method: 'GET', route: '/metrics', status: '401' })).toBeGreaterThanOrEqual(1);
  });

  it('GraphQL operations over HTTP by name and type, their duration, and errors by catalogue code', async () => {
    expect((await t.gql('query MetricsMe { me { id } }', {}, admin.accessToken)).body.errors).toBeUndefined();
    await t.gql('query MetricsMe { me { id } }', {}, admin.accessToken);
    await t.gql('{ me { id } }', {}, admin.accessToken);
    expect((await t.gql('query MetricsNoSuchField { me { nope } }', {}, admin.accessToken)).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await t.gql('query MetricsDashboard { dashboard { winRate } }', {}, tech.accessToken)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await t.gql('query { me { id ', {}, admin.accessToken);
    const { text } = await scrape();
    const ops = (labels: Record<string, string>) => sample(text, 'crm_graphql_operations_total', { transport: 'http', ...labels });
    expect(ops({ operation: 'MetricsMe', type: 'query', outcome: 'ok' })).toBe(2);
    expect(ops({ operation: 'anonymous', type: 'query', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(ops({ operation: 'MetricsNoSuchField', type: 'query', outcome: 'error' })).toBe(1);
    expect(ops({ operation: 'MetricsDashboard', type: 'query', outcome: 'error' })).toBe(1);
    expect(sample(text, 'crm_graphql_operation_duration_seconds_count', { operation: 'MetricsMe', type: 'query', transport: 'http' })).toBe(2);
    expect(sample(text, 'crm_graphql_errors_total', { operation: 'MetricsNoSuchField', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(sample(text, 'crm_graphql_errors_total', { operation: 'MetricsDashboard', type: 'query', code: 'FORBIDDEN' })).toBe(1);
    // A document that does not parse has no operation: anonymous, of unknown type.
    expect(sample(text, 'crm_graphql_errors_total', { operation: 'anonymous', type: 'unknown', code: 'GRAPHQL_PARSE_FAILED' })).toBe(1);
    // Sign-in through the login mutation counted as well.
    expect(ops({ type: 'mutation', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  });

  it('GraphQL over the WebSocket: connections, active subscriptions, started and refused subscriptions with their codes', async () => {
    const sub = await subscribed(t, t.wsClient(admin.accessToken), 'subscription MetricsLeads { leadCreated { eventId } }');
    // Refused by validation (onSubscribe) and by @auth in the subscribe resolver (a one-off result).
    const invalid = subscribe(t.wsClient(admin.accessToken), 'subscription MetricsBad { leadCreated { nope } }');
    const forbidden = subscribe(t.wsClient(tech.accessToken), 'subscription MetricsFees { referralFeeUpdated { eventId } }');
    await invalid.ended;
    await forbidden.ended;
    expect(forbidden.results[0]?.errors?.[0]?.extensions?.code ?? (forbidden.error as any)?.[0]?.extensions?.code).toBe('FORBIDDEN');
    let { text } = await scrape();
    const ws = (labels: Record<string, string>) => sample(text, 'crm_graphql_operations_total', { transport: 'ws', type: 'subscription', ...labels });
    expect(ws({ operation: 'MetricsLeads', outcome: 'ok' })).toBe(1);
    expect(ws({ operation: 'MetricsBad', outcome: 'error' })).toBe(1);
    expect(ws({ operation: 'MetricsFees', outcome: 'error' })).toBe(1);
    expect(sample(text, 'crm_graphql_errors_total', { operation: 'MetricsBad', transport: 'ws', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(sample(text, 'crm_graphql_errors_total', { operation: 'MetricsFees', transport: 'ws', code: 'FORBIDDEN' })).toBe(1);
    expect(sample(text, 'crm_graphql_operation_duration_seconds_count', { operation: 'MetricsLeads', transport: 'ws' })).toBe(1);
    expect(sample(text, 'crm_ws_subscriptions_active')).toBe(1);
    expect(sample(text, 'crm_ws_connections')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'crm_ws_connection_attempts_total', { outcome: 'accepted' })).toBeGreaterThanOrEqual(2);

    sub.unsubscribe();
    await sub.ended;
    ({ text } = await scrape());
    expect(sample(text, 'crm_ws_subscriptions_active')).toBe(0);
  });

  it('the database pool and statements, the outbox, the job queues, the cache and the process', async () => {
    await t.queue.send('webhook-deliver', { deliveryId: '00000000-0000-0000-0000-000000000000' }, { startAfter: new Date(Date.now() + 3_600_000) });
    for (let i = 0; i < 2; i++) await t.gql('query MetricsWinRate { dashboard { winRate } }', {}, admin.accessToken);
    const { text } = await scrape();
    expect(sample(text, 'crm_db_pool_connections_max')).toBe(5);
    expect(sample(text, 'crm_db_pool_connections_in_use')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'crm_db_pool_waiting_clients')).toBe(0);
    expect(sample(text, 'crm_db_query_duration_seconds_count', { command: 'select' })).toBeGreaterThan(0);
    expect(sample(text, 'crm_outbox_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'crm_outbox_relay_active')).toBe(1);
    expect(sample(text, 'crm_job_queue_jobs', { queue: 'webhook-deliver', state: 'deferred' })).toBe(1);
    expect(sample(text, 'crm_job_queue_jobs', { queue: 'webhook-dispatch', state: 'ready' })).toBe(0);
    expect(sample(text, 'crm_job_schedule_interval_seconds', { queue: 'webhook-dispatch' })).toBe(60);
    expect(sample(text, 'crm_job_schedule_interval_seconds', { queue: 'outbox-cleanup' })).toBe(86_400);
    expect(sample(text, 'crm_cache_requests_total', { entity: 'dashboard', result: 'miss' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'crm_cache_requests_total', { entity: 'dashboard', result: 'hit' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'crm_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sample(text, 'crm_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    for (const collector of ['db-pool', 'outbox', 'outbox-relay', 'jobs', 'ws']) expect(sample(text, 'crm_metrics_collector_up', { collector })).toBe(1);
    // Features' series: registered at start, counted as things happen.
    expect(text).toContain('# TYPE crm_webhook_deliveries_total counter');
    expect(text).toContain('# TYPE crm_messages_sent_total counter');
    expect(text).toContain('# TYPE crm_job_runs_total counter');
    // Every series is the server's own.
    expect(samples(text).filter((s) => !s.name.startsWith('crm_'))).toEqual([]);
  });

  it('every series the alert rules use is one the server exposes; no label clashes with the target labels job and instance', async () => {
    const { text } = await scrape();
    const families = new Set([...text.matchAll(/^# TYPE (\S+) \w+$/gm)].map((m) => m[1]));
    const rules = fs.readFileSync(path.resolve(__dirname, '../../../../deploy/prometheus/alerts.yml'), 'utf8');
    const used = new Set([...rules.matchAll(/\bcrm_[a-z0-9_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, '')));
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((name) => !families.has(name))).toEqual([]);
    const clashing = t.app.metrics.registry.getMetricsAsArray().filter((m) => (m as unknown as { labelNames: string[] }).labelNames.some((l) => l === 'job' || l === 'instance'));
    expect(clashing.map((m) => m.name)).toEqual([]);
  });

  it("the outbox lag is the age of the oldest event the relay has not published", async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    // In a transaction of its own: the relay cannot see (and publish) the row, the collector's query can.
    await t.ds
      .transaction(async (m) => {
        await m.query(`INSERT INTO outbox_events (type, occurred_at) VALUES ('lead.created', now() - interval '90 seconds')`);
        outboxMetrics(metrics, (sql) => m.query(sql), () => false);
        const text = await metrics.scrape();
        expect(sample(text, 'crm_outbox_lag_seconds')).toBeGreaterThanOrEqual(89.9); // occurred_at keeps milliseconds
        expect(sample(text, 'crm_outbox_lag_seconds')).toBeLessThan(120);
        expect(sample(text, 'crm_outbox_relay_active')).toBe(0);
        throw new Error('rollback');
      })
      .catch((err: Error) => expect(err.message).toBe('rollback'));
  });

  it('the last successful run of each job is read from pg-boss at start, then kept from runs seen here', async () => {
    const boss = t.queue.db;
    const id = await boss.send('alert-rules', {});
    const [job] = await boss.fetch('alert-rules');
    expect(job?.id).toBe(id);
    await boss.complete('alert-rules', id!);
    const metrics = new Metrics({ defaultMetrics: false });
    const jobs = new JobMetrics(metrics);
    const follow = jobs.follow((text, values) => boss.getDb().executeSql(text, values), ['alert-rules', 'analytics-snapshot']);
    await follow.ready;
    let text = await metrics.scrape();
    const at = sample(text, 'crm_job_last_success_timestamp_seconds', { queue: 'alert-rules' })!;
    expect(Math.abs(at - Date.now() / 1000)).toBeLessThan(60);
    expect(sample(text, 'crm_job_last_success_timestamp_seconds', { queue: 'analytics-snapshot' })).toBeUndefined();
    jobs.started('analytics-snapshot')('failed');
    jobs.started('analytics-snapshot')('completed');
    text = await metrics.scrape();
    expect(sample(text, 'crm_job_runs_total', { queue: 'analytics-snapshot', outcome: 'failed' })).toBe(1);
    expect(sample(text, 'crm_job_runs_total', { queue: 'analytics-snapshot', outcome: 'completed' })).toBe(1);
    expect(sample(text, 'crm_job_last_success_timestamp_seconds', { queue: 'analytics-snapshot' })).toBeGreaterThan(at - 1);
    expect(sample(text, 'crm_job_runs_in_progress', { queue: 'analytics-snapshot' })).toBe(0);
    follow.stop();
  });
});

import type { Cache } from '../cache/cache';
import { OUTBOX, type Messenger } from '../messaging/messenger';
import { countedCache, countedMessenger } from './counted';
import { commandOf } from './database';
import { GraphQLMetrics, MAX_OPERATION_NAMES } from './graphql';
import { cronIntervalSeconds } from './jobs';
import { LabelValues, Metrics } from './metrics';

const valueOf = async (m: Metrics, name: string, labels: Record<string, string> = {}) =>
  (await m.registry.getSingleMetric(name)!.get()).values.find((v) => Object.entries(labels).every(([k, x]) => v.labels[k] === x))?.value;

describe('metrics registry', () => {
  it('takes only crm_ names', () => {
    const m = new Metrics({ defaultMetrics: false });
    expect(() => m.counter({ name: 'http_requests_total', help: 'x' })).toThrow(/start with crm_/);
    expect(() => m.counter({ name: 'crm_Bad-Name', help: 'x' })).toThrow();
    expect(m.counter({ name: 'crm_things_total', help: 'x' })).toBeDefined();
  });

  it('runs collectors on scrape, marking the failed and the late ones down without failing the scrape', async () => {
    const m = new Metrics({ defaultMetrics: false });
    const g = m.gauge({ name: 'crm_answer', help: 'x' });
    m.onScrape('good', () => g.set(42));
    m.onScrape('broken', async () => {
      throw new Error('database down');
    });
    m.onScrape('slow', () => new Promise((r) => setTimeout(r, 200)), 20);
    const text = await m.scrape();
    expect(text).toMatch(/^crm_answer 42$/m);
    expect(text).toMatch(/^crm_metrics_collector_up\{collector="good"\} 1$/m);
    expect(text).toMatch(/^crm_metrics_collector_up\{collector="broken"\} 0$/m);
    expect(text).toMatch(/^crm_metrics_collector_up\{collector="slow"\} 0$/m);
  });

  it('shares one collection between concurrent scrapes', async () => {
    const m = new Metrics({ defaultMetrics: false });
    let runs = 0;
    m.onScrape('counting', async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 10));
    });
    await Promise.all([m.scrape(), m.scrape(), m.scrape()]);
    expect(runs).toBe(1);
  });
});

describe('operation names', () => {
  it('labels the first names seen, then other; registered ones always; anonymous without a name', async () => {
    const names = new LabelValues(2);
    names.allow(['PartnerReferrals']);
    expect([names.of('A'), names.of('B'), names.of('C'), names.of('A'), names.of('PartnerReferrals')]).toEqual(['A', 'B', 'other', 'A', 'PartnerReferrals']);
    expect(names.of('x'.repeat(65))).toBe('other');
    const m = new Metrics({ defaultMetrics: false });
    const g = new GraphQLMetrics(m);
    for (let i = 0; i < MAX_OPERATION_NAMES + 5; i++) g.observe({ name: `Op${i}`, type: 'query', transport: 'http', seconds: 0.01 });
    g.observe({ name: null, type: 'query', transport: 'http', seconds: 0.01 });
    g.observe({ name: 'Odd', type: 'bogus', transport: 'http', seconds: 0.01, errors: [{ message: 'x', extensions: { code: 'SOMETHING_ELSE' } }] });
    expect(await valueOf(m, 'crm_graphql_operations_total', { operation: 'other', outcome: 'ok' })).toBe(5);
    expect(await valueOf(m, 'crm_graphql_operations_total', { operation: 'other', outcome: 'error' })).toBe(1);
    expect(await valueOf(m, 'crm_graphql_operations_total', { operation: 'anonymous' })).toBe(1);
    // Codes outside the catalogue count as INTERNAL; types outside GraphQL's as unknown.
    expect(await valueOf(m, 'crm_graphql_errors_total', { code: 'INTERNAL', type: 'unknown' })).toBe(1);
  });
});

describe('cron intervals', () => {
  it('is the longest gap between two runs', () => {
    const monday = new Date('2026-03-02T12:00:00Z');
    expect(cronIntervalSeconds('* * * * *', monday)).toBe(60);
    expect(cronIntervalSeconds('*/5 * * * *', monday)).toBe(300);
    expect(cronIntervalSeconds('*/10 * * * *', monday)).toBe(600);
    expect(cronIntervalSeconds('30 2 * * *', monday)).toBe(86_400);
    expect(cronIntervalSeconds('0 9,17 * * *', monday)).toBe(16 * 3600);
    expect(cronIntervalSeconds('0 9 * * 1-5', monday)).toBe(3 * 86_400);
    expect(cronIntervalSeconds('0 0 1 * *', monday)).toBe(31 * 86_400);
    expect(cronIntervalSeconds('0 0 * * 7', monday)).toBe(7 * 86_400);
    for (const unreadable of ['@daily', '0 0 * * MON', '0 0 0 * * *', '61 * * * *', '0 0 31 2 *']) expect(cronIntervalSeconds(unreadable, monday)).toBeNull();
  });
});

describe('counted cache, messenger and statements', () => {
  it('counts cache hits and misses', async () => {
    const m = new Metrics({ defaultMetrics: false });
    const store = new Map<string, unknown>();
    const inner: Cache = {
      kind: 'memory',
      wrap: async (e, id, _ttl, compute) => (store.has(`${e}:${id}`) ? store.get(`${e}:${id}`) : store.set(`${e}:${id}`, await compute()).get(`${e}:${id}`)) as never,
      invalidate: async () => store.clear(),
      close: async () => {},
    };
    const cache = countedCache(inner, m);
    expect(await cache.wrap('dashboard', 'a', 60, async () => 1)).toBe(1);
    expect(await cache.wrap('dashboard', 'a', 60, async () => 2)).toBe(1);
    await expect(cache.wrap('dashboard', 'b', 60, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await valueOf(m, 'crm_cache_requests_total', { entity: 'dashboard', result: 'hit' })).toBe(1);
    expect(await valueOf(m, 'crm_cache_requests_total', { entity: 'dashboard', result: 'miss' })).toBe(2);
  });

  it('counts messages by channel and what the transport did', async () => {
    const m = new Metrics({ defaultMetrics: false });
    const inner: Messenger = {
      email: async () => ({ provider: 'smtp', providerId: '1' }),
      sms: async (s) => (s.to === 'bad' ? Promise.reject(new Error('refused')) : OUTBOX),
    };
    const messenger = countedMessenger(inner, m);
    await messenger.email({ to: 'a@example.com', subject: 's', text: 't', html: 'h' });
    await messenger.sms({ to: '+15550100', body: 'b' });
    await expect(messenger.sms({ to: 'bad', body: 'b' })).rejects.toThrow('refused');
    expect(await valueOf(m, 'crm_messages_sent_total', { channel: 'email', outcome: 'sent' })).toBe(1);
    expect(await valueOf(m, 'crm_messages_sent_total', { channel: 'sms', outcome: 'outbox' })).toBe(1);
    expect(await valueOf(m, 'crm_messages_sent_total', { channel: 'sms', outcome: 'failed' })).toBe(1);
  });

  it('names statements by their first word', () => {
    expect(['SELECT 1', '  insert into x', 'UPDATE x', 'DELETE FROM x', 'WITH a AS (SELECT 1) SELECT 1', 'START TRANSACTION', 'COMMIT', 'SAVEPOINT typeorm_1', 'LISTEN x', ''].map(commandOf)).toEqual([
      'select', 'insert', 'update', 'delete', 'with', 'transaction', 'transaction', 'transaction', 'other', 'other',
    ]);
  });
});

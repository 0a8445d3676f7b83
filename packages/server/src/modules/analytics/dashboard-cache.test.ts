import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { seededDemo } from '../../../test/analytics-factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { MemoryCache } from '../../platform/cache/cache';
import { DashboardService, type DashboardModel } from './dashboard.service';

/** The widgets whose SQL ran among `statements` (each widget statement is tagged `/* dashboard:<widget> *\/`). */
const widgetsRun = (statements: string[]) => statements.flatMap((s) => /^\/\* dashboard:(\w+) \*\//.exec(s)?.[1] ?? []);

describe('widgets on the in-process cache (no Redis)', () => {
  const sql: string[] = [];
  const db = {
    query: async (statement: string) => {
      sql.push(statement);
      if (statement.includes('dashboard:upcomingAppointments')) throw new Error('database down');
      return [];
    },
  } as unknown as DataSource;
  const model = (over: Partial<DashboardModel> = {}): DashboardModel => ({
    range: 'LAST_30_DAYS',
    from: new Date('2026-01-01T00:00:00Z'),
    to: new Date('2026-01-31T00:00:00Z'),
    teamId: 'team-a',
    userId: null,
    ...over,
  });
  const cache = new MemoryCache();
  const service = new DashboardService(db, cache, 'America/Chicago');
  beforeEach(() => void sql.splice(0));

  it('computes each widget once per scope and range until the dashboard entity is invalidated', async () => {
    expect(await service.pipeline(model())).toHaveLength(6);
    await service.pipeline(model());
    await service.funnel(model());
    expect(widgetsRun(sql)).toEqual(['pipeline', 'funnel']);

    await service.pipeline(model({ range: 'LAST_90_DAYS' }));
    await service.pipeline(model({ teamId: 'team-b' }));
    await service.pipeline(model({ teamId: null, userId: 'user-a' }));
    expect(widgetsRun(sql)).toEqual(['pipeline', 'funnel', 'pipeline', 'pipeline', 'pipeline']);

    await cache.invalidate('projects'); // another entity: still cached
    await service.pipeline(model());
    expect(sql).toHaveLength(5);
    await cache.invalidate('dashboard');
    await service.pipeline(model());
    expect(widgetsRun(sql)).toHaveLength(6);
  });

  it('shares period-independent widgets across ranges', async () => {
    await service.projectStatus(model({ teamId: 'team-c' }));
    await service.projectStatus(model({ teamId: 'team-c', range: 'LAST_12_MONTHS' }));
    expect(widgetsRun(sql)).toEqual(['projectStatus']);
  });

  it('never caches a failure', async () => {
    await expect(service.upcomingAppointmentIds(model())).rejects.toThrow('database down');
    await expect(service.upcomingAppointmentIds(model())).rejects.toThrow('database down');
    expect(widgetsRun(sql)).toEqual(['upcomingAppointments', 'upcomingAppointments']);
  });
});

describe('through the API, with the app cache (Redis when REDIS_URL is set)', () => {
  let t: TestApp;
  let demo: Awaited<ReturnType<typeof seededDemo>>;
  let redis: Redis | null = null;
  beforeAll(async () => {
    t = await startTestApp();
    demo = await seededDemo(t);
    if (process.env.REDIS_URL) redis = new Redis(process.env.REDIS_URL);
  }, 60_000);
  afterAll(async () => {
    redis?.disconnect();
    await t.close();
  });

  const ALL = `query { dashboard { pipeline { status count value } funnel { rate } winRate averageDealSize revenueByMonth { revenue }
    sourceRoi { revenue } leaderboard { user { name } revenue avgResponseHours } projectStatus { count } onBudgetRatio
    upcomingAppointments { id title } timeSeries { metric } } }`;

  async function run(query: string) {
    const before = t.queries.length;
    const r = await t.gql(query, {}, demo.manager.accessToken);
    expect(r.body.errors).toBeUndefined();
    return { data: r.body.data, widgets: widgetsRun(t.queries.slice(before)) };
  }
  /** The Redis version of this app's dashboard entity, or null on the memory cache. */
  const version = async () => (redis ? await redis.get(`${t.config.cachePrefix}:dashboard:version`) : null);

  it('uses Redis when REDIS_URL is set', () => {
    expect(t.cache.kind).toBe(process.env.REDIS_URL ? 'redis' : 'memory');
  });

  it('runs only the widgets asked for', async () => {
    await t.cache.invalidate('dashboard');
    const { widgets } = await run('query { dashboard { range pipeline { count } } }');
    expect(widgets).toEqual(['pipeline']);
  });

  it('answers a second identical query from the cache: no widget SQL', async () => {
    // Retried only when another process invalidated the shared dashboard entity in between.
    for (let attempt = 0; ; attempt++) {
      await t.cache.invalidate('dashboard');
      const v = await version();
      const first = await run(ALL);
      const second = await run(ALL);
      if ((await version()) !== v && attempt < 5) continue;
      expect(first.widgets.sort()).toEqual(
        ['averageDealSize', 'funnel', 'leaderboard', 'onBudgetRatio', 'pipeline', 'projectStatus', 'revenueByMonth', 'sourceRoi', 'timeSeries', 'upcomingAppointments', 'winRate'],
      );
      expect(second.widgets).toEqual([]);
      expect(second.data).toEqual(first.data);
      break;
    }
    if (redis) {
      // {prefix}:{entity}:{identifier}:{version}; older versions are dead and expire by TTL.
      const current = `${t.config.cachePrefix}:dashboard:pipeline:team:${demo.north}:LAST_30_DAYS:v${await version()}`;
      expect(await redis.keys(`${t.config.cachePrefix}:dashboard:pipeline:team:${demo.north}:LAST_30_DAYS:v*`)).toContain(current);
      expect(await redis.ttl(current)).toBeGreaterThan(250);
    }
  });

  it('reflects a lead created through the API at once (invalidated after the commit)', async () => {
    const PIPELINE = 'query { dashboard { pipeline { status count value } } }';
    await run(PIPELINE);
    const cached = await run(PIPELINE);
    const before = cached.data.dashboard.pipeline.find((s: { status: string }) => s.status === 'NEW');

    const created = await t.gql(
      `mutation($i: CreateLeadInput!) { createLead(input: $i) { lead { id } errors { code message } } }`,
      { i: { contactName: 'Pat Lee', contactPhone: '651-555-0101', source: 'REFERRAL', estimatedValue: '14500.25' } },
      demo.manager.accessToken,
    );
    expect(created.body.data.createLead.errors).toEqual([]);

    const after = await run(PIPELINE);
    expect(after.widgets).toEqual(['pipeline']);
    const now = after.data.dashboard.pipeline.find((s: { status: string }) => s.status === 'NEW');
    expect(now.count).toBe(before.count + 1);
    expect(Number(now.value)).toBeCloseTo(Number(before.value) + 14500.25, 2);
  });
});

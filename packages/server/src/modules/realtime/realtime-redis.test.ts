import vm from 'node:vm';
import v8 from 'node:v8';
import Redis from 'ioredis';
import { toGlobalId } from '../../platform/graphql/global-id';
import { createTeam, signedIn, type Session } from '../../../test/factories';
import { liveSubscriptions, subscribed, useTestApp } from '../../../test/harness';
import { RedisProcess } from '../../../test/redis-server';

/** Subscriptions over a Redis of this test's own, so it can be restarted and its channels counted. */
let redis: RedisProcess;
beforeAll(async () => {
  redis = await RedisProcess.start();
}, 30_000);
const { t } = useTestApp({ env: () => ({ REDIS_URL: redis.url }) });
afterAll(() => redis.down());

let manager: Session;
let team: string;
beforeAll(async () => {
  team = (await createTeam(t.ds, 'Redis Team')).id;
  manager = await signedIn(t, 'MANAGER', team);
});

const LEAD_CREATED = `subscription($team: ID) { leadCreated(teamId: $team) { eventId lead { id } } }`;
const CREATE_LEAD = `mutation($i: CreateLeadInput!) { createLead(input: $i) { lead { id } errors { code } } }`;
const createLead = async (name: string) =>
  (await t.gql(CREATE_LEAD, { i: { contactName: name, contactPhone: '612-555-0133', source: 'PHONE' } }, manager.accessToken)).body.data.createLead.lead.id as string;

it('resumes after a Redis restart, and the catch-up path returns what was committed meanwhile, none lost or duplicated', async () => {
  const sub = await subscribed(t, t.wsClient(manager.accessToken), LEAD_CREATED, { team: toGlobalId('Team', team) });
  const first = await createLead('Before outage');
  await sub.waitFor(1);
  const lastSeen = sub.results[0]!.data.leadCreated.eventId;

  await redis.down();
  const during = [await createLead('During outage 1'), await createLead('During outage 2')]; // commits do not need Redis
  await redis.up();

  // Live delivery resumes by itself...
  const after = await createLead('After restart');
  await sub.until(() => sub.results.some((r) => r.data.leadCreated.lead.id === after), 15_000);
  // ...and the client catches up on what it may have missed since the last event it saw.
  const caught = await t.gql(
    `query($since: String!) { missedEvents(since: $since, first: 500) { events { ... on LeadEvent { eventId type lead { id } } } } }`,
    { since: lastSeen },
    manager.accessToken,
  );
  expect(caught.body.errors).toBeUndefined();
  const delivered = new Map<string, string>(); // eventId -> lead id, as a client de-duplicating by event id keeps them
  for (const r of sub.results) delivered.set(r.data.leadCreated.eventId, r.data.leadCreated.lead.id);
  for (const e of caught.body.data.missedEvents.events) if (e.type === 'CREATED') delivered.set(e.eventId, e.lead.id);
  const leads = [...delivered.values()];
  expect(leads.sort()).toEqual([first, ...during, after].sort());
  expect(new Set(leads).size).toBe(leads.length);
  sub.unsubscribe();
}, 60_000);

it('1,000 subscribe/close cycles leave no subscription behind and a flat heap', async () => {
  const admin = new Redis(redis.url);
  // One Redis subscription per process carries every event (platform/realtime/outbox-stream.ts); subscriptions
  // listen in process. Channels are namespaced by CACHE_PREFIX.
  const numsub = async () => Number(((await admin.pubsub('NUMSUB', `${t.config.cachePrefix}:crm.outbox`)) as [string, number])[1]);
  await liveSubscriptions(t, 'crm.events.lead', 0);
  expect(await numsub()).toBe(1);
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;

  const client = t.wsClient(manager.accessToken, { lazy: false });
  const cycle = async () => (await subscribed(t, client, LEAD_CREATED)).unsubscribe();
  for (let i = 0; i < 50; i++) await cycle(); // warm up
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  for (let i = 0; i < 1_000; i++) await cycle();
  await liveSubscriptions(t, 'crm.events.lead', 0);
  gc();
  const growth = process.memoryUsage().heapUsed - heapBefore;
  process.stdout.write(`heap growth after 1,000 subscribe/close cycles: ${(growth / 1024 / 1024).toFixed(2)} MiB\n`);
  expect(growth).toBeLessThan(8 * 1024 * 1024);
  expect(await numsub()).toBe(1);
  admin.disconnect();
}, 120_000);

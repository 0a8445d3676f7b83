import pino from 'pino';
import { OutboxRelay } from '../../platform/realtime/outbox-relay';
import { signedIn } from '../../../test/factories';
import { liveSubscriptions, outboxPublished, subscribed, useTestApp } from '../../../test/harness';
import { RedisProcess } from '../../../test/redis-server';

/**
 * A live subscriber across a Redis outage: every event committed while Redis is down reaches it exactly once after
 * Redis returns, with no `missedEvents` call (platform/realtime/outbox-stream.ts). The server runs over a Redis of this
 * test's own, stopped and restarted.
 */
let redis: RedisProcess;
beforeAll(async () => {
  redis = await RedisProcess.start();
}, 30_000);
const { t, w: admin } = useTestApp((t) => signedIn(t, 'ADMIN'), { env: () => ({ REDIS_URL: redis.url }) });
afterAll(() => redis.down());

const LEAD_CREATED = `subscription { leadCreated { eventId lead { id } } }`;
const CREATE_LEAD = `mutation($i: CreateLeadInput!) { createLead(input: $i) { lead { id } errors { code } } }`;
const createLead = async (name: string) => {
  const r = await t.gql(CREATE_LEAD, { i: { contactName: name, contactPhone: '612-555-0133', source: 'PHONE' } }, admin.accessToken);
  expect(r.body.errors).toBeUndefined();
  return r.body.data.createLead.lead.id as string;
};

/** A leadCreated subscription, once the server has it (and no earlier one). */
async function liveSubscription() {
  await liveSubscriptions(t, 'crm.events.lead', 0);
  return subscribed(t, t.wsClient(admin.accessToken, { lazy: false }), LEAD_CREATED);
}

// Before the fix about a third of outages lost the first event committed in them (5 outages: lost one in ~9 runs of 10).
const OUTAGES = 5;
const PER_OUTAGE = 30;

it(`delivers every event committed during ${OUTAGES} Redis outages to the live subscriber exactly once`, async () => {
  const sub = await liveSubscription();
  const leadsOf = () => sub.results.map((r) => r.data.leadCreated.lead.id as string);
  const expected = [await createLead('Before the outages')];
  await sub.waitFor(1, 15_000);

  for (let round = 1; round <= OUTAGES; round++) {
    await redis.down();
    for (let i = 1; i <= PER_OUTAGE; i++) expected.push(await createLead(`Outage ${round} lead ${i}`)); // commits need no Redis
    await redis.up();
    // Everything committed during the outage arrives by itself once Redis is back (generous bound: CI load).
    await sub.waitFor(expected.length, 30_000).catch(() => undefined);
    const missing = expected.filter((id) => !leadsOf().includes(id));
    expect({ round, missing: missing.length }).toEqual({ round, missing: 0 });
  }

  // A last event after the outages: anything sent twice would have arrived before it (delivery is in order).
  expected.push(await createLead('After the outages'));
  await sub.waitFor(expected.length, 15_000);
  expect(leadsOf()).toEqual(expected);
  const eventIds = sub.results.map((r) => BigInt(r.data.leadCreated.eventId));
  expect(eventIds).toEqual([...eventIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  expect(sub.results.every((r) => r.errors === undefined)).toBe(true);
  expect(sub.error).toBeUndefined(); // one socket throughout: nothing came through a reconnect of the client
  sub.unsubscribe();
}, 180_000);

it('an event published to nobody (lost on the bus) reaches the subscriber from the outbox at the next event, in order', async () => {
  const sub = await liveSubscription();
  await t.app.relay.stop();
  const ids = [await createLead('Lost on the bus'), await createLead('Heard')];
  let dropped = false;
  const lossy = new OutboxRelay({
    url: t.databaseUrl,
    // Resolves without sending the first lead event, as a PUBLISH that reached no subscriber does: it counts as published.
    publish: async (event) => {
      if (event.type === 'lead.created' && !dropped) dropped = true;
      else await t.app.outbox.publish(event);
    },
    logger: pino({ level: 'silent' }),
  });
  await lossy.start();
  await sub.waitFor(2, 15_000);
  await lossy.stop();
  await t.app.relay.start();
  expect(dropped).toBe(true);
  expect(sub.results.map((r) => r.data.leadCreated.lead.id)).toEqual(ids);
  sub.unsubscribe();
});

it('events published while the process was not subscribed arrive when the bus re-subscribes, with no event after them', async () => {
  const sub = await liveSubscription();
  await t.app.relay.stop();
  const id = await createLead('Published to nobody');
  const deaf = new OutboxRelay({ url: t.databaseUrl, publish: async () => {}, logger: pino({ level: 'silent' }) }); // reaches nobody
  await deaf.start();
  await outboxPublished(t, [deaf]);
  await deaf.stop();
  expect(sub.results).toHaveLength(0);

  await redis.down(); // the subscriber connection drops; when it is back and subscribed again the stream reads the outbox
  await redis.up();
  await sub.waitFor(1, 15_000);
  await t.app.relay.start();
  expect(sub.results.map((r) => r.data.leadCreated.lead.id)).toEqual([id]);
  sub.unsubscribe();
});

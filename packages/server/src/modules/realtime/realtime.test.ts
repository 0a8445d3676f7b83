import pino from 'pino';
import { toGlobalId } from '../../platform/graphql/global-id';
import { OutboxRelay, type RelayedEvent } from '../../platform/realtime/outbox-relay';
import { createCustomer, createProject, createTeam, signedIn, type Session } from '../../../test/factories';
import { startTestApp, subscribe, type TestApp } from '../../../test/harness';
import { realtimeJobs } from './realtime.jobs';

/** Real graphql-ws clients over real sockets, two server processes (A and B) over one database and one Redis. */
let a: TestApp;
let b: TestApp;
let teamId: string;
let manager: Session;
let rep: Session;

beforeAll(async () => {
  a = await startTestApp();
  b = await startTestApp({}, { shareDatabaseOf: a });
  teamId = (await createTeam(a.ds, 'Realtime')).id;
  manager = await signedIn(a, 'MANAGER', teamId);
  rep = await signedIn(a, 'SALES', teamId);
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const CREATE_LEAD = `mutation($i: CreateLeadInput!) { createLead(input: $i) { lead { id } errors { code } } }`;
const LEAD_CREATED = `subscription($team: ID) { leadCreated(teamId: $team) { eventId type lead { id contactName } } }`;
const createLead = async (app: TestApp, name: string, token = manager.accessToken) =>
  (await app.gql(CREATE_LEAD, { i: { contactName: name, contactPhone: '612-555-0123', source: 'WEBSITE' } }, token)).body.data.createLead.lead.id as string;
const settle = (ms = 600) => new Promise((r) => setTimeout(r, ms));

it('delivers a lead created on server A to a subscriber on server B', async () => {
  const sub = subscribe(b.wsClient(manager.accessToken), LEAD_CREATED, { team: toGlobalId('Team', teamId) });
  await settle(300);
  const id = await createLead(a, 'Cross Process');
  await sub.waitFor(1);
  expect(sub.error).toBeUndefined();
  expect(sub.results[0]!.data.leadCreated).toMatchObject({ type: 'CREATED', lead: { id, contactName: 'Cross Process' } });
  expect(Number(sub.results[0]!.data.leadCreated.eventId)).toBeGreaterThan(0);
  sub.unsubscribe();
});

it('never publishes the event of a change that rolled back', async () => {
  const before = (await a.ds.query('SELECT count(*)::int AS n FROM outbox_events'))[0].n;
  const r = await a.gql(CREATE_LEAD, { i: { contactName: 'x', source: 'WEBSITE' } }, manager.accessToken); // invalid: no phone or e-mail
  expect(r.body.data.createLead.errors.length).toBeGreaterThan(0);
  await a.ds
    .transaction(async (m) => {
      await m.query(`INSERT INTO outbox_events (type, team_id) VALUES ('dashboard.updated', $1)`, [teamId]);
      throw new Error('rolled back');
    })
    .catch(() => undefined);
  expect((await a.ds.query('SELECT count(*)::int AS n FROM outbox_events'))[0].n).toBe(before);
});

describe('authorization at delivery time', () => {
  it('a field tech gets events of their projects only, and none after being taken off the crew', async () => {
    const tech = await signedIn(a, 'FIELD_TECH', teamId);
    const customer = await createCustomer(a.ds, { teamId });
    const mine = await createProject(a.ds, customer, { name: 'Mine' }, [tech.user.id]);
    const other = await createProject(a.ds, customer, { name: 'Other' });
    const sub = subscribe(b.wsClient(tech.accessToken), 'subscription { projectUpdated { eventId project { id name completionPercentage } } }');
    const control = subscribe(a.wsClient(manager.accessToken), 'subscription { projectUpdated { eventId project { name completionPercentage } } }');
    await settle(300);
    const UPDATE = `mutation($i: UpdateProjectInput!) { updateProject(input: $i) { errors { code } } }`;
    const progress = (id: string, n: number) => a.gql(UPDATE, { i: { id: toGlobalId('Project', id), completionPercentage: n } }, manager.accessToken);

    await progress(other.id, 10);
    await progress(mine.id, 20);
    await sub.waitFor(1);
    await control.waitFor(2);
    expect(sub.results.map((r) => r.data.projectUpdated.project.name)).toEqual(['Mine']);

    const crew = await a.gql('mutation($i: AssignProjectTeamInput!) { assignProjectTeam(input: $i) { errors { code } } }', {
      i: { id: toGlobalId('Project', mine.id), memberIds: [] },
    }, manager.accessToken);
    expect(crew.body.data.assignProjectTeam.errors).toEqual([]);
    await progress(mine.id, 30);
    await control.waitFor(4); // crew change + progress reached the manager
    await settle();
    expect(sub.results.map((r) => r.data.projectUpdated.project.completionPercentage)).toEqual([20]);
    sub.unsubscribe();
    control.unsubscribe();
  });

  it('sales reps get new leads of their own team only', async () => {
    const otherTeam = (await createTeam(a.ds)).id;
    const otherManager = await signedIn(a, 'MANAGER', otherTeam);
    const sub = subscribe(b.wsClient(rep.accessToken), LEAD_CREATED);
    await settle(300);
    await createLead(a, 'Other Team Lead', otherManager.accessToken);
    const mine = await createLead(a, 'Own Team Lead');
    await sub.waitFor(1);
    await settle();
    // Auto-assignment may give it to the rep (visible) — either way it is their team's; the other team's never arrives.
    expect(sub.results.map((r) => r.data.leadCreated.lead?.id ?? null)).toEqual([mine]);
    sub.unsubscribe();
  });
});

describe('never lose a committed event', () => {
  it('an event committed while no relay runs is delivered exactly once when a relay resumes', async () => {
    const sub = subscribe(b.wsClient(manager.accessToken), LEAD_CREATED, { team: toGlobalId('Team', teamId) });
    await settle(300);
    await a.app.relay.stop();
    await b.app.relay.stop();
    const id = await createLead(a, 'Relay Down');
    await settle();
    expect(sub.results).toHaveLength(0);
    const [row] = await a.ds.query(`SELECT published_at FROM outbox_events WHERE type = 'lead.created' AND entity_id = $1`, [
      Buffer.from(id, 'base64url').toString().split(':')[1],
    ]);
    expect(row.published_at).toBeNull();

    await a.app.relay.start();
    await b.app.relay.start();
    await sub.waitFor(1);
    await settle();
    expect(sub.results.map((r) => r.data.leadCreated.lead.id)).toEqual([id]);
    sub.unsubscribe();
  });

  it('a crash after publishing but before marking re-sends the same event id, which is dropped', async () => {
    const sub = subscribe(b.wsClient(manager.accessToken), LEAD_CREATED, { team: toGlobalId('Team', teamId) });
    await settle(300);
    await a.app.relay.stop();
    await b.app.relay.stop();
    const id = await createLead(a, 'Crash After Publish');
    let crashed = false;
    const publish = async (e: RelayedEvent) => {
      await a.app.outbox.publish(e);
      if (!crashed) {
        crashed = true;
        throw new Error('process died after publishing');
      }
    };
    const flaky = new OutboxRelay({ url: a.databaseUrl, publish, logger: pino({ level: 'silent' }), pollMs: 100 });
    await flaky.start();
    await sub.waitFor(1);
    await settle(800); // the relay retries: the same seq is published again
    await flaky.stop();
    expect(crashed).toBe(true);
    expect(sub.results.map((r) => r.data.leadCreated.lead.id)).toEqual([id]);
    const unpublished = await a.ds.query('SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NULL');
    expect(unpublished[0].n).toBe(0);
    await a.app.relay.start();
    await b.app.relay.start();
    sub.unsubscribe();
  });
});

describe('catching up', () => {
  it('missedEvents returns what a client missed, in order, and only what it may see', async () => {
    const since = (await a.gql('{ latestEventId }', {}, manager.accessToken)).body.data.latestEventId;
    const ids = [await createLead(a, 'Missed 1'), await createLead(a, 'Missed 2')];
    await settle();
    const r = await a.gql(
      `query($since: String!) { missedEvents(since: $since) { lastEventId hasMore events { __typename ... on LeadEvent { eventId type lead { id } } } } }`,
      { since },
      manager.accessToken,
    );
    const leadEvents = r.body.data.missedEvents.events.filter((e: { __typename: string; type?: string }) => e.__typename === 'LeadEvent' && e.type === 'CREATED');
    expect(leadEvents.map((e: { lead: { id: string } }) => e.lead.id)).toEqual(ids);
    const eventIds = r.body.data.missedEvents.events.map((e: { eventId?: string }) => Number(e.eventId ?? 0)).filter(Boolean);
    expect(eventIds).toEqual([...eventIds].sort((x, y) => x - y));
    const tech = await signedIn(a, 'FIELD_TECH', teamId);
    const techView = await a.gql(`query($since: String!) { missedEvents(since: $since) { events { __typename } } }`, { since }, tech.accessToken);
    expect(techView.body.data.missedEvents.events.filter((e: { __typename: string }) => e.__typename === 'LeadEvent')).toEqual([]);
  });
});

describe('retention', () => {
  it('outbox-cleanup deletes events published more than 7 days ago and keeps the rest', async () => {
    await a.ds.query(`INSERT INTO outbox_events (type, seq, published_at) VALUES
      ('dashboard.updated', -2, now() - interval '8 days'), ('dashboard.updated', -1, now() - interval '6 days')`);
    const [job] = realtimeJobs(a.ds);
    expect(await job!.run({}, { jobId: 'test', logger: pino({ level: 'silent' }) })).toEqual({ deleted: 1 });
    const left = await a.ds.query('SELECT seq::text FROM outbox_events WHERE seq < 0'); // below every real seq: the relay's numbering is untouched
    expect(left).toEqual([{ seq: '-1' }]);
    await a.ds.query('DELETE FROM outbox_events WHERE seq < 0');
  });
});

describe('ordering', () => {
  it('delivers and replays events in numeric eventId order across a power of ten (9 → 10, 99 → 100...)', async () => {
    const admin = await signedIn(a, 'ADMIN');
    const sub = subscribe(b.wsClient(admin.accessToken), 'subscription { dashboardUpdated { eventId } }');
    await settle(300);
    await a.app.relay.stop();
    await b.app.relay.stop();
    const [{ max }] = await a.ds.query('SELECT coalesce(max(seq), 0)::int AS max FROM outbox_events');
    const count = 10 ** String(max + 1).length - max + 5; // enough to cross the next power of ten
    await a.ds.query(`INSERT INTO outbox_events (type, team_id) SELECT 'dashboard.updated', $1 FROM generate_series(1, $2)`, [teamId, count]);
    await a.app.relay.start();
    await b.app.relay.start();
    await sub.waitFor(count, 15_000);
    const ids = sub.results.map((r) => Number(r.data.dashboardUpdated.eventId));
    expect(ids).toEqual(Array.from({ length: count }, (_, i) => max + 1 + i));
    sub.unsubscribe();

    const replay = await a.gql(`query($since: String!) { missedEvents(since: $since, first: 500) { events { ... on DashboardEvent { eventId } } } }`, { since: String(max) }, admin.accessToken);
    expect(replay.body.data.missedEvents.events.map((e: { eventId: string }) => Number(e.eventId))).toEqual(ids);
  });
});

import pino from 'pino';
import { toGlobalId } from '../../platform/graphql/global-id';
import { OutboxRelay, type RelayedEvent } from '../../platform/realtime/outbox-relay';
import { createCustomer, createProject, createTeam, signedIn, type Session } from '../../../test/factories';
import { outboxPublished, startTestApp, subscribed, type TestApp } from '../../../test/harness';
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
const leadsOf = (sub: { results: Array<{ data?: any }> }) => sub.results.map((r) => r.data.leadCreated.lead?.id ?? null);

it('delivers a lead created on server A to a subscriber on server B', async () => {
  const sub = await subscribed(b, b.wsClient(manager.accessToken), LEAD_CREATED, { team: toGlobalId('Team', teamId) });
  const id = await createLead(a, 'Cross Process');
  await sub.waitFor(1);
  expect(sub.error).toBeUndefined();
  expect(sub.results[0]!.data.leadCreated).toMatchObject({ type: 'CREATED', lead: { id, contactName: 'Cross Process' } });
  expect(Number(sub.results[0]!.data.leadCreated.eventId)).toBeGreaterThan(0);
  sub.unsubscribe();
});

it('never publishes the event of a change that rolled back', async () => {
  const sub = await subscribed(b, b.wsClient(manager.accessToken), LEAD_CREATED, { team: toGlobalId('Team', teamId) });
  const before = (await a.ds.query('SELECT count(*)::int AS n FROM outbox_events'))[0].n;
  const r = await a.gql(CREATE_LEAD, { i: { contactName: 'x', source: 'WEBSITE' } }, manager.accessToken); // invalid: no phone or e-mail
  expect(r.body.data.createLead.errors.length).toBeGreaterThan(0);
  // The real createLead fails inside its own transaction, after its lead, audit and outbox rows are written: the
  // database refuses the commit (a deferred constraint trigger, checked at COMMIT, on this lead's outbox row).
  await a.ds.query(`CREATE FUNCTION refuse_rolled_back_lead() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM leads WHERE id = NEW.entity_id AND contact_name = 'Rolled Back') THEN
        RAISE EXCEPTION 'commit refused by the test';
      END IF;
      RETURN NULL;
    END $$`);
  await a.ds.query(`CREATE CONSTRAINT TRIGGER refuse_rolled_back_lead AFTER INSERT ON outbox_events DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.type = 'lead.created') EXECUTE FUNCTION refuse_rolled_back_lead()`);
  try {
    const failed = await a.gql(CREATE_LEAD, { i: { contactName: 'Rolled Back', contactPhone: '612-555-0123', source: 'WEBSITE' } }, manager.accessToken);
    expect(failed.body.data?.createLead ?? null).toBeNull();
    expect(failed.body.errors?.[0]?.extensions?.code).toBe('INTERNAL');
  } finally {
    await a.ds.query('DROP TRIGGER refuse_rolled_back_lead ON outbox_events');
    await a.ds.query('DROP FUNCTION refuse_rolled_back_lead()');
  }
  expect(await a.ds.query(`SELECT id FROM leads WHERE contact_name = 'Rolled Back'`)).toEqual([]);
  expect((await a.ds.query('SELECT count(*)::int AS n FROM outbox_events'))[0].n).toBe(before);
  // Delivery is in order: had the rolled-back lead's event gone out, it would arrive before this one.
  const next = await createLead(a, 'After The Rollback');
  await sub.waitFor(1);
  expect(leadsOf(sub)).toEqual([next]);
  sub.unsubscribe();
});

describe('authorization at delivery time', () => {
  it('a field tech gets events of their projects only, and none after being taken off the crew', async () => {
    const tech = await signedIn(a, 'FIELD_TECH', teamId);
    const customer = await createCustomer(a.ds, { teamId });
    const mine = await createProject(a.ds, customer, { name: 'Mine' }, [tech.user.id]);
    const other = await createProject(a.ds, customer, { name: 'Other' });
    const marker = await createProject(a.ds, customer, { name: 'Still Mine' }, [tech.user.id]);
    const sub = await subscribed(b, b.wsClient(tech.accessToken), 'subscription { projectUpdated { eventId project { id name completionPercentage } } }');
    const control = await subscribed(a, a.wsClient(manager.accessToken), 'subscription { projectUpdated { eventId project { name completionPercentage } } }');
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
    await progress(marker.id, 40); // delivered in order: anything of `mine` sent to the tech would arrive before it
    await sub.waitFor(2);
    expect(sub.results.map((r) => r.data.projectUpdated.project.completionPercentage)).toEqual([20, 40]);
    await control.waitFor(5); // crew change + both progresses reached the manager
    sub.unsubscribe();
    control.unsubscribe();
  });

  it('sales reps get new leads of their own team only', async () => {
    const otherTeam = (await createTeam(a.ds)).id;
    const otherManager = await signedIn(a, 'MANAGER', otherTeam);
    const sub = await subscribed(b, b.wsClient(rep.accessToken), LEAD_CREATED);
    await createLead(a, 'Other Team Lead', otherManager.accessToken);
    const mine = await createLead(a, 'Own Team Lead');
    await sub.waitFor(1); // delivered in order: the other team's lead, sent first, would have arrived before it
    // Auto-assignment may give it to the rep (visible) — either way it is their team's; the other team's never arrives.
    expect(leadsOf(sub)).toEqual([mine]);
    sub.unsubscribe();
  });
});

describe('never lose a committed event', () => {
  it('an event committed while no relay runs is delivered exactly once when a relay resumes', async () => {
    const sub = await subscribed(b, b.wsClient(manager.accessToken), LEAD_CREATED, { team: toGlobalId('Team', teamId) });
    await a.app.relay.stop();
    await b.app.relay.stop();
    const id = await createLead(a, 'Relay Down');
    const [row] = await a.ds.query(`SELECT seq, published_at FROM outbox_events WHERE type = 'lead.created' AND entity_id = $1`, [
      Buffer.from(id, 'base64url').toString().split(':')[1],
    ]);
    // Not sequenced, so no process can deliver it (streams read only sequenced rows): nothing arrives until a relay runs.
    expect(row).toEqual({ seq: null, published_at: null });
    expect(sub.results).toHaveLength(0);

    await a.app.relay.start();
    await b.app.relay.start();
    await sub.waitFor(1);
    const next = await createLead(a, 'Relay Back'); // delivered in order: a second copy of the first would arrive before it
    await sub.waitFor(2);
    expect(leadsOf(sub)).toEqual([id, next]);
    sub.unsubscribe();
  });

  it('a crash after publishing but before marking re-sends the same event id, which is dropped', async () => {
    const sub = await subscribed(b, b.wsClient(manager.accessToken), LEAD_CREATED, { team: toGlobalId('Team', teamId) });
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
    await outboxPublished(a, [flaky]); // the relay retried: the same seq was published again, then marked
    const next = await createLead(a, 'After The Crash'); // on the bus after the copy: the copy reached B's stream first
    await sub.waitFor(2);
    await flaky.stop();
    expect(crashed).toBe(true);
    expect(leadsOf(sub)).toEqual([id, next]);
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
    await outboxPublished(a, [a.app.relay, b.app.relay]); // missedEvents returns published events
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
    const sub = await subscribed(b, b.wsClient(admin.accessToken), 'subscription { dashboardUpdated { eventId } }');
    await a.app.relay.stop();
    await b.app.relay.stop();
    const [{ max }] = await a.ds.query('SELECT coalesce(max(seq), 0)::int AS max FROM outbox_events');
    const count = 10 ** String(max + 1).length - max + 5; // enough to cross the next power of ten
    await a.ds.query(`INSERT INTO outbox_events (type, team_id) SELECT 'dashboard.updated', $1 FROM generate_series(1, $2)`, [teamId, count]);
    // The relay marks a batch published after sending it: subscribers can hear it before `missedEvents` may replay it.
    const lastId = String(max + count);
    const marked = new Promise<void>((resolve) => {
      const stops = [a, b].map((app) =>
        app.app.relay.onPublished((seqs) => {
          if (!seqs.includes(lastId)) return;
          stops.forEach((stop) => stop());
          resolve();
        }),
      );
    });
    await a.app.relay.start();
    await b.app.relay.start();
    await sub.waitFor(count, 15_000);
    await marked;
    const ids = sub.results.map((r) => Number(r.data.dashboardUpdated.eventId));
    expect(ids).toEqual(Array.from({ length: count }, (_, i) => max + 1 + i));
    sub.unsubscribe();

    const replay = await a.gql(`query($since: String!) { missedEvents(since: $since, first: 500) { events { ... on DashboardEvent { eventId } } } }`, { since: String(max) }, admin.accessToken);
    expect(replay.body.data.missedEvents.events.map((e: { eventId: string }) => Number(e.eventId))).toEqual(ids);
  });
});

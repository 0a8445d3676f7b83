import { parse } from 'csv-parse/sync';
import { ReviewEntity } from '../../src/modules/reviews/review.entity';
import { PartnerContactEntity } from '../../src/modules/partners/partner-contact.entity';
import { PartnerEntity } from '../../src/modules/partners/partner.entity';
import { toGlobalId } from '../../src/platform/graphql/global-id';
import { wallClock } from '../../src/platform/time-zone';
import { EXPORT_BATCH, EXPORT_ROW_CAP } from '../../src/platform/http/list-export';
import { createAppointment, createCustomer, createInteraction, createLead, createProject, createUser, twoTeamCast } from '../factories';
import { useTestApp, type TestApp } from '../harness';

/**
 * CSV exports of list views (`POST /export/<list>.csv`): for each list and role, the file holds exactly the rows the
 * API's list pages through for the same filter and order, in that order, with the same key fields.
 */
const { t, w } = useTestApp(twoTeamCast, { timeout: 60_000 });

type Who = keyof typeof w.as;

async function exportCsv(t: TestApp, list: string, body: unknown, token?: string) {
  const res = await fetch(`${t.url}/export/${list}.csv`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  // Decoded as is: `res.text()` would drop the byte order mark.
  return { res, bytes, text: bytes.toString('utf8') };
}

/** The export as records (header first), checking the file's framing. */
async function exported(who: Who, list: string, body: unknown): Promise<{ header: string[]; rows: Array<Record<string, string>> }> {
  const { res, text, bytes } = await exportCsv(t, list, body, w.as[who].accessToken);
  expect(res.status).toBe(200);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="${list}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const records = parse(text, { bom: true, relax_column_count: false }) as string[][];
  const [header, ...rest] = records;
  return { header: header!, rows: rest.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}

/** Every node of the API list for the filter and order, page by page. */
async function listed(who: Who, field: string, filterType: string, orderType: string, select: string, filter: unknown, orderBy?: unknown) {
  const query = `query($f: ${filterType}, $o: ${orderType}, $after: String) {
    ${field}(filter: $f, orderBy: $o, first: 100, after: $after) { edges { node { ${select} } } pageInfo { hasNextPage endCursor } }
  }`;
  const nodes: Array<Record<string, any>> = [];
  let after: string | null = null;
  for (;;) {
    const r: { body: { data?: any; errors?: unknown } } = await t.gql(query, { f: filter, o: orderBy, after }, w.as[who].accessToken);
    expect(r.body.errors).toBeUndefined();
    const page: { edges: Array<{ node: Record<string, unknown> }>; pageInfo: { hasNextPage: boolean; endCursor: string } } = r.body.data[field];
    nodes.push(...page.edges.map((e: { node: Record<string, unknown> }) => e.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

const LISTS = {
  customers: { filterType: 'CustomerFilter', orderType: 'CustomerOrder', select: 'id name email', keys: { Name: 'name', 'E-mail': 'email' } },
  leads: { filterType: 'LeadFilter', orderType: 'LeadOrder', select: 'id contactName status', keys: { Contact: 'contactName', Status: 'status' } },
  projects: { filterType: 'ProjectFilter', orderType: 'ProjectOrder', select: 'id name status', keys: { Name: 'name', Status: 'status' } },
  partners: { filterType: 'PartnerFilter', orderType: 'PartnerOrder', select: 'id name kind', keys: { Name: 'name', Kind: 'kind' } },
  reviews: { filterType: 'ReviewFilter', orderType: 'ReviewOrder', select: 'id authorName rating', keys: { Author: 'authorName', Rating: 'rating' } },
  appointments: { filterType: 'AppointmentFilter', orderType: 'AppointmentOrder', select: 'id title kind status', keys: { Title: 'title', Kind: 'kind', Status: 'status' } },
  interactions: { filterType: 'InteractionFilter', orderType: 'InteractionOrder', select: 'id subject type direction', keys: { Subject: 'subject', Type: 'type', Direction: 'direction' } },
} as const;

/** A list the role may not call (its `@auth`): refused by the API and the export alike. */
async function expectRefused(who: Who, list: keyof typeof LISTS) {
  const l = LISTS[list];
  const r = await t.gql(`query { ${list}(first: 1) { edges { node { id } } } }`, {}, w.as[who].accessToken);
  expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const e = await exportCsv(t, list, { filter: null }, w.as[who].accessToken);
  expect(e.res.status).toBe(403);
  expect(JSON.parse(e.text).errors[0].extensions.code).toBe('FORBIDDEN');
  expect(l).toBeDefined();
}

/** The same filter and order through the API and the export: same rows, same order, same key fields. */
async function expectSameAsList(who: Who, list: keyof typeof LISTS, filter: unknown, orderBy?: unknown) {
  const l = LISTS[list];
  const nodes = await listed(who, list, l.filterType, l.orderType, l.select, filter, orderBy);
  const { rows } = await exported(who, list, { filter, orderBy });
  expect(rows.map((r) => r.ID)).toEqual(nodes.map((n) => n.id));
  for (const [header, field] of Object.entries(l.keys)) expect(rows.map((r) => r[header])).toEqual(nodes.map((n) => String(n[field] ?? '')));
  return rows;
}

describe('list exports: the rows of the list, per role', () => {
  beforeAll(async () => {
    const otherNorthSales = await createUser(t.ds, { role: 'SALES', teamId: w.north });
    const techProjectCustomers = [];
    for (let i = 0; i < 7; i++) {
      for (const [team, teamName] of [[w.north, 'North'], [w.south, 'South']] as const) {
        const c = await createCustomer(t.ds, { name: `Export ${teamName} Customer ${i}`, email: `export.${teamName.toLowerCase()}.${i}@example.com`, teamId: team, segment: i % 2 ? 'storm' : null });
        const project = await createProject(t.ds, c, { name: `Export ${teamName} Project ${i}`, status: i % 2 ? 'IN_PROGRESS' : 'PLANNING' }, team === w.north && i < 3 ? [w.as.tech.user.id] : []);
        if (team === w.north && i < 3) techProjectCustomers.push(c);
        await createLead(t.ds, {
          contactName: `Export ${teamName} Lead ${i}`,
          teamId: team,
          status: i % 3 ? 'NEW' : 'CONTACTED',
          assigneeId: team === w.north ? [w.as.sales.user.id, otherNorthSales.id, null][i % 3]! : null,
        });
        const north = team === w.north;
        // Field techs see the appointments and interactions of their projects (north, i < 3); sales the team's
        // interactions, and the team's appointments assigned to them or to nobody.
        await createAppointment(t.ds, c, {
          title: `Export ${teamName} Appointment ${i}`,
          kind: i % 2 ? 'ESTIMATE' : 'INSPECTION',
          projectId: project.id,
          assigneeId: north ? [w.as.sales.user.id, otherNorthSales.id, null][i % 3]! : null,
        });
        await createInteraction(t.ds, c, {
          subject: `Export ${teamName} Call ${i}`,
          type: i % 2 ? 'EMAIL' : 'CALL',
          projectId: project.id,
          userId: north ? [w.as.sales.user.id, otherNorthSales.id][i % 2]! : null,
          occurredAt: new Date(Date.UTC(2026, 5, 1 + i, 15)),
        });
        await t.ds.getRepository(ReviewEntity).save({
          platform: 'GOOGLE',
          rating: (i % 5) + 1,
          authorName: `Export ${teamName} Reviewer ${i}`,
          text: 'Great crew',
          postedAt: new Date(Date.UTC(2026, 5, 1 + i)),
          customerId: c.id,
          projectId: project.id,
          teamId: team,
          status: 'NEW',
        } as ReviewEntity);
      }
    }
    for (const [team, teamName] of [[w.north, 'North'], [w.south, 'South']] as const) {
      const partner = await t.ds.getRepository(PartnerEntity).save({ name: `Export ${teamName} Realty`, kind: 'REALTOR', status: 'ACTIVE', feeKind: 'NONE', teamId: team } as PartnerEntity);
      await t.ds.getRepository(PartnerContactEntity).save({ partnerId: partner.id, name: `Agent ${teamName}`, email: `agent.${teamName}@realty.example`, phone: '+16125550300' } as PartnerContactEntity);
    }
  }, 60_000);

  const roles = ['admin', 'manager', 'sales', 'tech'] as const;

  it.each(roles)('customers, as %s: filtered by search, segment, ordered by name', async (who) => {
    const rows = await expectSameAsList(who, 'customers', { search: 'export' }, { field: 'NAME', direction: 'ASC' });
    expect(rows.length).toBe({ admin: 14, manager: 7, sales: 7, tech: 3 }[who]);
    await expectSameAsList(who, 'customers', { search: 'export', segment: 'storm' });
  });

  it.each(roles)('leads, as %s: by stage, newest first', async (who) => {
    // Sales: their own and the team's unassigned; field techs: none.
    const rows = await expectSameAsList(who, 'leads', { search: 'export' });
    expect(rows.length).toBe({ admin: 14, manager: 7, sales: 5, tech: 0 }[who]);
    await expectSameAsList(who, 'leads', { search: 'export', statuses: ['NEW'] }, { field: 'SCORE', direction: 'DESC' });
  });

  it.each(roles)('projects, as %s: by status and team, by name', async (who) => {
    const rows = await expectSameAsList(who, 'projects', { search: 'export' }, { field: 'NAME', direction: 'DESC' });
    expect(rows.length).toBe({ admin: 14, manager: 7, sales: 7, tech: 3 }[who]);
    await expectSameAsList(who, 'projects', { search: 'export', statuses: ['IN_PROGRESS'], teamId: toGlobalId('Team', w.north) });
  });

  it.each(roles)('partners, as %s', async (who) => {
    // Partners are the office's: the list refuses field techs, and so does the export.
    if (who === 'tech') return expectRefused(who, 'partners');
    const rows = await expectSameAsList(who, 'partners', { search: 'export' });
    expect(rows.length).toBe({ admin: 2, manager: 1, sales: 1 }[who]);
    if (who === 'admin') expect(rows.map((r) => r.Contacts)).toEqual(['Agent North agent.North@realty.example (612) 555-0300', 'Agent South agent.South@realty.example (612) 555-0300']);
  });

  it.each(roles)('reviews, as %s: by rating', async (who) => {
    const rows = await expectSameAsList(who, 'reviews', { search: 'export', minRating: 3 }, { field: 'RATING', direction: 'DESC' });
    expect(rows.length).toBe({ admin: 6, manager: 3, sales: 3, tech: 1 }[who]);
  });

  it.each(roles)('appointments, as %s: by kind, latest first (a field tech: theirs only)', async (who) => {
    const rows = await expectSameAsList(who, 'appointments', { search: 'export' });
    expect(rows.length).toBe({ admin: 14, manager: 7, sales: 5, tech: 3 }[who]);
    await expectSameAsList(who, 'appointments', { search: 'export', kinds: ['ESTIMATE'], teamId: toGlobalId('Team', w.north) }, { field: 'STARTS_AT', direction: 'DESC' });
  });

  it.each(roles)('interactions, as %s: by type and who logged them, oldest first (a field tech: their projects\' only)', async (who) => {
    const rows = await expectSameAsList(who, 'interactions', { search: 'export' });
    expect(rows.length).toBe({ admin: 14, manager: 7, sales: 7, tech: 3 }[who]);
    await expectSameAsList(who, 'interactions', { search: 'export', types: ['CALL'], userId: toGlobalId('User', w.as.sales.user.id) }, { field: 'OCCURRED_AT', direction: 'ASC' });
  });

  it('appointments and interactions: times on the company clock, linked records by name', async () => {
    const zone = t.config.company.timeZone;
    const appointments = await exported('admin', 'appointments', { filter: { search: 'export north appointment 0' } });
    expect(appointments.header).toEqual(expect.arrayContaining(['ID', 'Title', 'Kind', 'Status', `Starts (${zone})`, `Ends (${zone})`, 'Customer', 'Project', 'Assignee', 'Team']));
    expect(appointments.rows).toHaveLength(1);
    expect(appointments.rows[0]).toMatchObject({ Customer: 'Export North Customer 0', Project: 'Export North Project 0', Assignee: w.as.sales.user.name, Team: 'North' });
    const interactions = await exported('admin', 'interactions', { filter: { search: 'export north call 0' } });
    expect(interactions.rows).toHaveLength(1);
    // 15:00 UTC on June 1st, on the company's clock (CDT in Chicago: 10:00).
    const c = wallClock(new Date(Date.UTC(2026, 5, 1, 15)), zone);
    expect(interactions.rows[0]).toMatchObject({
      [`Occurred (${zone})`]: `2026-06-01 ${String(c.hour).padStart(2, '0')}:00`,
      Customer: 'Export North Customer 0',
      Project: 'Export North Project 0',
      'Logged by': w.as.sales.user.name,
    });
  });

  it('writes linked records by name, the global IDs the API uses, and times on the company clock', async () => {
    const zone = t.config.company.timeZone;
    const { header, rows } = await exported('admin', 'leads', { filter: { search: 'export north lead 0' } });
    expect(header).toEqual(expect.arrayContaining(['ID', 'Customer', 'Contact', 'Phone', 'Status', 'Assignee', 'Team', `Created (${zone})`, `Next follow-up (${zone})`]));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ Contact: 'Export North Lead 0', Phone: '(612) 555-0111', Assignee: w.as.sales.user.name, Team: 'North' });
    const [lead] = await t.ds.query(`SELECT created_at FROM leads WHERE contact_name = 'Export North Lead 0'`);
    const c = wallClock(lead.created_at, zone);
    const two = (n: number) => String(n).padStart(2, '0');
    expect(rows[0]![`Created (${zone})`]).toBe(`${c.year}-${two(c.month)}-${two(c.day)} ${two(c.hour)}:${two(c.minute)}`);
  });
});

describe('list exports: what a spreadsheet must not run', () => {
  it('neutralises cells that start like a formula, keeps commas, quotes and line breaks, and writes UTF-8 with a BOM', async () => {
    const nasty = ['=HYPERLINK("http://evil.example","Click")', '+SUM(1,2)', '-1+1', '@cmd', '\t=1', 'Ölund, "Ann"\nline 2'];
    for (const [i, name] of nasty.entries()) await createCustomer(t.ds, { name, email: `nasty.${i}@example.com`, segment: 'nasty', teamId: w.north });
    const { rows } = await exported('admin', 'customers', { filter: { segment: 'nasty' }, orderBy: { field: 'NAME', direction: 'ASC' } });
    expect(rows.map((r) => r.Name).sort()).toEqual([`'+SUM(1,2)`, `'-1+1`, `'=HYPERLINK("http://evil.example","Click")`, `'@cmd`, `'\t=1`, 'Ölund, "Ann"\nline 2'].sort());
  });
});

describe('list exports: refusals', () => {
  it('needs a staff session in the Authorization header', async () => {
    const none = await exportCsv(t, 'customers', {});
    expect(none.res.status).toBe(401);
    expect(JSON.parse(none.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const bad = await exportCsv(t, 'customers', {}, 'not-a-token');
    expect(bad.res.status).toBe(401);
    const key = await exportCsv(t, 'customers', {}, 'crmk_0123456789abcdef');
    expect(key.res.status).toBe(403);
    expect(JSON.parse(key.text).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses filters its list would refuse, and unknown lists', async () => {
    for (const body of [{ filter: { statuses: ['NOPE'] } }, { filter: { nope: 1 } }, { orderBy: { field: 'COLOR' } }, { filter: { minScore: 101 } }, []]) {
      const r = await exportCsv(t, 'leads', body, w.as.admin.accessToken);
      expect(r.res.status).toBe(400);
      expect(JSON.parse(r.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    expect((await exportCsv(t, 'passwords', {}, w.as.admin.accessToken)).res.status).toBe(404);
  });

  it('shows the trash only to those who see it in the list', async () => {
    await createCustomer(t.ds, { name: 'Trashed Export', teamId: w.north, deletedAt: new Date() });
    expect((await exported('manager', 'customers', { filter: { search: 'trashed export', deleted: true } })).rows).toHaveLength(1);
    expect((await exported('sales', 'customers', { filter: { search: 'trashed export', deleted: true } })).rows).toHaveLength(0);
  });
});

describe('list exports: size', () => {
  const BIG = EXPORT_ROW_CAP + 1;
  beforeAll(async () => {
    await t.ds.query(
      `INSERT INTO customers (name, email, team_id, segment)
       SELECT 'Bulk ' || lpad(g::text, 6, '0'), 'bulk.' || g || '@example.com', $1, 'bulk' FROM generate_series(1, $2) g`,
      [w.north, BIG],
    );
  }, 60_000);

  it('streams an admin export of any size in keyset batches: every row, in order, one statement per batch', async () => {
    const from = t.queries.length;
    const { res, text } = await exportCsv(t, 'customers', { filter: { segment: 'bulk' }, orderBy: { field: 'NAME', direction: 'ASC' } }, w.as.admin.accessToken);
    expect(res.status).toBe(200);
    // Streamed, not buffered: no length known up front.
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const rows = (parse(text, { bom: true }) as string[][]).slice(1);
    expect(rows).toHaveLength(BIG);
    expect(rows[0]![1]).toBe('Bulk 000001');
    expect(rows.at(-1)![1]).toBe(`Bulk ${String(BIG).padStart(6, '0')}`);
    const batches = t.queries.slice(from).filter((q) => /FROM "customers" "c"/.test(q) && /LIMIT 500\b/.test(q));
    expect(batches).toHaveLength(Math.ceil(BIG / EXPORT_BATCH));
    // Every batch after the first starts after the last row of the one before.
    expect(batches.slice(1).every((q) => q.includes('(("c"."name", "c"."id") > ('))).toBe(true);
  });

  it(`refuses more than ${EXPORT_ROW_CAP} rows to anyone but an admin, and says how many there are`, async () => {
    const r = await exportCsv(t, 'customers', { filter: { segment: 'bulk' } }, w.as.manager.accessToken);
    expect(r.res.status).toBe(422);
    expect(JSON.parse(r.text).errors[0]).toMatchObject({ message: expect.stringContaining('10,001 rows'), extensions: { code: 'BAD_USER_INPUT' } });
    expect((await exportCsv(t, 'customers', { filter: { segment: 'bulk', search: 'bulk 00001' } }, w.as.manager.accessToken)).res.status).toBe(200);
  });
});

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { login } from '../../test/factories';
import { toGlobalId } from '../platform/graphql/global-id';
import { createLogger } from '../platform/logger';
import { useTestApp } from '../../test/harness';
import { makeCustomers, type DemoContext } from './demo-crm';
import { DEMO_PASSWORD, DEMO_SEED, seedDemo, type DemoLogin } from './demo';
import { seedDemoPartnerKey } from './demo-api-key';
import { runRegistered } from '../../test/api-keys';
import { localDate, Rng } from './random';
import { seedScale } from './scale';

// The demo's photos go to a directory of this test file's own.
let filesDir: string;
beforeAll(async () => {
  filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'crm-seed-files-'));
});
const { t } = useTestApp({ env: () => ({ FILES_DIR: filesDir }) });
afterAll(() => fs.rm(filesDir, { recursive: true, force: true }));
let logins: DemoLogin[];
beforeAll(async () => {
  logins = await seedDemo(t.ds, createLogger('silent'), undefined, t.app.services.attachments.storage);
}, 60_000);

const TABLES = ['customers', 'leads', 'projects', 'project_members', 'appointments', 'interactions'] as const;
type Counts = Record<(typeof TABLES)[number], number>;

async function one(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await t.ds.query(sql, params);
  return Number(Object.values(row)[0]);
}
async function counts(): Promise<Counts> {
  const entries = await Promise.all(TABLES.map(async (tb) => [tb, await one(`SELECT count(*) FROM ${tb}`)] as const));
  return Object.fromEntries(entries) as Counts;
}
const overlaps = () =>
  one(`SELECT count(*) FROM appointments a JOIN appointments b
         ON a.assignee_id = b.assignee_id AND a.id < b.id
        AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')
      WHERE a.status NOT IN ('CANCELLED', 'NO_SHOW') AND b.status NOT IN ('CANCELLED', 'NO_SHOW')
        AND a.deleted_at IS NULL AND b.deleted_at IS NULL`);

describe('the demo company', () => {
  it("prints a working key for a demo realtor, stored only as its hash", async () => {
    const key = (await seedDemoPartnerKey(t.ds))!;
    const r = await runRegistered(t, key.secret, 'MyPartner');
    expect(r.body.data.myPartner).toMatchObject({ name: key.partner, kind: 'REALTOR', status: 'ACTIVE' });
    const referrals = await runRegistered(t, key.secret, 'MyReferrals', { first: 5 });
    expect(referrals.body.data.myReferrals.totalCount).toBeGreaterThan(0);
    expect(JSON.stringify(await t.ds.query('SELECT * FROM api_keys'))).not.toContain(key.secret.slice(14));
  });

  it('has a few insurance claims on storm-damage work with supplements and payments, and prints a working adjuster key', async () => {
    const claims = await t.ds.query(`SELECT c.status, c.project_id, c.lead_id, c.adjuster_partner_id FROM insurance_claims c`);
    expect(claims.length).toBeGreaterThanOrEqual(4);
    expect(new Set(claims.map((c: { status: string }) => c.status)).size).toBeGreaterThanOrEqual(4);
    expect(await one(`SELECT count(*) FROM supplements`)).toBeGreaterThan(0);
    expect(await one(`SELECT count(*) FROM carrier_payments`)).toBeGreaterThan(0);
    expect(await one(`SELECT count(*) FROM insurance_claims c JOIN projects p ON p.id = c.project_id WHERE p.project_type <> 'STORM_DAMAGE'`)).toBe(0);
    // Each adjuster partner is of the claim's own team (its staff see who adjusts it); a team without one names the carrier's adjuster.
    expect(await one(`SELECT count(*) FROM insurance_claims c JOIN partners p ON p.id = c.adjuster_partner_id`)).toBeGreaterThan(0);
    expect(await one(`SELECT count(*) FROM insurance_claims WHERE adjuster_partner_id IS NULL AND adjuster_name IS NULL`)).toBe(0);
    expect(await one(`SELECT count(*) FROM insurance_claims c JOIN partners p ON p.id = c.adjuster_partner_id WHERE p.team_id IS DISTINCT FROM c.team_id`)).toBe(0);
    const adjuster = (await seedDemoPartnerKey(t.ds))!.adjuster!;
    const mine = await runRegistered(t, adjuster.secret, 'MyClaims', { first: 20 });
    expect(mine.body.data.myClaims.totalCount).toBeGreaterThan(0);
    const detail = await runRegistered(t, adjuster.secret, 'MyClaim', { id: mine.body.data.myClaims.edges[0].node.id });
    expect(detail.body.data.myClaim.money.rcv).toMatch(/^\d+\.\d\d$/);
  });

  it('has photos on its claims, their projects and leads and on storm jobs, stored with thumbnails; a supplement goes with two', async () => {
    const storage = t.app.services.attachments.storage;
    const photos: any[] = await t.ds.query(`SELECT owner_kind, kind, storage_key, thumbnail_key, thumbnail_status, size_bytes, taken_at, latitude, shared_with_adjuster FROM attachments`);
    expect(photos.length).toBeGreaterThanOrEqual(20);
    expect(new Set(photos.map((p) => p.owner_kind))).toEqual(new Set(['PROJECT', 'CLAIM', 'LEAD']));
    expect(new Set(photos.map((p) => p.kind))).toEqual(new Set(['BEFORE', 'DAMAGE', 'DURING', 'AFTER']));
    expect(photos.filter((p) => p.thumbnail_status !== 'READY')).toEqual([]);
    expect(photos.filter((p) => p.taken_at && p.latitude).length).toBeGreaterThanOrEqual(5);
    for (const p of photos) {
      expect(await storage.head(p.storage_key)).toEqual({ size: p.size_bytes, contentType: 'image/jpeg' });
      expect(await storage.head(p.thumbnail_key)).toMatchObject({ contentType: 'image/jpeg' });
    }
    expect(Math.max(...photos.map((p) => p.size_bytes))).toBeLessThan(60_000);
    // The claim team's manager sees the supplement's two picked photos and reads a thumbnail by its signed URL.
    const [pick] = await t.ds.query(
      `SELECT sp.supplement_id, u.email, count(*)::int AS n FROM supplement_photos sp JOIN supplements s ON s.id = sp.supplement_id
         JOIN insurance_claims c ON c.id = s.claim_id JOIN teams tm ON tm.id = c.team_id JOIN users u ON u.id = tm.manager_id GROUP BY 1, 2`,
    );
    expect(pick.n).toBe(2);
    const token = (await login(t, pick.email, DEMO_PASSWORD)).accessToken!;
    const r = await t.gql(`query($id: ID!) { node(id: $id) { ... on Supplement { photos { kind takenAt location { latitude } thumbnailUrl } } } }`, { id: toGlobalId('Supplement', pick.supplement_id) }, token);
    const picked = r.body.data.node.photos;
    expect(picked).toEqual([expect.objectContaining({ kind: 'DAMAGE', takenAt: expect.any(String) }), expect.objectContaining({ kind: 'DAMAGE' })]);
    const thumb = await fetch(`${t.url}${picked[0].thumbnailUrl}`);
    expect([thumb.status, thumb.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    // The adjuster's key sees the claim photos shared with it.
    const adjuster = (await seedDemoPartnerKey(t.ds))!.adjuster!;
    const mine = await runRegistered(t, adjuster.secret, 'MyClaims', { first: 20 });
    let shared = 0;
    for (const e of mine.body.data.myClaims.edges) shared += (await runRegistered(t, adjuster.secret, 'MyClaimPhotos', { id: e.node.id })).body.data.myClaim.photos.length;
    expect(shared).toBeGreaterThan(0);
  });

  it('keeps the staff, sets team managers and returns one login per role', async () => {
    expect(logins.map((l) => l.role)).toEqual(['ADMIN', 'MANAGER', 'SALES', 'FIELD_TECH']);
    expect(await one(`SELECT count(*) FROM users`)).toBe(12);
    const managers = await t.ds.query(
      `SELECT t.name, u.email FROM teams t JOIN users u ON u.id = t.manager_id AND u.team_id = t.id AND u.role = 'MANAGER' ORDER BY t.name`,
    );
    expect(managers.map((m: { name: string }) => m.name)).toEqual(['North Metro', 'South Metro', 'Storm Response']);
  });

  it('has a believable amount of business', async () => {
    const c = await counts();
    expect(c.customers).toBeGreaterThanOrEqual(180);
    expect(c.customers).toBeLessThanOrEqual(220);
    expect(c.leads).toBeGreaterThanOrEqual(350);
    expect(c.leads).toBeLessThanOrEqual(450);
    expect(c.projects).toBeGreaterThanOrEqual(100);
    expect(c.projects).toBeLessThanOrEqual(140);
    expect(c.project_members).toBeGreaterThanOrEqual(c.projects);
    expect(c.project_members).toBeLessThanOrEqual(3 * c.projects);
    expect(c.appointments).toBeGreaterThanOrEqual(250);
    expect(c.appointments).toBeLessThanOrEqual(350);
    expect(c.interactions).toBeGreaterThanOrEqual(1800);
    expect(c.interactions).toBeLessThanOrEqual(2200);
  });

  it('has review requests for completed projects in every state, customers with consent, and settings that send at once', async () => {
    const completed = await one(`SELECT count(*) FROM projects WHERE status = 'COMPLETED' AND deleted_at IS NULL`);
    expect(completed).toBeGreaterThan(3);
    expect(await one(`SELECT count(*) FROM review_requests`)).toBe(completed);
    expect(await one(`SELECT count(DISTINCT status) FROM review_requests`)).toBe(3);
    expect(await one(`SELECT count(*) FROM review_requests WHERE status = 'PENDING' AND expires_at < now()`)).toBeGreaterThan(0);
    expect(await one(`SELECT count(*) FROM review_requests rr JOIN reviews r ON r.id = rr.review_id WHERE r.project_id <> rr.project_id OR r.rating <> rr.rating`)).toBe(0);
    expect(await one(`SELECT count(*) FROM review_requests rr WHERE rr.status <> 'NOT_SENT' AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.id = rr.message_ids[1] AND m.status = 'SENT')`)).toBe(0);
    expect(await one(`SELECT count(*) FROM customers WHERE email_opt_in`)).toBeGreaterThan(0);
    expect(await one(`SELECT count(*) FROM customers WHERE sms_opt_in`)).toBeGreaterThan(0);
    expect(await one(`SELECT (value->>'delayHours')::int FROM settings WHERE key = 'reviews.requests'`)).toBe(0);
  });

  it("has reviews on every platform with every rating, linked to projects and their customers, in the projects' teams", async () => {
    expect(await one(`SELECT count(*) FROM reviews`)).toBeGreaterThanOrEqual(10);
    expect(await one(`SELECT count(DISTINCT platform) FROM reviews`)).toBe(7);
    expect(await one(`SELECT count(DISTINCT rating) FROM reviews`)).toBe(5);
    expect(await one(`SELECT count(DISTINCT status) FROM reviews`)).toBe(3);
    expect(await one(`SELECT count(*) FROM reviews r JOIN projects p ON p.id = r.project_id WHERE p.customer_id IS DISTINCT FROM r.customer_id OR p.team_id IS DISTINCT FROM r.team_id`)).toBe(0);
    expect(await one(`SELECT count(*) FROM reviews WHERE project_id IS NULL OR posted_at > now()`)).toBe(0);
  });

  it('has referral partners of every kind, each with contacts, owned by staff of its team', async () => {
    expect(await one(`SELECT count(*) FROM partners`)).toBe(15);
    expect(await one(`SELECT count(DISTINCT kind) FROM partners`)).toBe(7);
    expect(await one(`SELECT count(*) FROM partners p WHERE NOT EXISTS (SELECT 1 FROM partner_contacts c WHERE c.partner_id = p.id)`)).toBe(0);
    expect(await one(`SELECT count(*) FROM partners p JOIN users u ON u.id = p.owner_id WHERE u.team_id IS DISTINCT FROM p.team_id`)).toBe(0);
    // Partner leads name a partner of their team, across the pipeline.
    expect(await one(`SELECT count(*) FROM leads WHERE source = 'PARTNER' AND referred_partner_id IS NULL`)).toBe(0);
    expect(await one(`SELECT count(*) FROM leads l JOIN partners p ON p.id = l.referred_partner_id WHERE p.team_id IS DISTINCT FROM l.team_id`)).toBe(0);
    expect(await one(`SELECT count(DISTINCT status) FROM leads WHERE referred_partner_id IS NOT NULL`)).toBeGreaterThanOrEqual(4);
  });

  it('has the fees of converted referrals in every status, one per project, from the partner\'s terms', async () => {
    const rows: Array<{ status: string }> = await t.ds.query(`SELECT DISTINCT status FROM referral_fees ORDER BY status`);
    expect(rows.map((r) => r.status)).toEqual(['ACCRUED', 'APPROVED', 'PAID']);
    // Every converted referral of a partner with terms has its fee, for its project and partner.
    expect(
      await one(`SELECT count(*) FROM leads l JOIN partners p ON p.id = l.referred_partner_id AND p.fee_kind <> 'NONE'
                  LEFT JOIN referral_fees f ON f.project_id = l.converted_project_id AND f.partner_id = p.id AND f.lead_id = l.id
                  WHERE l.converted_project_id IS NOT NULL AND f.id IS NULL`),
    ).toBe(0);
    expect(await one(`SELECT count(*) FROM referral_fees WHERE status <> 'ACCRUED' AND approved_by_id IS NULL`)).toBe(0);
    expect(await one(`SELECT count(*) FROM referral_fees f JOIN partners p ON p.id = f.partner_id WHERE p.fee_kind = 'FLAT' AND f.amount <> p.fee_flat`)).toBe(0);
  });

  it('has every pipeline stage, and a lost reason exactly on lost leads', async () => {
    const rows: Array<{ status: string }> = await t.ds.query(`SELECT DISTINCT status FROM leads ORDER BY status`);
    expect(rows.map((r) => r.status)).toEqual(['CONTACTED', 'ESTIMATE_SENT', 'INSPECTION_SCHEDULED', 'LOST', 'NEW', 'WON']);
    expect(await one(`SELECT count(*) FROM leads WHERE status = 'LOST' AND coalesce(lost_reason, '') = ''`)).toBe(0);
    expect(await one(`SELECT count(*) FROM leads WHERE status <> 'LOST' AND lost_reason IS NOT NULL`)).toBe(0);
    expect(await one(`SELECT count(*) FROM leads WHERE customer_id IS NULL AND contact_name IS NULL`)).toBe(0);
    expect(await one(`SELECT count(*) FROM leads WHERE status IN ('WON', 'LOST') AND next_follow_up_at IS NOT NULL`)).toBe(0);
  });

  it('links every won lead to its project, both ways', async () => {
    expect(await one(`SELECT count(*) FROM leads WHERE status = 'WON'`)).toBeGreaterThan(0);
    expect(
      await one(`SELECT count(*) FROM leads l LEFT JOIN projects p ON p.id = l.converted_project_id
                  WHERE l.status = 'WON' AND (p.id IS NULL OR p.lead_id <> l.id OR l.converted_at IS NULL
                        OR p.customer_id <> l.customer_id)`),
    ).toBe(0);
    expect(await one(`SELECT count(*) FROM leads WHERE status <> 'WON' AND converted_project_id IS NOT NULL`)).toBe(0);
  });

  it('puts the demo field tech on crews, and keeps projects consistent with their status', async () => {
    expect(
      await one(`SELECT count(*) FROM project_members pm JOIN users u ON u.id = pm.user_id WHERE u.email = 'tech@iswitchroofs.test'`),
    ).toBeGreaterThanOrEqual(3);
    expect(await one(`SELECT count(*) FROM projects p WHERE NOT EXISTS (SELECT 1 FROM project_members m WHERE m.project_id = p.id)`)).toBe(0);
    expect(
      await one(`SELECT count(*) FROM projects WHERE (status = 'COMPLETED') <> (completion_percentage = 100)
                    OR (status IN ('PLANNING', 'SCHEDULED', 'CANCELLED') AND completion_percentage <> 0)
                    OR (status IN ('COMPLETED', 'IN_PROGRESS', 'SCHEDULED') AND start_date IS NULL)`),
    ).toBe(0);
    expect(await one(`SELECT count(*) FROM projects WHERE status = 'COMPLETED' AND actual_cost > budget`)).toBeGreaterThan(0);
  });

  it('never double-books anyone', async () => {
    expect(await one(`SELECT count(*) FROM appointments WHERE assignee_id IS NOT NULL`)).toBeGreaterThan(200);
    expect(await overlaps()).toBe(0);
  });

  it('keeps teams consistent and contact data well-formed', async () => {
    expect(await one(`SELECT count(*) FROM customers WHERE phone !~ '^\\+1[0-9]{10}$' OR address_state <> 'MN' OR address_zip !~ '^[0-9]{5}$'`)).toBe(0);
    expect(await one(`SELECT count(*) - count(DISTINCT lower(email)) FROM customers`)).toBe(0);
    expect(
      await one(`SELECT count(*) FROM customers c JOIN users u ON u.id = c.created_by WHERE u.team_id IS DISTINCT FROM c.team_id`),
    ).toBe(0);
    expect(
      await one(`SELECT count(*) FROM leads l JOIN users u ON u.id = l.assignee_id WHERE u.team_id <> l.team_id OR u.role <> 'SALES'`),
    ).toBe(0);
    for (const table of ['projects', 'appointments', 'interactions']) {
      expect(await one(`SELECT count(*) FROM ${table} x JOIN customers c ON c.id = x.customer_id WHERE x.team_id <> c.team_id`)).toBe(0);
    }
    expect(
      await one(`SELECT count(*) FROM interactions i LEFT JOIN leads l ON l.id = i.lead_id LEFT JOIN projects p ON p.id = i.project_id
                  WHERE l.customer_id <> i.customer_id OR p.customer_id <> i.customer_id
                     OR (i.type = 'NOTE') <> (i.direction = 'INTERNAL')`),
    ).toBe(0);
  });

  it('is reproducible', () => {
    const now = new Date();
    const build = () => {
      const teams = [0, 1, 2].map((i) => ({ id: `t${i}`, managers: [`m${i}`], sales: [`s${i}`], techs: [`f${i}`], all: [`m${i}`, `s${i}`, `f${i}`] }));
      const ctx: DemoContext = { rng: new Rng(DEMO_SEED), now, today: localDate(now), teams, emails: new Set(), phones: new Set() };
      return makeCustomers(ctx, 50);
    };
    expect(build()).toEqual(build());
  });
});

describe('scale seeding', () => {
  it('adds proportional, consistent rows in batches, and can run again', async () => {
    const before = await counts();
    const lines: string[] = [];
    const result = await seedScale(t.ds, 200, { batchSize: 75, log: (l) => lines.push(l) });
    const after = await counts();
    const added = Object.fromEntries(TABLES.map((tb) => [tb, after[tb] - before[tb]])) as Counts;
    expect(added).toMatchObject({ customers: 200, leads: 400, projects: 100, appointments: 200, interactions: 2000 });
    expect(added.project_members).toBeGreaterThanOrEqual(100);
    expect(added.project_members).toBeLessThanOrEqual(300);
    expect(result).toMatchObject({ customers: 200, leads: 400, projects: 100, projectMembers: added.project_members });
    expect(lines.filter((l) => /batch \d\/3 .* rows\/s/.test(l))).toHaveLength(3);

    expect(await one(`SELECT count(*) FROM leads WHERE status = 'LOST' AND lost_reason IS NULL`)).toBe(0);
    expect(
      await one(`SELECT count(*) FROM leads l LEFT JOIN projects p ON p.id = l.converted_project_id
                  WHERE l.status = 'WON' AND (p.id IS NULL OR p.lead_id <> l.id OR p.customer_id <> l.customer_id)`),
    ).toBe(0);
    expect(await overlaps()).toBe(0);

    await seedScale(t.ds, 50, { log: () => {} });
    expect((await counts()).customers).toBe(after.customers + 50);
    expect(await overlaps()).toBe(0);
  });
});

import { createLogger } from '../platform/logger';
import { useTestApp } from '../../test/harness';
import { makeCustomers, type DemoContext } from './demo-crm';
import { DEMO_SEED, seedDemo, type DemoLogin } from './demo';
import { localDate, Rng } from './random';
import { seedScale } from './scale';

const { t } = useTestApp();
let logins: DemoLogin[];
beforeAll(async () => {
  logins = await seedDemo(t.ds, createLogger('silent'));
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

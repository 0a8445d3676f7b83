import type { DemoPartnerKey } from './demo-api-key';
import type { DataSource, EntityManager } from 'typeorm';
import type { Role } from '../generated/graphql';
import { hashPassword } from '../platform/auth/passwords';
import type { Logger } from '../platform/logger';
import type { ObjectStorage } from '../platform/storage/object-storage';
import { TeamEntity } from '../modules/teams/team.entity';
import { UserEntity } from '../modules/users/user.entity';
import { APPOINTMENT_COLUMNS, INTERACTION_COLUMNS, makeAppointments, makeInteractions } from './demo-activity';
import { CUSTOMER_COLUMNS, LEAD_COLUMNS, makeCustomers, makeLeads, type DemoContext, type TeamStaff } from './demo-crm';
import { makeMembers, makeProjects, MEMBER_COLUMNS, PROJECT_COLUMNS } from './demo-projects';
import { insertRows } from './insert';
import { makePartners, PARTNER_COLUMNS, PARTNER_CONTACT_COLUMNS, seedReferralFees } from './demo-partners';
import { seedReviews } from './demo-reviews';
import { seedClaims } from './demo-claims';
import { seedPhotos } from './demo-photos';
import { seedReviewRequests } from './demo-review-requests';
import { localDate, Rng } from './random';

export const DEMO_PASSWORD = 'RoofDemo!2026';

/** Seed of the demo company's generator: the same company, relative to today, on every run. */
export const DEMO_SEED = 20_260_101;

/** How big the demo company is. */
export const DEMO_SIZE = { customers: 200, directProjects: 24, appointments: 300, interactions: 2_000 } as const;

export const TEAMS = ['North Metro', 'South Metro', 'Storm Response'];

/** [name, email, role, team index or null] */
const STAFF: Array<[string, string, Role, number | null]> = [
  ['Avery Admin', 'admin@iswitchroofs.test', 'ADMIN', null],
  ['Morgan Reyes', 'manager@iswitchroofs.test', 'MANAGER', 0],
  ['Jordan Blake', 'jordan.blake@iswitchroofs.test', 'MANAGER', 1],
  ['Casey Nguyen', 'casey.nguyen@iswitchroofs.test', 'MANAGER', 2],
  ['Sam Carter', 'sales@iswitchroofs.test', 'SALES', 0],
  ['Riley Brooks', 'riley.brooks@iswitchroofs.test', 'SALES', 0],
  ['Drew Patel', 'drew.patel@iswitchroofs.test', 'SALES', 1],
  ['Jamie Ortiz', 'jamie.ortiz@iswitchroofs.test', 'SALES', 1],
  ['Quinn Foster', 'quinn.foster@iswitchroofs.test', 'SALES', 2],
  ['Taylor Kim', 'tech@iswitchroofs.test', 'FIELD_TECH', 0],
  ['Rowan Hayes', 'rowan.hayes@iswitchroofs.test', 'FIELD_TECH', 1],
  ['Emerson Diaz', 'emerson.diaz@iswitchroofs.test', 'FIELD_TECH', 2],
];

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

/** Sets each team's manager_id to its (first) MANAGER. */
export async function assignTeamManagers(m: EntityManager, teamIds: string[]): Promise<void> {
  await m.query(
    `UPDATE teams t SET manager_id = mgr.id, updated_at = now()
       FROM (SELECT DISTINCT ON (team_id) team_id, id FROM users
              WHERE role = 'MANAGER' AND active AND team_id = ANY($1::uuid[]) ORDER BY team_id, created_at, id) mgr
      WHERE mgr.team_id = t.id`,
    [teamIds],
  );
}

/**
 * Creates the demo company in one transaction: teams with managers, staff, and a year and a half of business
 * (customers, the lead pipeline, projects with crews, the calendar, the communication log).
 * Returns one login per role for printing.
 */
/**
 * Links in the demo's messages point at `publicUrl`; they name `companyName`. With a `storage`, the claims and storm
 * jobs get photos there (demo-photos.ts).
 */
export async function seedDemo(
  ds: DataSource,
  logger: Logger,
  brand = { companyName: 'iSwitch Roofs', publicUrl: 'http://localhost:4000' },
  storage: ObjectStorage | null = null,
): Promise<DemoLogin[]> {
  const started = Date.now();
  const hash = await hashPassword(DEMO_PASSWORD);
  const counts = await ds.transaction(async (m) => {
    const teams = await m.getRepository(TeamEntity).save(TEAMS.map((name) => ({ name })));
    await m.getRepository(UserEntity).insert(
      STAFF.map(([name, email, role, team]) => ({
        name,
        email,
        role,
        teamId: team === null ? null : teams[team]!.id,
        passwordHash: hash,
      })),
    );
    await assignTeamManagers(m, teams.map((t) => t.id));
    const users = await m.getRepository(UserEntity).find({ select: { id: true, email: true } });
    const idOf = new Map(users.map((u) => [u.email, u.id]));
    const staff: TeamStaff[] = teams.map((t, i) => {
      const of = (role?: Role) => STAFF.filter(([, , r, team]) => team === i && (!role || r === role)).map(([, email]) => idOf.get(email)!);
      return { id: t.id, managers: of('MANAGER'), sales: of('SALES'), techs: of('FIELD_TECH'), all: of() };
    });
    const now = new Date();
    const ctx: DemoContext = { rng: new Rng(DEMO_SEED), now, today: localDate(now), teams: staff, emails: new Set(), phones: new Set() };

    const customers = makeCustomers(ctx, DEMO_SIZE.customers);
    const leads = makeLeads(ctx, customers);
    const projects = makeProjects(ctx, customers, leads, DEMO_SIZE.directProjects);
    const members = makeMembers(ctx, projects);
    const appointments = makeAppointments(ctx, customers, leads, projects, DEMO_SIZE.appointments);
    const interactions = makeInteractions(ctx, customers, leads, projects, DEMO_SIZE.interactions);
    const partners = makePartners(ctx);

    const inserted = {
      teams: teams.length,
      users: STAFF.length,
      customers: await insertRows(m, 'customers', CUSTOMER_COLUMNS, customers),
      leads: await insertRows(m, 'leads', LEAD_COLUMNS, leads),
      projects: await insertRows(m, 'projects', PROJECT_COLUMNS, projects),
      projectMembers: await insertRows(m, 'project_members', MEMBER_COLUMNS, members),
      appointments: await insertRows(m, 'appointments', APPOINTMENT_COLUMNS, appointments),
      interactions: await insertRows(m, 'interactions', INTERACTION_COLUMNS, interactions),
      partners: await insertRows(m, 'partners', PARTNER_COLUMNS, partners.partners),
      partnerContacts: await insertRows(m, 'partner_contacts', PARTNER_CONTACT_COLUMNS, partners.contacts),
    };
    // Leads from partners name an active partner of their team and, mostly, a contact there (picked by the lead's id,
    // so the seed stays reproducible).
    await m.query(
      `UPDATE leads l SET referred_partner_id = r.partner_id, referred_contact_id = r.contact_id
         FROM (SELECT l2.id AS lead_id, p.id AS partner_id,
                      (SELECT c.id FROM partner_contacts c WHERE c.partner_id = p.id ORDER BY c.name, c.id LIMIT 1) AS contact_id
                 FROM leads l2
                 CROSS JOIN LATERAL (SELECT p.id FROM partners p WHERE p.team_id = l2.team_id AND p.status = 'ACTIVE'
                                      ORDER BY md5(p.id::text || l2.id::text) LIMIT 1) p
                WHERE l2.source = 'PARTNER') r
        WHERE l.id = r.lead_id`,
    );
    // Won leads point at the project they became (the two foreign keys make this a second step).
    await m.query(
      `UPDATE leads l SET converted_project_id = p.id FROM projects p
        WHERE p.lead_id = l.id AND l.status = 'WON' AND p.id = ANY($1::uuid[])`,
      [projects.map((p) => p.id)],
    );
    const referralFees = await seedReferralFees(m, now);
    const reviews = await seedReviews(m, now);
    const reviewRequests = await seedReviewRequests(m, now, brand.companyName, brand.publicUrl);
    const claims = await seedClaims(m, now);
    const photos = storage ? await seedPhotos(m, storage, DEMO_SEED, now) : 0;
    return { ...inserted, referralFees, reviews, reviewRequests, claims, photos };
  });
  logger.info({ ...counts, ms: Date.now() - started }, 'seeded demo company');
  const seen = new Set<Role>();
  return STAFF.filter(([, , role]) => !seen.has(role) && seen.add(role)).map(([, email, role]) => ({
    role,
    email,
    password: DEMO_PASSWORD,
  }));
}

export function printDemoLogins(logins: DemoLogin[], partnerKey?: DemoPartnerKey | null): void {
  const lines = logins.map((l) => `  ${l.role.padEnd(10)} ${l.email.padEnd(34)} ${l.password}`);
  const key = partnerKey
    ? `Demo partner API key (${partnerKey.partner}; shown this once, see docs/partners.md):\n  ${partnerKey.secret}\n\n` +
      (partnerKey.adjuster ? `Demo adjuster API key (${partnerKey.adjuster.partner}; its claims, see docs/partners.md, "Adjuster view"):\n  ${partnerKey.adjuster.secret}\n\n` : '')
    : '';
  process.stdout.write(`\nDemo logins (role, e-mail, password):\n${lines.join('\n')}\n\n${key}`);
}

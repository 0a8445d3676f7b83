/**
 * `--events records`: a small company for the row-rule bench (teams, with a manager, sales and field techs each, plus
 * admins; leads, projects with one tech as crew, appointments), the events the producer writes about its records
 * (`lead.created`, `lead.updated`, `project.updated`, `appointment.updated`, round robin over templates), and who may
 * see each: the rules of the lead, project and appointment policies restated over this world, as the bench's oracle.
 */
import type { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { Role } from '../../packages/server/src/generated/graphql';
import { createAppointment, createCustomer, createLead, createProject, createTeam, createUser, PASSWORD } from '../../packages/server/test/factories';

export const FIELDS = ['leadCreated', 'leadUpdated', 'projectUpdated', 'appointmentUpdated'] as const;
export type Field = (typeof FIELDS)[number];
const TYPES: Record<Field, string> = { leadCreated: 'lead.created', leadUpdated: 'lead.updated', projectUpdated: 'project.updated', appointmentUpdated: 'appointment.updated' };
const RECORD: Record<Field, string> = { leadCreated: 'lead', leadUpdated: 'lead', projectUpdated: 'project', appointmentUpdated: 'appointment' };
export const selection = (field: Field) => `subscription { ${field} { eventId occurredAt ${RECORD[field]} { id } } }`;
export const recordOf = (field: Field) => RECORD[field];

export interface User { id: string; email: string; role: Role; teamId: string | null }
/** One event the producer can write: its outbox columns and who may see its record. */
interface Template { field: Field; entityId: string; teamId: string; data: Record<string, unknown>; sees: (u: User) => boolean }

export interface World { users: User[]; templates: Template[]; password: string }

const TEAMS = 4;
const PER_TEAM = { sales: 8, techs: 8 };
const ADMINS = 2;

export async function buildWorld(ds: DataSource): Promise<World> {
  const users: User[] = [];
  const add = async (role: Role, teamId: string | null) => {
    const u = await createUser(ds, { role, teamId });
    users.push({ id: u.id, email: u.email, role, teamId });
    return u.id;
  };
  for (let i = 0; i < ADMINS; i++) await add('ADMIN', null);
  const templates: Template[] = [];
  const admin = (u: User) => u.role === 'ADMIN';
  for (let t = 0; t < TEAMS; t++) {
    const teamId = (await createTeam(ds)).id;
    await add('MANAGER', teamId);
    const sales: string[] = [];
    const techs: string[] = [];
    for (let i = 0; i < PER_TEAM.sales; i++) sales.push(await add('SALES', teamId));
    for (let i = 0; i < PER_TEAM.techs; i++) techs.push(await add('FIELD_TECH', teamId));
    const manager = (u: User) => u.role === 'MANAGER' && u.teamId === teamId;
    const customer = await createCustomer(ds, { teamId });
    const assignable = (assigneeId: string | null) => (u: User) =>
      admin(u) || manager(u) || (u.role === 'SALES' && (u.id === assigneeId || (assigneeId === null && u.teamId === teamId)));
    for (let i = 0; i < 2 * PER_TEAM.sales; i++) {
      const assigneeId = i % 2 ? sales[i % sales.length]! : null; // half assigned, half the team's open ones
      const lead = await createLead(ds, { teamId, customerId: customer.id, assigneeId });
      for (const field of ['leadCreated', 'leadUpdated'] as const) {
        templates.push({ field, entityId: lead.id, teamId, data: { assigneeId }, sees: assignable(assigneeId) });
      }
    }
    for (let i = 0; i < PER_TEAM.techs; i++) {
      const crew = techs[i]!;
      const project = await createProject(ds, customer, {}, [crew]);
      const onProject = (u: User) => admin(u) || manager(u) || (u.role === 'SALES' && u.teamId === teamId) || u.id === crew;
      templates.push({ field: 'projectUpdated', entityId: project.id, teamId, data: {}, sees: onProject });
      const open = await createAppointment(ds, customer, { projectId: project.id }); // unassigned, on the crew's project
      templates.push({ field: 'appointmentUpdated', entityId: open.id, teamId, data: { change: 'UPDATED', assigneeId: null, projectId: project.id }, sees: (u) => assignable(null)(u) || u.id === crew });
      const assigneeId = sales[i % sales.length]!;
      const theirs = await createAppointment(ds, customer, { assigneeId });
      templates.push({ field: 'appointmentUpdated', entityId: theirs.id, teamId, data: { change: 'UPDATED', assigneeId, projectId: null }, sees: assignable(assigneeId) });
    }
  }
  // Interleave the four kinds, so every stretch of events has some of each.
  const byField = FIELDS.map((f) => templates.filter((x) => x.field === f));
  const mixed: Template[] = [];
  for (let i = 0; mixed.length < templates.length; i++) for (const list of byField) if (list[i % list.length] && i < list.length) mixed.push(list[i]!);
  return { users, templates: mixed, password: PASSWORD };
}

/** Writes the templates into a table the producer reads (k = index). */
export async function storeTemplates(ds: DataSource, world: World): Promise<void> {
  await ds.query(`CREATE TABLE IF NOT EXISTS bench_event_templates (k int PRIMARY KEY, type text, entity_id uuid, team_id uuid, data jsonb)`);
  await ds.query('TRUNCATE bench_event_templates');
  const rows = world.templates.map((t, k) => ({ k, type: TYPES[t.field], entity_id: t.entityId, team_id: t.teamId, data: { ...t.data, benchK: k } }));
  await ds.query(
    `INSERT INTO bench_event_templates SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(k int, type text, entity_id uuid, team_id uuid, data jsonb)`,
    [JSON.stringify(rows)],
  );
}

/** The producer's statement in this mode: `$2` events, continuing the round robin at `$1`. */
export const INSERT_RECORD_EVENTS = `INSERT INTO outbox_events (type, entity_id, team_id, data, occurred_at)
  SELECT t.type, t.entity_id, t.team_id, t.data, clock_timestamp()
    FROM generate_series(1, $2) g JOIN bench_event_templates t ON t.k = ($1 + g) % (SELECT count(*) FROM bench_event_templates)
   ORDER BY g`;

/** The template of each measured event (seq base+1 …), read back from the outbox. */
export async function templatesOf(client: PgClient, baseSeq: number, count: number): Promise<Int32Array> {
  const out = new Int32Array(count).fill(-1);
  const { rows } = await client.query(
    `SELECT seq::text AS seq, (data->>'benchK')::int AS k FROM outbox_events WHERE seq > $1 AND seq <= $2`,
    [baseSeq, baseSeq + count],
  );
  for (const r of rows) out[Number(r.seq) - baseSeq - 1] = r.k;
  return out;
}

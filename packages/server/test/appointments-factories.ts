import type { DataSource } from 'typeorm';
import { toGlobalId } from '../src/platform/graphql/global-id';
import { createTeam, signedIn, type Session } from './factories';
import type { TestApp } from './harness';

/** Every field of an appointment, with references as ids. */
export const APPOINTMENT = `id kind title startsAt endsAt location status notes createdAt updatedAt deletedAt
  customer { id } lead { id } project { id } assignee { id } owningTeam { id } createdBy { id }`;
const PAYLOAD = `appointment { ${APPOINTMENT} } errors { field code message }`;

export const CREATE_APPOINTMENT = `mutation($i: CreateAppointmentInput!) { createAppointment(input: $i) { ${PAYLOAD} } }`;
export const UPDATE_APPOINTMENT = `mutation($i: UpdateAppointmentInput!) { updateAppointment(input: $i) { ${PAYLOAD} } }`;
export const DELETE_APPOINTMENT = `mutation($id: ID!) { deleteAppointment(id: $id) { ${PAYLOAD} } }`;
export const RESTORE_APPOINTMENT = `mutation($id: ID!) { restoreAppointment(id: $id) { ${PAYLOAD} } }`;
export const HARD_DELETE_APPOINTMENT = `mutation($id: ID!) { hardDeleteAppointment(id: $id) { deletedId errors { field code message } } }`;
export const APPOINTMENT_BY_ID = `query($id: ID!) { appointment(id: $id) { ${APPOINTMENT} } }`;
export const APPOINTMENTS = `query($first: Int, $after: String, $last: Int, $before: String, $filter: AppointmentFilter, $orderBy: AppointmentOrder) {
  appointments(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount edges { cursor node { id title startsAt } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

/** An ISO instant on day `day` of June 2032 (far from the shared factory's slots), at `hour`:`minute` UTC. */
export const at = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2032, 5, day, hour, minute)).toISOString();

export const gid = (type: string, id: string) => toGlobalId(type, id);

/** A manager who runs `teamId` through `teams.manager_id` without being a member of it. */
export async function managerOf(t: TestApp, teamId: string): Promise<Session> {
  const s = await signedIn(t, 'MANAGER', (await createTeam(t.ds)).id);
  await t.ds.query('UPDATE teams SET manager_id = $1 WHERE id = $2', [s.user.id, teamId]);
  return s;
}

export interface AuditRow {
  action: string;
  actor_id: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
}

/** The audit entries of a record, oldest first. */
export async function auditOf(ds: DataSource, entityId: string): Promise<AuditRow[]> {
  return ds.query('SELECT action, actor_id, changes FROM audit_log WHERE entity_id = $1 ORDER BY id', [entityId]);
}

/** How many appointment rows exist (deleted ones included). */
export async function appointmentCount(ds: DataSource): Promise<number> {
  const [row] = await ds.query('SELECT count(*)::int AS n FROM appointments');
  return row.n;
}

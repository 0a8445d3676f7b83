import type { DataSource } from 'typeorm';
import type { AppointmentKind, AppointmentStatus } from '../../generated/graphql';
import { viewerTeamIds, type Viewer } from '../../platform/auth/viewer';
import type { Validator } from '../../platform/validation';
import type { CustomerEntity } from '../customers/customer.entity';
import { UserEntity } from '../users/user.entity';

const MAX_DURATION_MS = 24 * 3_600_000;

const KIND_WORDS: Record<AppointmentKind, string> = {
  INSPECTION: 'Inspection',
  ESTIMATE: 'Estimate',
  INSTALL: 'Installation',
  FOLLOW_UP: 'Follow-up',
};

/**
 * Allowed status changes. Cancelled appointments may be booked again (the slot is re-checked); completed and no-show
 * ones are final outcomes.
 */
const NEXT_STATUSES: Record<AppointmentStatus, AppointmentStatus[]> = {
  SCHEDULED: ['CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW'],
  CONFIRMED: ['SCHEDULED', 'COMPLETED', 'CANCELLED', 'NO_SHOW'],
  CANCELLED: ['SCHEDULED'],
  COMPLETED: [],
  NO_SHOW: [],
};

/** Whether an appointment in this status occupies its assignee's calendar (as in `appointments_no_double_booking`). */
export const blocksCalendar = (status: AppointmentStatus) => status !== 'CANCELLED' && status !== 'NO_SHOW';

/** Reports `field` when the slot ends before it starts or lasts longer than 24 hours. */
export function checkSlot(v: Validator, field: string, startsAt: Date, endsAt: Date): void {
  const ms = endsAt.getTime() - startsAt.getTime();
  if (ms <= 0) v.add(field, 'OUT_OF_RANGE', 'The end must be after the start.');
  else if (ms > MAX_DURATION_MS) v.add(field, 'OUT_OF_RANGE', 'An appointment may last at most 24 hours.');
}

export function checkTransition(v: Validator, from: AppointmentStatus, to: AppointmentStatus): void {
  if (from !== to && !NEXT_STATUSES[from].includes(to)) {
    v.add('status', 'INVALID_TRANSITION', `A ${from.toLowerCase()} appointment cannot become ${to.toLowerCase()}.`);
  }
}

/** `Inspection – Jane Doe`, the title when none is given. */
export const defaultTitle = (kind: AppointmentKind, customer: CustomerEntity) => `${KIND_WORDS[kind]} – ${customer.name}`.slice(0, 200);

/** The customer's address as one line (`100 Main St, Minneapolis, MN 55401`), or null without one. */
export function defaultLocation(c: CustomerEntity): string | null {
  const stateZip = [c.addressState, c.addressZip].filter(Boolean).join(' ');
  const line = [c.addressStreet, c.addressCity, stateZip].filter(Boolean).join(', ');
  return line ? line.slice(0, 300) : null;
}

/**
 * The user an appointment may be assigned to: an active user the viewer may book (admins anyone; everyone
 * themselves; managers the users of their teams; sales the users of their own team). `id` is a key (NO_MATCH_ID when
 * the given ID named no user). Null when absent or invalid.
 */
export async function resolveAssignee(ds: DataSource, v: Validator, viewer: Viewer, id: string | null | undefined): Promise<string | null> {
  if (!id) return null;
  const user = await ds.getRepository(UserEntity).findOneBy({ id, active: true });
  if (!user) {
    v.add('assigneeId', 'NOT_FOUND', 'No such active user.');
    return null;
  }
  if (!mayAssign(viewer, user)) {
    v.add('assigneeId', 'FORBIDDEN', 'You may only assign appointments to people of your team.');
    return null;
  }
  return user.id;
}

function mayAssign(viewer: Viewer, user: UserEntity): boolean {
  if (viewer.role === 'ADMIN' || user.id === viewer.id) return true;
  const teams = viewer.role === 'MANAGER' ? viewerTeamIds(viewer) : [viewer.teamId];
  return user.teamId !== null && teams.includes(user.teamId);
}

import type { DataSource } from 'typeorm';
import { userError, type UserErrorData, type Validator } from '../../platform/validation';
import type { AppointmentEntity } from './appointment.entity';
import { blocksCalendar } from './appointment-rules';


type Slot = Pick<AppointmentEntity, 'assigneeId' | 'startsAt' | 'endsAt' | 'status'>;

/**
 * The assignee's earliest calendar entry overlapping `slot` (ignoring the appointment `exceptId` if any), or null when they
 * are free. Same rule as the `appointments_no_double_booking` constraint, which stays the source of truth under
 * concurrency; this pre-check only lets the error name the conflicting time.
 */
async function findClash(ds: DataSource, slot: Slot, exceptId: string | null): Promise<{ startsAt: Date; endsAt: Date } | null> {
  if (!slot.assigneeId || !blocksCalendar(slot.status)) return null;
  const rows: Array<{ starts_at: Date; ends_at: Date }> = await ds.query(
    `SELECT starts_at, ends_at FROM appointments
      WHERE assignee_id = $1 AND id IS DISTINCT FROM $4::uuid AND deleted_at IS NULL AND status NOT IN ('CANCELLED', 'NO_SHOW')
        AND tstzrange(starts_at, ends_at, '[)') && tstzrange($2, $3, '[)')
      ORDER BY starts_at LIMIT 1`,
    [slot.assigneeId, slot.startsAt, slot.endsAt, exceptId],
  );
  return rows[0] ? { startsAt: rows[0].starts_at, endsAt: rows[0].ends_at } : null;
}

/** Why a double booking was refused, naming the taken time when known. */
function conflictMessage(clash?: { startsAt: Date; endsAt: Date }): string {
  const when = clash ? ` (${clash.startsAt.toISOString()} to ${clash.endsAt.toISOString()})` : '';
  return `The assignee is already booked then${when}.`;
}

/** The CONFLICT error for a double booking the database refused. */
export const conflict = (field: string): UserErrorData => userError(field, 'CONFLICT', conflictMessage());

/** Reports a CONFLICT on `field` when the slot would double-book its assignee. */
export async function checkFree(ds: DataSource, v: Validator, field: string, slot: Slot, exceptId: string | null = null): Promise<void> {
  const clash = await findClash(ds, slot, exceptId);
  if (clash) v.add(field, 'CONFLICT', conflictMessage(clash));
}

import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { NONE, scoped } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { byIdLoader, cappedGroupLoader, NESTED_LIST_MAX } from '../../platform/db/loaders';
import { AppointmentEntity } from './appointment.entity';
import { appointmentScope } from './appointment.policy';

const SOONEST = { sql: 'e.starts_at', direction: 'ASC' } as const;

/** The columns of an appointment that decide who may see it, as they were at some point (e.g. when it was deleted). */
export interface AppointmentSnapshot {
  teamId: string | null;
  assigneeId: string | null;
  projectId: string | null;
}

export function createAppointmentLoaders(ds: DataSource, viewer: Viewer | null) {
  const scope = scoped<AppointmentEntity>(viewer, appointmentScope);
  return {
    appointmentById: byIdLoader(ds, AppointmentEntity, scope),
    /** Soonest first, at most `NESTED_LIST_MAX` (`Customer.appointments`, `Project.appointments`). */
    appointmentsByCustomerId: cappedGroupLoader(ds, AppointmentEntity, 'customer_id', (a) => a.customerId, SOONEST, NESTED_LIST_MAX, scope),
    appointmentsByProjectId: cappedGroupLoader(ds, AppointmentEntity, 'project_id', (a) => a.projectId ?? '', SOONEST, NESTED_LIST_MAX, scope),
    /**
     * Whether the viewer may see an appointment as it was in a snapshot: the appointments policy applied to the
     * snapshot's columns (and to current data, such as project crews). For appointments no query returns any more.
     */
    appointmentSnapshotVisible: new DataLoader<AppointmentSnapshot, boolean, string>(
      async (snapshots) => {
        const rule = viewer ? appointmentScope(viewer, 'e') : NONE;
        const rows = snapshots.map((s, i) => ({ i, team_id: s.teamId, assignee_id: s.assigneeId, project_id: s.projectId }));
        const [sql, params] = ds.driver.escapeQueryWithParameters(
          `SELECT e.i FROM jsonb_to_recordset(CAST(:snapshots AS jsonb)) AS e(i int, team_id uuid, assignee_id uuid, project_id uuid)
            WHERE ${rule?.sql ?? 'true'}`,
          { ...rule?.params, snapshots: JSON.stringify(rows) },
        );
        const visible = new Set((await ds.query(sql, params)).map((r: { i: number }) => r.i));
        return snapshots.map((_, i) => visible.has(i));
      },
      { cacheKeyFn: (s) => JSON.stringify([s.teamId, s.assigneeId, s.projectId]) },
    ),
  };
}

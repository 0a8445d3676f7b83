import type { DataSource } from 'typeorm';
import { scoped } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { byIdLoader, groupLoader } from '../../platform/db/loaders';
import { AppointmentEntity } from './appointment.entity';
import { appointmentScope } from './appointment.policy';

export function createAppointmentLoaders(ds: DataSource, viewer: Viewer | null) {
  const scope = scoped<AppointmentEntity>(viewer, appointmentScope);
  const soonestFirst = (qb: Parameters<typeof scope>[0]) => scope(qb).orderBy('e.starts_at', 'ASC').addOrderBy('e.id', 'ASC');
  return {
    appointmentById: byIdLoader(ds, AppointmentEntity, scope),
    appointmentsByCustomerId: groupLoader(ds, AppointmentEntity, 'customer_id', (a) => a.customerId, soonestFirst),
    appointmentsByProjectId: groupLoader(ds, AppointmentEntity, 'project_id', (a) => a.projectId ?? '', soonestFirst),
  };
}

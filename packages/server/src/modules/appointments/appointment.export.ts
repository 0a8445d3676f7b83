import type { ListExport } from '../../platform/http/list-export';
import { customerNameColumn, idColumn, projectNameColumn, teamColumn, timeColumn, timestampColumns, userColumn } from '../export-columns';
import type { ExportContext } from '../feature';
import type { AppointmentEntity } from './appointment.entity';
import type { AppointmentListArgs } from './appointment.service';

/** The appointments list as CSV: the list's filter, order and row rule (`AppointmentService.listQuery`). */
export const appointmentExport: ListExport<ExportContext, AppointmentEntity, AppointmentListArgs> = {
  name: 'appointments',
  filterType: 'AppointmentFilter',
  orderType: 'AppointmentOrder',
  ids: { assigneeId: 'User', teamId: 'Team', customerId: 'Customer', projectId: 'Project', leadId: 'Lead' },
  query: ({ services }, viewer, args) => services.appointments.listQuery(viewer, args),
  columns: [
    idColumn('Appointment'),
    { header: 'Title', value: (a) => a.title },
    { header: 'Kind', value: (a) => a.kind },
    { header: 'Status', value: (a) => a.status },
    timeColumn<AppointmentEntity>('Starts', (a) => a.startsAt),
    timeColumn<AppointmentEntity>('Ends', (a) => a.endsAt),
    { header: 'Location', value: (a) => a.location },
    customerNameColumn(),
    projectNameColumn(),
    userColumn<AppointmentEntity>('Assignee', (a) => a.assigneeId),
    { header: 'Notes', value: (a) => a.notes },
    teamColumn(),
    ...timestampColumns<AppointmentEntity>(),
  ],
};

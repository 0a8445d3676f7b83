import type { AppointmentChange, Resolvers } from '../../generated/graphql';
import { deletedAs, idOf, keysIn, toGlobalId } from '../../platform/graphql/global-id';
import type { Loaders } from '../loaders';
import type { AppointmentResult } from './appointment.service';
import { primeFrom } from '../../platform/db/loaders';
import { byId, eventFields, liveStream } from '../realtime/live-stream';
import { appointmentUpdated } from './appointment.events';

const FILTER_IDS = { assigneeId: 'User', teamId: 'Team', customerId: 'Customer', projectId: 'Project', leadId: 'Lead' };

/** Keeps the request's loader in step with a write, so later fields in the same response see it. */
const primed = (loaders: Loaders) => primeFrom(loaders.appointmentById, (r: AppointmentResult) => r.appointment);

export const appointmentResolvers: Resolvers = {
  Query: {
    appointment: (_, { id }, { services, viewer }) => services.appointments.get(viewer, idOf('Appointment', id)),
    appointments: (_, { filter, ...rest }, { services, viewer }) =>
      services.appointments.list(viewer, { ...rest, filter: filter && keysIn(filter, FILTER_IDS) }),
  },
  Mutation: {
    createAppointment: (_, { input }, { services, viewer, loaders }) =>
      services.appointments
        .create(viewer, { ...keysIn(input, FILTER_IDS), customerId: idOf('Customer', input.customerId) })
        .then(primed(loaders)),
    updateAppointment: (_, { input }, { services, viewer, loaders }) =>
      services.appointments
        .update(viewer, { ...keysIn(input, FILTER_IDS), id: idOf('Appointment', input.id) })
        .then(primed(loaders)),
    deleteAppointment: (_, { id }, { services, viewer, loaders }) => services.appointments.softDelete(viewer, idOf('Appointment', id)).then(primed(loaders)),
    restoreAppointment: (_, { id }, { services, viewer, loaders }) => services.appointments.restore(viewer, idOf('Appointment', id)).then(primed(loaders)),
    hardDeleteAppointment: (_, { id }, { services, viewer }) => services.appointments.hardDelete(viewer, idOf('Appointment', id)).then(deletedAs(id)),
  },
  Appointment: {
    id: (a) => toGlobalId('Appointment', a.id),
    customer: (a, _, { loaders }) => loaders.customerById.load(a.customerId),
    lead: (a, _, { loaders }) => (a.leadId ? loaders.leadById.load(a.leadId) : null),
    project: (a, _, { loaders }) => (a.projectId ? loaders.projectById.load(a.projectId) : null),
    assignee: (a, _, { loaders }) => (a.assigneeId ? loaders.userById.load(a.assigneeId) : null),
    owningTeam: (a, _, { loaders }) => (a.teamId ? loaders.teamById.load(a.teamId) : null),
    createdBy: (a, _, { loaders }) => (a.createdById ? loaders.userById.load(a.createdById) : null),
  },
  AppointmentConnection: {
    totalCount: (c) => c.totalCount(),
  },
  Subscription: {
    appointmentUpdated: liveStream([appointmentUpdated], byId('teamId', (g) => idOf('Team', g), (e) => e.teamId)),
  },
  AppointmentEvent: {
    ...eventFields,
    change: (e) => e.data.change as AppointmentChange,
    appointment: (e, _, { loaders }) => (e.data.change === 'DELETED' || !e.entityId ? null : loaders.appointmentById.load(e.entityId)),
  },
};

import type { Resolvers } from '../../generated/graphql';
import { idOf, keyOf, toGlobalId } from '../../platform/graphql/global-id';
import type { Loaders } from '../loaders';
import type { AppointmentResult } from './appointment.service';

/** Keeps the request's loader in step with a write, so later fields in the same response see it. */
const primed = (loaders: Loaders) => (r: AppointmentResult): AppointmentResult => {
  if (r.appointment) loaders.appointmentById.clear(r.appointment.id).prime(r.appointment.id, r.appointment);
  return r;
};

export const appointmentResolvers: Resolvers = {
  Query: {
    appointment: (_, { id }, { services, viewer }) => services.appointments.get(viewer!, idOf('Appointment', id)),
    appointments: (_, { filter, ...rest }, { services, viewer }) =>
      services.appointments.list(viewer!, {
        ...rest,
        filter: filter && {
          ...filter,
          assigneeId: keyOf('User', filter.assigneeId),
          teamId: keyOf('Team', filter.teamId),
          customerId: keyOf('Customer', filter.customerId),
          projectId: keyOf('Project', filter.projectId),
          leadId: keyOf('Lead', filter.leadId),
        },
      }),
  },
  Mutation: {
    createAppointment: (_, { input }, { services, viewer, loaders }) =>
      services.appointments
        .create(viewer!, {
          ...input,
          customerId: idOf('Customer', input.customerId),
          assigneeId: keyOf('User', input.assigneeId),
          leadId: keyOf('Lead', input.leadId),
          projectId: keyOf('Project', input.projectId),
        })
        .then(primed(loaders)),
    updateAppointment: (_, { input }, { services, viewer, loaders }) =>
      services.appointments
        .update(viewer!, { ...input, id: idOf('Appointment', input.id), assigneeId: keyOf('User', input.assigneeId) })
        .then(primed(loaders)),
    deleteAppointment: (_, { id }, { services, viewer, loaders }) =>
      services.appointments.softDelete(viewer!, idOf('Appointment', id)).then(primed(loaders)),
    restoreAppointment: (_, { id }, { services, viewer, loaders }) =>
      services.appointments.restore(viewer!, idOf('Appointment', id)).then(primed(loaders)),
    hardDeleteAppointment: (_, { id }, { services, viewer }) =>
      services.appointments.hardDelete(viewer!, idOf('Appointment', id)).then((r) => ({ ...r, deletedId: r.deletedId && id })),
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
};

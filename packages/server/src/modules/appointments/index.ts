import type { Feature } from '../feature';
import { AppointmentEntity } from './appointment.entity';
import { appointmentExport } from './appointment.export';
import { createAppointmentLoaders } from './appointment.loaders';
import { appointmentResolvers } from './appointment.resolvers';
import { appointmentUpdated } from './appointment.events';

export const appointments: Feature = {
  name: 'appointments',
  exports: [appointmentExport],
  entities: [AppointmentEntity],
  resolvers: appointmentResolvers,
  loaders: createAppointmentLoaders,
  events: [appointmentUpdated],
  nodeTypes: [{ typeName: 'Appointment', entity: AppointmentEntity, load: (id, _g, { loaders }) => loaders.appointmentById.load(id) }],
};

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createAppointmentLoaders> {}
}

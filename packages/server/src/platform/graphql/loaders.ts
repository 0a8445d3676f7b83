import type { DataSource } from 'typeorm';
import { createAppointmentLoaders } from '../../modules/appointments/appointment.loaders';
import { createCustomerLoaders } from '../../modules/customers/customer.loaders';
import { createInteractionLoaders } from '../../modules/interactions/interaction.loaders';
import { createLeadLoaders } from '../../modules/leads/lead.loaders';
import { createProjectLoaders } from '../../modules/projects/project.loaders';
import { createTeamLoaders } from '../../modules/teams/team.loaders';
import { createUserLoaders } from '../../modules/users/user.loaders';
import type { Viewer } from '../auth/viewer';

/** Fresh DataLoaders for one request (or one subscription event), bound to the viewer's row-level rules. */
export function createLoaders(ds: DataSource, viewer: Viewer | null) {
  return {
    ...createUserLoaders(ds),
    ...createTeamLoaders(ds),
    ...createCustomerLoaders(ds, viewer),
    ...createLeadLoaders(ds, viewer),
    ...createProjectLoaders(ds, viewer),
    ...createAppointmentLoaders(ds, viewer),
    ...createInteractionLoaders(ds, viewer),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

import type { Resolvers } from '../../generated/graphql';
import { AppointmentEntity } from '../../modules/appointments/appointment.entity';
import { AuditEntryEntity } from '../../modules/audit/audit-entry.entity';
import { CustomerEntity } from '../../modules/customers/customer.entity';
import { InteractionEntity } from '../../modules/interactions/interaction.entity';
import { LeadEntity } from '../../modules/leads/lead.entity';
import { AlertEntity } from '../../modules/notifications/alert.entity';
import { NotificationEntity } from '../../modules/notifications/notification.entity';
import { ProjectEntity } from '../../modules/projects/project.entity';
import { TeamEntity } from '../../modules/teams/team.entity';
import { UserEntity } from '../../modules/users/user.entity';
import type { GraphQLContext } from './context';
import { fromGlobalId } from './global-id';

/** Loads any object by global ID through the same row-level rules as its own query. */
async function loadNode(globalId: string, ctx: GraphQLContext): Promise<object | null> {
  const parsed = fromGlobalId(globalId);
  if (!parsed || !ctx.viewer) return null;
  const { loaders, services, viewer } = ctx;
  switch (parsed.type) {
    case 'Customer':
      return loaders.customerById.load(parsed.id);
    case 'Lead':
      return loaders.leadById.load(parsed.id);
    case 'Project':
      return loaders.projectById.load(parsed.id);
    case 'Appointment':
      return loaders.appointmentById.load(parsed.id);
    case 'Interaction':
      return loaders.interactionById.load(parsed.id);
    case 'Team':
      return loaders.teamById.load(parsed.id);
    case 'User':
      return viewer.id === parsed.id || viewer.role === 'ADMIN' || viewer.role === 'MANAGER' ? loaders.userById.load(parsed.id) : null;
    case 'AuditEntry':
      return services.audit.get(viewer, globalId);
    case 'Notification':
      return services.notifications.get(viewer, globalId);
    case 'Alert':
      return services.alerts.get(viewer, globalId);
    default:
      return null;
  }
}

const TYPES: Array<[new () => object, string]> = [
  [CustomerEntity, 'Customer'],
  [LeadEntity, 'Lead'],
  [ProjectEntity, 'Project'],
  [AppointmentEntity, 'Appointment'],
  [InteractionEntity, 'Interaction'],
  [TeamEntity, 'Team'],
  [UserEntity, 'User'],
  [AuditEntryEntity, 'AuditEntry'],
  [NotificationEntity, 'Notification'],
  [AlertEntity, 'Alert'],
];

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_, { id }, ctx) => loadNode(id, ctx) as never,
  },
  Node: {
    __resolveType: (obj) => (TYPES.find(([cls]) => obj instanceof cls)?.[1] ?? null) as never,
  },
};

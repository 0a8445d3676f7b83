import type { Resolvers } from '../../generated/graphql';
import { toGlobalId } from '../../platform/graphql/global-id';

export const auditResolvers: Resolvers = {
  Query: {
    auditLog: (_, args, { services, viewer }) => services.audit.list(viewer!, args),
  },
  AuditEntry: {
    id: (e) => toGlobalId('AuditEntry', e.id),
    actor: (e, _, { loaders }) => (e.actorId ? loaders.userById.load(e.actorId) : null),
    entityId: (e) => toGlobalId(e.entityType, e.entityId),
    changes: (e) => Object.entries(e.changes).map(([field, { before, after }]) => ({ field, before, after })),
  },
  AuditEntryConnection: {
    totalCount: (c) => c.totalCount(),
  },
};

import type { Resolvers } from '../../generated/graphql';
import { fromGlobalId, keysIn, NO_MATCH_ID, toGlobalId } from '../../platform/graphql/global-id';

export const auditResolvers: Resolvers = {
  Query: {
    auditLog: (_, { filter, ...rest }, { services, viewer }) =>
      services.audit.list(viewer, {
        ...rest,
        filter: filter && {
          ...keysIn(filter, { actorId: 'User' }),
          // Any type of record: the key inside whatever the ID names.
          entityId: filter.entityId && (fromGlobalId(filter.entityId)?.id ?? NO_MATCH_ID),
        },
      }),
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

import type { Resolvers } from '../../generated/graphql';
import { fromGlobalId, keysIn, NO_MATCH_ID, toGlobalId } from '../../platform/graphql/global-id';
import type { UserEntity } from '../users/user.entity';
import type { Loaders } from '../loaders';

/** Changed fields whose values are lists of user keys: a project's crew. */
const PEOPLE_LISTS = new Set(['crew']);

const keys = (v: unknown): string[] => (Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : []);

/** The users (that the viewer may see) of `ids`. */
async function usersOf(loaders: Loaders, ids: string[]): Promise<UserEntity[]> {
  const users = await Promise.all(ids.map((id) => loaders.userById.load(id)));
  return users.filter((u): u is UserEntity => u != null);
}

export const auditResolvers: Resolvers = {
  Query: {
    auditLog: (_, { filter, ...rest }, { services, viewer }) =>
      services.audit.list(viewer, {
        ...rest,
        filter: filter && {
          ...keysIn(filter, { actorId: 'User', apiKeyId: 'ApiKey' }),
          // Any type of record: the key inside whatever the ID names.
          entityId: filter.entityId && (fromGlobalId(filter.entityId)?.id ?? NO_MATCH_ID),
        },
      }),
  },
  AuditEntry: {
    id: (e) => toGlobalId('AuditEntry', e.id),
    actor: (e, _, { loaders }) => (e.actorId ? loaders.userById.load(e.actorId) : null),
    // The request's by-id loader of keys: admins only (null for anyone else).
    apiKey: (e, _, { loaders }) => (e.apiKeyId ? loaders.apiKeyById.load(e.apiKeyId) : null),
    byApiKey: (e) => e.apiKeyId !== null,
    entityId: (e) => toGlobalId(e.entityType, e.entityId),
    changes: (e) => Object.entries(e.changes).map(([field, { before, after }]) => ({ field, before, after })),
    // Who joined or left a list of people, so the history can name them (the JSON holds their keys).
    peopleChanges: (e, _, { loaders }) =>
      Promise.all(
        Object.entries(e.changes)
          .filter(([field]) => PEOPLE_LISTS.has(field))
          .map(async ([field, { before, after }]) => {
            const [was, now] = [keys(before), keys(after)];
            return {
              field,
              added: await usersOf(loaders, now.filter((id) => !was.includes(id))),
              removed: await usersOf(loaders, was.filter((id) => !now.includes(id))),
            };
          }),
      ),
  },
  AuditEntryConnection: {
    totalCount: (c) => c.totalCount(),
  },
};

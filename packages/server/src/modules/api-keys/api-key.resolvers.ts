import type { Resolvers } from '../../generated/graphql';
import { primeFrom } from '../../platform/db/loaders';
import { idOf, keysIn, toGlobalId } from '../../platform/graphql/global-id';
import { keyStatus, type ApiKeyEntity } from './api-key.entity';
import type { ApiKeyResult } from './api-key.service';

/** A usage row's key (its rows go with it: `ON DELETE CASCADE`, so a row without one is a broken invariant). */
function usageKey(key: ApiKeyEntity | null): ApiKeyEntity {
  if (!key) throw new Error('A usage row names no key');
  return key;
}

export const apiKeyResolvers: Resolvers = {
  Query: {
    apiKeys: (_, { filter, ...page }, { services, viewer }) => services.apiKeys.list(viewer, { ...page, filter: filter && keysIn(filter, { partnerId: 'Partner' }) }),
    apiUsageRows: (_, { filter, ...page }, { services, viewer, apiCaller }) =>
      services.apiUsage.page({ viewer, caller: apiCaller }, { ...page, filter: filter && keysIn(filter, { apiKeyId: 'ApiKey' }) }),
    apiUsage: (_, { filter }, { services, viewer, apiCaller }) =>
      services.apiUsage.usage({ viewer, caller: apiCaller }, filter && keysIn(filter, { apiKeyId: 'ApiKey' })),
  },
  Mutation: {
    createApiKey: (_, { input }, { services, viewer, loaders }) =>
      services.apiKeys.create(viewer, keysIn(input, { partnerId: 'Partner' })).then(primeFrom(loaders.apiKeyById, (r: ApiKeyResult) => r.apiKey)),
    updateApiKey: (_, { input }, { services, viewer, loaders }) =>
      services.apiKeys.update(viewer, { ...input, id: idOf('ApiKey', input.id) }).then(primeFrom(loaders.apiKeyById, (r: ApiKeyResult) => r.apiKey)),
    rotateApiKey: (_, { id, graceMinutes }, { services, viewer, loaders }) =>
      services.apiKeys.rotate(viewer, idOf('ApiKey', id), graceMinutes).then(primeFrom(loaders.apiKeyById, (r: ApiKeyResult) => r.apiKey)),
    revokeApiKey: (_, { id }, { services, viewer, loaders }) =>
      services.apiKeys.revoke(viewer, idOf('ApiKey', id)).then(primeFrom(loaders.apiKeyById, (r: ApiKeyResult) => r.apiKey)),
  },
  ApiKey: {
    id: (k) => toGlobalId('ApiKey', k.id),
    partner: (k, _, { loaders }) => (k.partnerId ? loaders.partnerById.load(k.partnerId) : null),
    status: (k) => keyStatus(k),
    allowFreeFormQueries: (k) => k.allowFreeForm,
    previousSecretValidUntil: (k) => (k.previousValidUntil && k.previousValidUntil > new Date() ? k.previousValidUntil : null),
    revokedBy: (k, _, { loaders }) => (k.revokedById ? loaders.userById.load(k.revokedById) : null),
    createdBy: (k, _, { loaders }) => (k.createdById ? loaders.userById.load(k.createdById) : null),
  },
  ApiUsage: {
    apiKeyId: (u) => toGlobalId('ApiKey', u.keyId),
    prefix: (u, _, { loaders }) => loaders.usageKeyById.load(u.keyId).then((k) => usageKey(k).prefix),
    name: (u, _, { loaders }) => loaders.usageKeyById.load(u.keyId).then((k) => usageKey(k).name),
    cost: (u) => Number(u.cost),
  },
  ApiKeyConnection: {
    totalCount: (c) => c.totalCount(),
  },
  ApiUsageConnection: {
    totalCount: (c) => c.totalCount(),
    dailyTotals: (c) => c.dailyTotals(),
  },
};

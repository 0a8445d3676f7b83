import type { Resolvers } from '../../generated/graphql';
import { primeFrom } from '../../platform/db/loaders';
import { idOf, keysIn, toGlobalId } from '../../platform/graphql/global-id';
import { keyStatus } from './api-key.entity';
import type { ApiKeyResult } from './api-key.service';

export const apiKeyResolvers: Resolvers = {
  Query: {
    apiKeys: (_, { filter, ...page }, { services, viewer }) => services.apiKeys.list(viewer, { ...page, filter: filter && keysIn(filter, { partnerId: 'Partner' }) }),
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
  },
  ApiKeyConnection: {
    totalCount: (c) => c.totalCount(),
  },
};

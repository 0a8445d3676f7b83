import type { Feature } from '../feature';
import { ApiKeyEntity } from './api-key.entity';
import { createApiKeyLoaders } from './api-key.loaders';
import { apiKeyResolvers } from './api-key.resolvers';
import { ApiUsageEntity } from './api-usage.entity';

/** API keys for partners and integrations: their lifecycle (admins), and usage metering per key, day and operation. */
export const apiKeys: Feature = {
  name: 'api-keys',
  entities: [ApiKeyEntity, ApiUsageEntity],
  resolvers: apiKeyResolvers,
  loaders: createApiKeyLoaders,
  nodeTypes: [{ typeName: 'ApiKey', entity: ApiKeyEntity, load: (id, _g, { loaders }) => loaders.apiKeyById.load(id) }],
};

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createApiKeyLoaders> {}
}

import type { DataSource } from 'typeorm';
import type { Viewer } from '../../platform/auth/viewer';
import { byIdLoader } from '../../platform/db/loaders';
import { ApiKeyEntity } from './api-key.entity';
import { mayManageKeys } from './api-key.policy';

/** Keys by id, for admins only (anyone else: none). */
export function createApiKeyLoaders(ds: DataSource, viewer: Viewer | null) {
  return {
    apiKeyById: byIdLoader(ds, ApiKeyEntity, (qb) => (viewer && mayManageKeys(viewer) ? qb : qb.andWhere('false'))),
    /**
     * The key of a usage row, for the row's `prefix` and `name`: unscoped by design, reached only from usage rows the
     * usage service already read under `usageScope` (a partner's key sees its partner's keys' rows, so their names).
     */
    usageKeyById: byIdLoader(ds, ApiKeyEntity),
  };
}

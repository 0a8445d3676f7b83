import type { Viewer } from '../../platform/auth/viewer';

/** API keys are the admins' to manage and to see. */
export const mayManageKeys = (viewer: Viewer) => viewer.role === 'ADMIN';

/** A key's status as SQL, the twin of `keyStatus` (api-key.entity.ts). */
export const apiKeyStatusSql = (alias: string) =>
  `CASE WHEN ${alias}.revoked_at IS NOT NULL THEN 'REVOKED' WHEN ${alias}.expires_at <= now() THEN 'EXPIRED' ELSE 'ACTIVE' END`;

import type { ApiCaller } from '../../platform/auth/api-caller';
import type { Viewer } from '../../platform/auth/viewer';

/** API keys are the admins' to manage and to see. */
export const mayManageKeys = (viewer: Viewer) => viewer.role === 'ADMIN';

/** A key's status as SQL, the twin of `keyStatus` (api-key.entity.ts). */
export const apiKeyStatusSql = (alias: string) =>
  `CASE WHEN ${alias}.revoked_at IS NOT NULL THEN 'REVOKED' WHEN ${alias}.expires_at <= now() THEN 'EXPIRED' ELSE 'ACTIVE' END`;

/** Who reads API usage: a staff viewer or an API key. */
export interface UsageReader {
  viewer: Viewer | null;
  caller: ApiCaller | null;
}

/**
 * The usage rows (`alias` over `api_usage`) a reader may see, as SQL with its named parameters: admins every key's, a
 * partner's key its partner's keys', a company key its own. Null: none (anyone else).
 */
export function usageScope(who: UsageReader, alias: string): { sql: string; params: Record<string, unknown> } | null {
  if (who.caller?.partnerId) {
    return { sql: `${alias}.key_id IN (SELECT pk.id FROM api_keys pk WHERE pk.partner_id = :usagePartnerId)`, params: { usagePartnerId: who.caller.partnerId } };
  }
  if (who.caller) return { sql: `${alias}.key_id = :usageKeyId`, params: { usageKeyId: who.caller.keyId } };
  return who.viewer && mayManageKeys(who.viewer) ? { sql: 'true', params: {} } : null;
}

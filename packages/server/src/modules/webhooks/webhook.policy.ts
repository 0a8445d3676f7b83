import type { ApiCaller } from '../../platform/auth/api-caller';
import type { Scope } from '../../platform/auth/scope';
import { NONE } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';

/** Who is managing webhooks: an admin, or an API key with `webhooks:manage`. */
export interface WebhookManager {
  viewer: Viewer | null;
  caller: ApiCaller | null;
}

/**
 * Which endpoints (alias) a manager may see and change: admins every one; a partner's key its partner's; a company
 * key the company's. Their deliveries follow their endpoint.
 */
export function endpointScope(who: WebhookManager, alias: string): Scope {
  if (who.caller) {
    return who.caller.partnerId
      ? { sql: `${alias}.partner_id = :ownerPartnerId`, params: { ownerPartnerId: who.caller.partnerId } }
      : { sql: `${alias}.partner_id IS NULL`, params: {} };
  }
  return who.viewer?.role === 'ADMIN' ? null : NONE;
}

import type { ApiCaller } from '../../platform/auth/api-caller';
import type { Scope } from '../../platform/auth/scope';
import { NONE } from '../../platform/auth/scope';

/**
 * What a partner key sees of the leads: the ones its partner referred, not deleted. A company key, which acts for no
 * partner, sees none. Anything else behaves as missing.
 */
export function referralScope(caller: ApiCaller, alias: string): Scope {
  if (!caller.partnerId) return NONE;
  return { sql: `${alias}.referred_partner_id = :callerPartnerId AND ${alias}.deleted_at IS NULL`, params: { callerPartnerId: caller.partnerId } };
}

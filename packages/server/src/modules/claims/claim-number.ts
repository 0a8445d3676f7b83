import type { DataSource } from 'typeorm';
import type { Viewer } from '../../platform/auth/viewer';
import { violates } from '../../platform/db/errors';
import { userError, type UserErrorData } from '../../platform/validation';
import { readableClaimIds } from './claim.policy';

/**
 * The partial unique index (migration ClaimNumbers): one claim outside the trash per carrier and claim number, both
 * compared trimmed and case-insensitively.
 */
export const CLAIM_NUMBER_INDEX = 'insurance_claims_number_key';

/** A claim's number as the index compares it: who issued it, and the number. */
export interface ClaimNumberKey {
  carrier: string;
  claimNumber: string | null;
}

/** The TAKEN error that names no other claim. */
const takenNeutrally = (key: ClaimNumberKey) => userError('claimNumber', 'TAKEN', `Another claim already has ${key.carrier} claim number ${key.claimNumber?.trim() ?? ''}.`);

interface Holder {
  id: string;
  project: string | null;
  customer: string | null;
}

/**
 * The TAKEN error on `claimNumber` when another claim outside the trash (not `exceptId`) has the carrier's number, or
 * null. The message names the other claim's project (else its customer) only when the viewer may see that claim.
 */
export async function claimNumberTaken(ds: DataSource, viewer: Viewer, key: ClaimNumberKey, exceptId: string | null): Promise<UserErrorData | null> {
  if (!key.claimNumber?.trim()) return null;
  const [holder]: Holder[] = await ds.query(
    `SELECT c.id, p.name AS project, cu.name AS customer
     FROM insurance_claims c
     LEFT JOIN projects p ON p.id = c.project_id
     LEFT JOIN leads l ON l.id = c.lead_id
     LEFT JOIN customers cu ON cu.id = COALESCE(p.customer_id, l.customer_id)
     WHERE c.deleted_at IS NULL AND btrim(c.claim_number) <> ''
       AND lower(btrim(c.carrier)) = lower(btrim($1)) AND lower(btrim(c.claim_number)) = lower(btrim($2))
       AND c.id IS DISTINCT FROM $3::uuid
     LIMIT 1`,
    [key.carrier, key.claimNumber, exceptId],
  );
  if (!holder) return null;
  const visible = (await readableClaimIds(ds, { viewer }, [holder.id])).has(holder.id);
  const of = visible && holder.project ? ` on the project “${holder.project}”` : visible && holder.customer ? ` for ${holder.customer}` : '';
  return of ? userError('claimNumber', 'TAKEN', `${key.carrier} claim number ${key.claimNumber.trim()} is already on a claim${of}.`) : takenNeutrally(key);
}

/**
 * Runs a write that may store `key`; a concurrent write that took the number first (the unique index refuses this
 * one) answers the same TAKEN error as the check before the write, not an internal error.
 */
export async function withUniqueNumber<R>(
  ds: DataSource,
  viewer: Viewer,
  key: ClaimNumberKey,
  exceptId: string | null,
  run: () => Promise<R>,
  refused: (errors: UserErrorData[]) => R,
): Promise<R> {
  try {
    return await run();
  } catch (err) {
    if (!violates(err, CLAIM_NUMBER_INDEX)) throw err;
    return refused([(await claimNumberTaken(ds, viewer, key, exceptId)) ?? takenNeutrally(key)]);
  }
}

import type { EntityManager } from 'typeorm';
import { NONE } from '../../platform/auth/scope';
import type { AttachmentOwnerAccess } from '../attachments/attachment-owners';
import { ClaimEntity } from './claim.entity';
import { claimScope, claimsVisibleToPartner } from './claim.policy';
import { SupplementEntity } from './supplement.entity';

/**
 * Claims own photos and documents (the evidence): seen by whoever sees the claim; added by whoever sees it — field
 * techs too, the photos from the roof of their project —; an adjuster partner's key sees those shared with the
 * adjuster on the claims it adjusts.
 */
export const claimAttachments: AttachmentOwnerAccess<ClaimEntity> = {
  kind: 'CLAIM',
  typeName: 'InsuranceClaim',
  entity: ClaimEntity,
  table: 'insurance_claims',
  scope: claimScope,
  canAttach: () => true,
  partnerScope: (partnerId, alias) => claimsVisibleToPartner({ partnerId }, alias),
  load: (loaders, id) => loaders.claimById.load(id),
};

/** A claim's rule on a supplement's columns (supplements have no trash nor team of their own). */
const throughClaim = (rule: (alias: string) => ReturnType<typeof claimScope>, alias: string) => {
  const scope = rule('sc');
  if (scope === NONE) return NONE;
  return { sql: `${alias}.claim_id IN (SELECT sc.id FROM insurance_claims sc WHERE sc.deleted_at IS NULL${scope ? ` AND (${scope.sql})` : ''})`, params: scope?.params ?? {} };
};

/** Supplements own photos picked for them, under their claim's rules. */
export const supplementAttachments: AttachmentOwnerAccess<SupplementEntity & { teamId?: null }> = {
  kind: 'SUPPLEMENT',
  typeName: 'Supplement',
  entity: SupplementEntity,
  table: 'supplements',
  softDeletes: false,
  scope: (viewer, alias) => throughClaim((a) => claimScope(viewer, a), alias),
  canAttach: (viewer) => viewer.role !== 'FIELD_TECH',
  partnerScope: (partnerId, alias) => throughClaim((a) => claimsVisibleToPartner({ partnerId }, a), alias),
  load: (loaders, id) => loaders.supplementById.load(id),
};

/**
 * The claim an attachment's owner belongs to (a claim's own files, or its supplement's) and the adjuster partner on it,
 * if any: who else may have to hear of the file (webhooks). Whether that partner may read it is the registry's rule.
 */
export async function adjustedClaimOf(m: EntityManager, owner: { ownerKind: string; ownerId: string }): Promise<{ claimId: string; supplementId: string | null; partnerId: string } | null> {
  const supplementId = owner.ownerKind === 'SUPPLEMENT' ? owner.ownerId : null;
  if (owner.ownerKind !== 'CLAIM' && !supplementId) return null;
  const rows: Array<{ id: string; partner_id: string | null }> = await m.query(
    `SELECT c.id, c.adjuster_partner_id AS partner_id FROM insurance_claims c
      WHERE c.id = coalesce($1, (SELECT s.claim_id FROM supplements s WHERE s.id = $2))`,
    [supplementId ? null : owner.ownerId, supplementId],
  );
  const claim = rows[0];
  return claim?.partner_id ? { claimId: claim.id, supplementId, partnerId: claim.partner_id } : null;
}

import type { EntityManager } from 'typeorm';
import { applyScope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { fetchOne } from '../../platform/db/hydrate';
import type { Validator } from '../../platform/validation';
import { PartnerContactEntity } from './partner-contact.entity';
import { PartnerEntity } from './partner.entity';
import { partnerScope } from './partner.policy';

/** A referral as a writer of leads gives it: keys (NO_MATCH_ID when an ID named nothing of its type). */
export interface ReferralKeys {
  partnerId: string;
  contactId?: string | null;
}

/**
 * The partner and contact of a referral, checked for the viewer: a partner they may see (missing otherwise) whose
 * partnership has not ended, and a contact of that partner. Reports on `field` and returns null when refused.
 */
export async function checkReferral(
  m: EntityManager,
  v: Validator,
  viewer: Viewer,
  referral: ReferralKeys,
  field = 'referredBy',
): Promise<{ referredPartnerId: string; referredContactId: string | null } | null> {
  const qb = applyScope(m.getRepository(PartnerEntity).createQueryBuilder('p'), partnerScope(viewer, 'p')).andWhere('p.id = :id', { id: referral.partnerId });
  const partner = await fetchOne(qb);
  if (!partner) {
    v.add(`${field}.partnerId`, 'NOT_FOUND', 'No such partner.');
    return null;
  }
  if (partner.status === 'ENDED') {
    v.add(`${field}.partnerId`, 'INVALID', 'This partnership has ended.');
    return null;
  }
  if (!referral.contactId) return { referredPartnerId: partner.id, referredContactId: null };
  const contact = await m.getRepository(PartnerContactEntity).findOneBy({ id: referral.contactId, partnerId: partner.id });
  if (!contact) {
    v.add(`${field}.contactId`, 'NOT_FOUND', 'No such contact at this partner.');
    return null;
  }
  return { referredPartnerId: partner.id, referredContactId: contact.id };
}

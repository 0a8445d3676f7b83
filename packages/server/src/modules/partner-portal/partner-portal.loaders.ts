import type { DataSource } from 'typeorm';
import DataLoader from 'dataloader';
import { fetchMany } from '../../platform/db/hydrate';
import { byIdLoader } from '../../platform/db/loaders';
import { ReferralFeeEntity } from '../partners/referral-fee.entity';
import { PartnerContactEntity } from '../partners/partner-contact.entity';

/**
 * A partner's people and fees as the partner itself reads them: unscoped by design, reachable only from a referral the portal
 * service already checked to be the caller's. (A profile's people come from `contactsByPartnerId`, likewise.)
 */
export function createPartnerPortalLoaders(ds: DataSource) {
  return {
    referralPersonById: byIdLoader(ds, PartnerContactEntity),
    /** The fee of each referred lead (null: none yet), likewise only from a referral already checked. */
    referralFeeByLeadId: new DataLoader<string, ReferralFeeEntity | null>(async (leadIds) => {
      const rows = await fetchMany(ds.getRepository(ReferralFeeEntity).createQueryBuilder('e').where('e.lead_id = ANY(:leadIds)', { leadIds }));
      const byLead = new Map(rows.map((f) => [f.leadId, f]));
      return leadIds.map((id) => byLead.get(id) ?? null);
    }),
  };
}

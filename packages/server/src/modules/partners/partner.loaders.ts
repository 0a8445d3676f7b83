import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { NONE, scoped } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { fetchMany } from '../../platform/db/hydrate';
import { byIdLoader } from '../../platform/db/loaders';
import { PartnerContactEntity } from './partner-contact.entity';
import { PartnerEntity } from './partner.entity';
import { partnerScope, referralFeeScope } from './partner.policy';
import { ReferralFeeEntity } from './referral-fee.entity';
import { MAX_CONTACTS } from './partner.service';

export function createPartnerLoaders(ds: DataSource, viewer: Viewer | null) {
  const scope = viewer ? partnerScope(viewer, 'p') : NONE;
  return {
    /** Partners the viewer may see (null otherwise). */
    partnerById: byIdLoader(ds, PartnerEntity, scoped(viewer, partnerScope)),
    /** Referral fees the viewer may see (admins; managers of the fee's team), null otherwise. */
    referralFeeById: byIdLoader(ds, ReferralFeeEntity, scoped(viewer, referralFeeScope)),
    /** Contacts of partners the viewer may see (null otherwise), for `node(id:)`. */
    partnerContactById: new DataLoader<string, PartnerContactEntity | null>(async (ids) => {
      const qb = ds
        .getRepository(PartnerContactEntity)
        .createQueryBuilder('e')
        .innerJoin(PartnerEntity, 'p', 'p.id = e.partner_id AND p.deleted_at IS NULL')
        .where('e.id = ANY(:ids)', { ids });
      if (scope) qb.andWhere(scope.sql, scope.params);
      const byId = new Map((await fetchMany(qb)).map((c) => [c.id, c]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** Each partner's contacts by name (the partner is already visible: its parent field checked it). */
    contactsByPartnerId: new DataLoader<string, PartnerContactEntity[]>(async (partnerIds) => {
      const rows = await fetchMany(
        ds.getRepository(PartnerContactEntity).createQueryBuilder('e').where('e.partner_id = ANY(:partnerIds)', { partnerIds }).orderBy('e.name').addOrderBy('e.id'),
      );
      const groups = new Map<string, PartnerContactEntity[]>(partnerIds.map((id) => [id, []]));
      for (const c of rows) {
        const list = groups.get(c.partnerId);
        if (list && list.length < MAX_CONTACTS) list.push(c);
      }
      return partnerIds.map((id) => groups.get(id)!);
    }),
  };
}

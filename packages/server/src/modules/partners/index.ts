import type { Feature } from '../feature';
import { partnerTable } from './partner.table';
import { partnerExport } from './partner.export';
import { partnerReads } from './partner.sql';
import { PartnerContactEntity } from './partner-contact.entity';
import { PartnerEntity } from './partner.entity';
import { partnerEvents } from './partner.events';
import { createPartnerLoaders } from './partner.loaders';
import { partnerResolvers } from './partner.resolvers';
import { ReferralFeeEntity } from './referral-fee.entity';

export const partners: Feature = {
  name: 'partners',
  exports: [partnerExport],
  tables: [partnerTable],
  entities: [PartnerEntity, PartnerContactEntity, ReferralFeeEntity],
  resolvers: partnerResolvers,
  loaders: createPartnerLoaders,
  sqlReads: partnerReads,
  events: partnerEvents,
  nodeTypes: [
    { typeName: 'Partner', entity: PartnerEntity, load: (id, _g, { loaders }) => loaders.partnerById.load(id) },
    { typeName: 'PartnerContact', entity: PartnerContactEntity, load: (id, _g, { loaders }) => loaders.partnerContactById.load(id) },
    { typeName: 'ReferralFee', entity: ReferralFeeEntity, load: (id, _g, { loaders }) => loaders.referralFeeById.load(id) },
  ],
};

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createPartnerLoaders> {}
}

import type { Feature } from '../feature';
import { partnerReads } from './partner.sql';
import { PartnerContactEntity } from './partner-contact.entity';
import { PartnerEntity } from './partner.entity';
import { createPartnerLoaders } from './partner.loaders';
import { partnerResolvers } from './partner.resolvers';

export const partners: Feature = {
  name: 'partners',
  entities: [PartnerEntity, PartnerContactEntity],
  resolvers: partnerResolvers,
  loaders: createPartnerLoaders,
  sqlReads: partnerReads,
  nodeTypes: [
    { typeName: 'Partner', entity: PartnerEntity, load: (id, _g, { loaders }) => loaders.partnerById.load(id) },
    { typeName: 'PartnerContact', entity: PartnerContactEntity, load: (id, _g, { loaders }) => loaders.partnerContactById.load(id) },
  ],
};

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createPartnerLoaders> {}
}

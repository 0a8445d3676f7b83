import type { Resolvers } from '../../generated/graphql';
import { primeFrom } from '../../platform/db/loaders';
import { idOf, keysIn, toGlobalId } from '../../platform/graphql/global-id';
import type { Loaders } from '../loaders';
import type { PartnerResult } from './partner.service';

/** Keeps the request's loaders in step with a write, so later fields in the same response see it. */
const primed = (loaders: Loaders) => (r: PartnerResult) => {
  if (r.partner) loaders.contactsByPartnerId.clear(r.partner.id);
  return primeFrom(loaders.partnerById, (x: PartnerResult) => x.partner)(r);
};
const IDS = { ownerId: 'User', teamId: 'Team' } as const;

export const partnerResolvers: Resolvers = {
  Query: {
    partner: (_, { id }, { services, viewer }) => services.partners.get(viewer, idOf('Partner', id)),
    partners: (_, { filter, ...rest }, { services, viewer }) => services.partners.list(viewer, { ...rest, filter: filter && keysIn(filter, IDS) }),
  },
  Mutation: {
    createPartner: (_, { input }, { services, viewer, loaders }) => services.partners.create(viewer, keysIn(input, IDS)).then(primed(loaders)),
    updatePartner: (_, { input }, { services, viewer, loaders }) =>
      services.partners.update(viewer, { ...keysIn(input, IDS), id: idOf('Partner', input.id) }).then(primed(loaders)),
    addPartnerContact: (_, { partnerId, input }, { services, viewer, loaders }) =>
      services.partners.addContact(viewer, idOf('Partner', partnerId), input).then(primed(loaders)),
    updatePartnerContact: (_, { input }, { services, viewer, loaders }) =>
      services.partners.updateContact(viewer, { ...input, id: idOf('PartnerContact', input.id) }).then(primed(loaders)),
    removePartnerContact: (_, { id }, { services, viewer, loaders }) => services.partners.removeContact(viewer, idOf('PartnerContact', id)).then(primed(loaders)),
    deletePartner: (_, { id }, { services, viewer, loaders }) => services.partners.softDelete(viewer, idOf('Partner', id)).then(primed(loaders)),
    restorePartner: (_, { id }, { services, viewer, loaders }) => services.partners.restore(viewer, idOf('Partner', id)).then(primed(loaders)),
  },
  Partner: {
    id: (p) => toGlobalId('Partner', p.id),
    owner: (p, _, { loaders }) => (p.ownerId ? loaders.userById.load(p.ownerId) : null),
    owningTeam: (p, _, { loaders }) => (p.teamId ? loaders.teamById.load(p.teamId) : null),
    createdBy: (p, _, { loaders }) => (p.createdById ? loaders.userById.load(p.createdById) : null),
    contacts: (p, _, { loaders }) => loaders.contactsByPartnerId.load(p.id),
    referralFee: (p) => ({
      kind: p.feeKind,
      percent: p.feePercent === null ? null : Number(p.feePercent),
      flatAmount: p.feeFlat,
      cap: p.feeCap,
    }),
  },
  PartnerContact: {
    id: (c) => toGlobalId('PartnerContact', c.id),
  },
  PartnerConnection: {
    totalCount: (c) => c.totalCount(),
  },
};


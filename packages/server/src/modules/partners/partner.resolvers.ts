import type { ReferralFeeChange, Resolvers } from '../../generated/graphql';
import { primeFrom } from '../../platform/db/loaders';
import { idOf, keyOf, keysIn, toGlobalId } from '../../platform/graphql/global-id';
import type { Loaders } from '../loaders';
import { byId, eventFields, liveStream } from '../realtime/live-stream';
import { partnerUpdated, referralFeeUpdated } from './partner.events';
import type { PartnerResult } from './partner.service';
import type { ReferralFeeResult } from './referral-fee.service';

/** Keeps the request's loaders in step with a write, so later fields in the same response see it. */
const primed = (loaders: Loaders) => (r: PartnerResult) => {
  if (r.partner) loaders.contactsByPartnerId.clear(r.partner.id);
  return primeFrom(loaders.partnerById, (x: PartnerResult) => x.partner)(r);
};
const primedFee = (loaders: Loaders) => primeFrom(loaders.referralFeeById, (r: ReferralFeeResult) => r.referralFee);
const IDS = { ownerId: 'User', teamId: 'Team' } as const;
const FEE_IDS = { partnerId: 'Partner', teamId: 'Team' } as const;
const byPartner = byId('partnerId', (g) => idOf('Partner', g), (e) => (e.type === partnerUpdated.type ? e.entityId : ((e.data.partnerId as string | undefined) ?? null)));

export const partnerResolvers: Resolvers = {
  Query: {
    partner: (_, { id }, { services, viewer }) => services.partners.get(viewer, idOf('Partner', id)),
    partners: (_, { filter, ...rest }, { services, viewer }) => services.partners.list(viewer, { ...rest, filter: filter && keysIn(filter, IDS) }),
    referralFee: (_, { id }, { services, viewer }) => services.referralFees.get(viewer, idOf('ReferralFee', id)),
    referralFees: (_, { filter, ...rest }, { services, viewer }) => services.referralFees.list(viewer, { ...rest, filter: filter && keysIn(filter, FEE_IDS) }),
    partnerPerformance: (_, { range, first, partnerIds }, { services, viewer }) =>
      services.partnerPerformance.report(viewer, range, first, partnerIds?.map((id) => keyOf('Partner', id)!)),
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
    approveReferralFee: (_, { id }, { services, viewer, loaders }) => services.referralFees.approve(viewer, idOf('ReferralFee', id)).then(primedFee(loaders)),
    markReferralFeePaid: (_, { id }, { services, viewer, loaders }) => services.referralFees.markPaid(viewer, idOf('ReferralFee', id)).then(primedFee(loaders)),
    voidReferralFee: (_, { input }, { services, viewer, loaders }) =>
      services.referralFees.voidFee(viewer, idOf('ReferralFee', input.id), input.reason).then(primedFee(loaders)),
  },
  Subscription: {
    partnerUpdated: liveStream([partnerUpdated], byPartner),
    referralFeeUpdated: liveStream([referralFeeUpdated], byPartner),
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
    referrals: (p, args, { services, viewer }) => (viewer ? services.partners.referrals(viewer, p.id, args) : null!),
    referralFees: (p, args, { services, viewer }) => (viewer ? services.referralFees.ofPartner(viewer, p.id, args) : null),
  },
  PartnerContact: {
    id: (c) => toGlobalId('PartnerContact', c.id),
  },
  PartnerConnection: {
    totalCount: (c) => c.totalCount(),
  },
  ReferralFee: {
    id: (f) => toGlobalId('ReferralFee', f.id),
    partner: (f, _, { loaders }) => loaders.partnerById.load(f.partnerId),
    project: (f, _, { loaders }) => loaders.projectById.load(f.projectId),
    lead: (f, _, { loaders }) => (f.leadId ? loaders.leadById.load(f.leadId) : null),
    owningTeam: (f, _, { loaders }) => (f.teamId ? loaders.teamById.load(f.teamId) : null),
    approvedBy: (f, _, { loaders }) => (f.approvedById ? loaders.userById.load(f.approvedById) : null),
    paidBy: (f, _, { loaders }) => (f.paidById ? loaders.userById.load(f.paidById) : null),
    voidedBy: (f, _, { loaders }) => (f.voidedById ? loaders.userById.load(f.voidedById) : null),
  },
  ReferralFeeConnection: {
    totalCount: (c) => c.totalCount(),
  },
  PartnerPerformance: {
    partner: async (r, _, { loaders }) => {
      const partner = await loaders.partnerById.load(r.partnerId);
      if (!partner) throw new Error(`partner ${r.partnerId} of a performance row vanished`);
      return partner;
    },
  },
  PartnerEvent: {
    ...eventFields,
    change: (e) => e.data.change as 'CREATED' | 'UPDATED' | 'DELETED' | 'RESTORED',
    partner: (e, _, { loaders }) => (e.data.change === 'DELETED' || !e.entityId ? null : loaders.partnerById.load(e.entityId)),
  },
  ReferralFeeEvent: {
    ...eventFields,
    change: (e) => e.data.change as ReferralFeeChange,
    referralFee: (e, _, { loaders }) => (e.entityId ? loaders.referralFeeById.load(e.entityId) : null),
  },
};

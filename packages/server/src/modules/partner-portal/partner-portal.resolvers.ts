import type { Resolvers } from '../../generated/graphql';
import { idOf, keyOf, toGlobalId } from '../../platform/graphql/global-id';
import { STAGE_OF_STATUS } from './partner-portal.service';

/** Partner-facing IDs are global IDs of the records behind them: a referral is its lead's, a person its contact's. */
export const partnerPortalResolvers: Resolvers = {
  Query: {
    myPartner: (_, __, { services, apiCaller }) => services.partnerPortal.myPartner(apiCaller!),
    myReferrals: (_, args, { services, apiCaller }) => services.partnerPortal.myReferrals(apiCaller!, args),
    myReferral: (_, { id }, { services, apiCaller }) => services.partnerPortal.myReferral(apiCaller!, idOf('Lead', id)),
  },
  Mutation: {
    submitReferral: (_, { input }, { services, apiCaller }) =>
      services.partnerPortal.submitReferral(apiCaller!, { ...input, referredByContactId: keyOf('PartnerContact', input.referredByContactId) }),
  },
  PartnerProfile: {
    id: (p) => toGlobalId('Partner', p.id),
    contacts: (p, _, { loaders }) => loaders.contactsByPartnerId.load(p.id),
    referralFee: (p) => ({ kind: p.feeKind, percent: p.feePercent === null ? null : Number(p.feePercent), flatAmount: p.feeFlat, cap: p.feeCap }),
  },
  PartnerPerson: {
    id: (c) => toGlobalId('PartnerContact', c.id),
  },
  PartnerReferral: {
    id: (l) => toGlobalId('Lead', l.id),
    propertyZip: (l) => l.addressZip,
    stage: (l) => STAGE_OF_STATUS[l.status],
    referredBy: (l, _, { loaders }) => (l.referredContactId ? loaders.referralPersonById.load(l.referredContactId) : null),
    externalReference: (l) => l.partnerReference,
    submittedAt: (l) => l.createdAt,
    bookedAt: (l) => l.convertedAt,
    fee: (l, _, { loaders }) => loaders.referralFeeByLeadId.load(l.id),
  },
  PartnerReferralConnection: {
    totalCount: (c) => c.totalCount(),
  },
};

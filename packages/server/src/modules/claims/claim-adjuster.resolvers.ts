import type { Resolvers } from '../../generated/graphql';
import { nestedPageSize } from '../../platform/db/pagination';
import { idOf, toGlobalId } from '../../platform/graphql/global-id';
import { SUPPLEMENTS_FIRST } from './claim.loaders';
import { lineFields, linesOf, moneyOf } from './claim.resolvers';

/** The adjuster's API: IDs are the global IDs of the records behind them (a claim's, a supplement's, a line's). */
export const claimAdjusterResolvers: Resolvers = {
  Query: {
    myClaims: (_, args, { services, apiCaller }) => services.claimAdjusters.myClaims(apiCaller!, args),
    myClaim: (_, { id }, { services, apiCaller }) => services.claimAdjusters.myClaim(apiCaller!, idOf('InsuranceClaim', id)),
  },
  Mutation: {
    adjustClaim: (_, { input }, { services, apiCaller }) => services.claimAdjusters.adjust(apiCaller!, { ...input, id: idOf('InsuranceClaim', input.id) }),
    adjustSupplement: (_, { input }, { services, apiCaller }) =>
      services.claimAdjusters.answerSupplement(apiCaller!, {
        ...input,
        id: idOf('Supplement', input.id),
        lines: input.lines?.map((l) => ({ ...l, lineId: idOf('SupplementLineItem', l.lineId) })),
      }),
  },
  AdjusterClaim: {
    id: (c) => toGlobalId('InsuranceClaim', c.id),
    insuredName: (c, _, { loaders }) => loaders.claimPropertyById.load(c.id).then((p) => p.insuredName),
    propertyAddress: (c, _, { loaders }) => loaders.claimPropertyById.load(c.id).then((p) => p.address),
    adjuster: (c, _, { loaders }) => (c.adjusterContactId ? loaders.referralPersonById.load(c.adjusterContactId) : null),
    money: moneyOf,
    supplements: (c, { first }, { loaders }) => loaders.sentSupplementsByClaimId.load({ key: c.id, first: nestedPageSize(first ?? SUPPLEMENTS_FIRST) }),
    supplementCount: (c, _, { loaders }) => loaders.supplementCountsByClaimId.load(c.id).then((n) => n.sent),
    payments: (c, _, { loaders }) => loaders.paymentsByClaimId.load(c.id),
  },
  AdjusterSupplement: {
    id: (s) => toGlobalId('Supplement', s.id),
    lineItems: linesOf,
  },
  AdjusterClaimConnection: {
    totalCount: (c) => c.totalCount(),
  },
  SupplementLineItem: lineFields,
};

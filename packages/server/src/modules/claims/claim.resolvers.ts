import type { ClaimAdjusterInput, Resolvers } from '../../generated/graphql';
import { primeFrom } from '../../platform/db/loaders';
import { nestedPageSize } from '../../platform/db/pagination';
import { deletedAs, idOf, keysIn, toGlobalId } from '../../platform/graphql/global-id';
import type { GraphQLContext } from '../../graphql-context';
import type { Loaders } from '../loaders';
import { byId, eventFields, liveStream } from '../realtime/live-stream';
import { claimMoney } from './claim-money';
import type { ClaimEntity } from './claim.entity';
import { claimUpdated } from './claim.events';
import { SUPPLEMENTS_FIRST } from './claim.loaders';
import type { ClaimResult } from './claim.service';
import type { SupplementEntity, SupplementLineEntity } from './supplement.entity';
import type { SupplementResult } from './supplement.service';

/** The request's supplement lists and counts of a claim are stale (the lists are keyed by claim and `first`). */
const supplementsChanged = (loaders: Loaders, claimId: string) => {
  loaders.supplementsByClaimId.clearAll();
  loaders.sentSupplementsByClaimId.clearAll();
  loaders.supplementCountsByClaimId.clear(claimId);
};
/** Keeps the request's loaders in step with a write, so later fields in the same response see it. */
const primed = (loaders: Loaders) => (r: ClaimResult) => {
  if (r.claim) {
    for (const l of [loaders.paymentsByClaimId, loaders.statusHistoryByClaimId, loaders.claimMoneyInputsById]) l.clear(r.claim.id);
    supplementsChanged(loaders, r.claim.id);
  }
  return primeFrom(loaders.claimById, (x: ClaimResult) => x.claim)(r);
};
const primedSupplement = (loaders: Loaders) => (r: SupplementResult) => {
  if (r.supplement) {
    loaders.supplementLinesBySupplementId.clear(r.supplement.id);
    loaders.claimMoneyInputsById.clear(r.supplement.claimId);
    supplementsChanged(loaders, r.supplement.claimId);
  }
  return r;
};
const IDS = { leadId: 'Lead', projectId: 'Project', ownerId: 'User', adjusterPartnerId: 'Partner' } as const;
const adjusterKeys = (a: ClaimAdjusterInput | null | undefined) => a && keysIn(a, { partnerId: 'Partner', contactId: 'PartnerContact' });
const lineKeys = <T extends { lineId: string }>(lines: T[] | null | undefined) => lines?.map((l) => ({ ...l, lineId: idOf('SupplementLineItem', l.lineId) }));
const byClaim = byId('claimId', (g) => idOf('InsuranceClaim', g), (e) => e.entityId);

/** The money of a claim (staff and adjuster types alike). */
export const moneyOf = (c: ClaimEntity, _: unknown, { loaders }: GraphQLContext) => loaders.claimMoneyInputsById.load(c.id).then((inputs) => claimMoney(c, inputs));

/** The fields `SupplementLineItem` and the supplements' shared ones resolve the same way for staff and adjusters. */
export const lineFields = { id: (l: SupplementLineEntity) => toGlobalId('SupplementLineItem', l.id) };
export const linesOf = (s: SupplementEntity, _: unknown, { loaders }: GraphQLContext) => loaders.supplementLinesBySupplementId.load(s.id);

export const claimResolvers: Resolvers = {
  Query: {
    claim: (_, { id }, { services, viewer }) => services.claims.get(viewer, idOf('InsuranceClaim', id)),
    claims: (_, { filter, ...rest }, { services, viewer }) => services.claims.list(viewer, { ...rest, filter: filter && keysIn(filter, IDS) }),
  },
  Mutation: {
    createClaim: (_, { input }, { services, viewer, loaders }) =>
      services.claims.create(viewer, { ...keysIn(input, IDS), adjuster: adjusterKeys(input.adjuster) }).then(primed(loaders)),
    updateClaim: (_, { input }, { services, viewer, loaders }) =>
      services.claims
        .update(viewer, { ...keysIn(input, IDS), id: idOf('InsuranceClaim', input.id), adjuster: input.adjuster === undefined ? undefined : adjusterKeys(input.adjuster) })
        .then(primed(loaders)),
    updateClaimStatus: (_, { input }, { services, viewer, loaders }) =>
      services.claims.updateStatus(viewer, idOf('InsuranceClaim', input.id), input.status, input.reason).then(primed(loaders)),
    deleteClaim: (_, { id }, { services, viewer, loaders }) => services.claims.softDelete(viewer, idOf('InsuranceClaim', id)).then(primed(loaders)),
    restoreClaim: (_, { id }, { services, viewer, loaders }) => services.claims.restore(viewer, idOf('InsuranceClaim', id)).then(primed(loaders)),
    hardDeleteClaim: (_, { id }, { services, viewer }) => services.claims.hardDelete(viewer, idOf('InsuranceClaim', id)).then(deletedAs(id)),
    createSupplement: (_, { input }, { services, viewer, loaders }) =>
      services.supplements.create(viewer, idOf('InsuranceClaim', input.claimId), input).then(primedSupplement(loaders)),
    updateSupplement: (_, { input }, { services, viewer, loaders }) =>
      services.supplements.update(viewer, idOf('Supplement', input.id), input).then(primedSupplement(loaders)),
    sendSupplement: (_, { id }, { services, viewer, loaders }) => services.supplements.send(viewer, idOf('Supplement', id)).then(primedSupplement(loaders)),
    answerSupplement: (_, { input }, { services, viewer, loaders }) =>
      services.supplements
        .answer(viewer, (claimId) => services.claims.writable(viewer, claimId), { ...input, id: idOf('Supplement', input.id), lines: lineKeys(input.lines) })
        .then(primedSupplement(loaders)),
    removeSupplement: (_, { id }, { services, viewer, loaders }) => services.supplements.remove(viewer, idOf('Supplement', id)).then(primed(loaders)),
    recordCarrierPayment: (_, { input }, { services, viewer, loaders }) =>
      services.carrierPayments.record(viewer, { ...input, claimId: idOf('InsuranceClaim', input.claimId) }).then(primed(loaders)),
    removeCarrierPayment: (_, { id }, { services, viewer, loaders }) => services.carrierPayments.remove(viewer, idOf('CarrierPayment', id)).then(primed(loaders)),
  },
  Subscription: {
    claimUpdated: liveStream([claimUpdated], byClaim),
  },
  InsuranceClaim: {
    id: (c) => toGlobalId('InsuranceClaim', c.id),
    allowedStatuses: (c, _, { services, viewer }) => (viewer ? services.claims.allowedStatuses(viewer, c) : []),
    allowedMoves: (c, _, { services, viewer }) => (viewer ? services.claims.allowedMoves(viewer, c) : []),
    statusHistory: (c, _, { loaders }) => loaders.statusHistoryByClaimId.load(c.id),
    adjuster: (c) => (c.adjusterPartnerId || c.adjusterName ? c : null),
    money: moneyOf,
    lead: (c, _, { loaders }) => (c.leadId ? loaders.leadById.load(c.leadId) : null),
    project: (c, _, { loaders }) => (c.projectId ? loaders.projectById.load(c.projectId) : null),
    customer: async (c, _, { loaders }) => {
      const parent = c.projectId ? await loaders.projectById.load(c.projectId) : c.leadId ? await loaders.leadById.load(c.leadId) : null;
      return parent?.customerId ? loaders.customerById.load(parent.customerId) : null;
    },
    owner: (c, _, { loaders }) => (c.ownerId ? loaders.userById.load(c.ownerId) : null),
    owningTeam: (c, _, { loaders }) => (c.teamId ? loaders.teamById.load(c.teamId) : null),
    supplements: (c, { first }, { loaders }) => loaders.supplementsByClaimId.load({ key: c.id, first: nestedPageSize(first ?? SUPPLEMENTS_FIRST) }),
    supplementCount: (c, _, { loaders }) => loaders.supplementCountsByClaimId.load(c.id).then((n) => n.all),
    payments: (c, _, { loaders }) => loaders.paymentsByClaimId.load(c.id),
    createdBy: (c, _, { loaders }) => (c.createdById ? loaders.userById.load(c.createdById) : null),
  },
  ClaimAdjuster: {
    partner: (c, _, { loaders }) => (c.adjusterPartnerId ? loaders.partnerById.load(c.adjusterPartnerId) : null),
    contact: (c, _, { loaders }) => (c.adjusterContactId ? loaders.partnerContactById.load(c.adjusterContactId) : null),
    name: async (c, _, { loaders }) => (c.adjusterContactId ? ((await loaders.partnerContactById.load(c.adjusterContactId))?.name ?? null) : c.adjusterName),
    phone: async (c, _, { loaders }) => (c.adjusterContactId ? ((await loaders.partnerContactById.load(c.adjusterContactId))?.phone ?? null) : c.adjusterPhone),
  },
  ClaimStatusChange: {
    from: (h) => h.fromStatus,
    to: (h) => h.toStatus,
    changedBy: (h, _, { loaders }) => (h.changedById ? loaders.userById.load(h.changedById) : null),
  },
  InsuranceClaimConnection: {
    totalCount: (c) => c.totalCount(),
  },
  Supplement: {
    id: (s) => toGlobalId('Supplement', s.id),
    claim: (s, _, { loaders }) => loaders.claimById.load(s.claimId),
    lineItems: linesOf,
    preparedBy: (s, _, { loaders }) => (s.preparedById ? loaders.userById.load(s.preparedById) : null),
  },
  SupplementLineItem: lineFields,
  CarrierPayment: {
    id: (p) => toGlobalId('CarrierPayment', p.id),
  },
  Lead: {
    claims: (l, _, { loaders }) => loaders.claimsByLeadId.load(l.id),
  },
  Project: {
    claims: (p, _, { loaders }) => loaders.claimsByProjectId.load(p.id),
  },
  ClaimEvent: {
    ...eventFields,
    change: (e) => e.data.change as 'CREATED' | 'UPDATED' | 'DELETED' | 'RESTORED',
    claim: (e, _, { loaders }) => (e.data.change === 'DELETED' || !e.entityId ? null : loaders.claimById.load(e.entityId)),
  },
};

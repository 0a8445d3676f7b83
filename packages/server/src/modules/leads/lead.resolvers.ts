import type { LeadEventType, Resolvers } from '../../generated/graphql';
import { addressOf } from '../../platform/db/address';
import { deletedAs, idOf, keysIn, toGlobalId } from '../../platform/graphql/global-id';
import type { Loaders } from '../loaders';
import type { ConvertResult, LeadResult } from './lead.service';
import { primeFrom } from '../../platform/db/loaders';
import { byId, eventFields, liveStream } from '../realtime/live-stream';
import { leadCreated, leadDeleted, leadRestored, leadUpdated } from './lead.events';

/** The optional IDs of the inputs and the filter (the lead's own `id` must name a lead: idOf). */
const IDS = { assigneeId: 'User', teamId: 'Team', customerId: 'Customer' };

/** Keeps the request's loader in step with a write, so later fields in the same response see it. */
const primed = (loaders: Loaders) => primeFrom(loaders.leadById, (r: LeadResult) => r.lead);

/** Primes the lead, customer and project a conversion wrote. */
const primedConversion = (loaders: Loaders) => (r: ConvertResult): ConvertResult => {
  primed(loaders)(r);
  primeFrom(loaders.customerById, (c: ConvertResult) => c.customer)(r);
  return primeFrom(loaders.projectById, (c: ConvertResult) => c.project)(r);
};

const LEAD_EVENT_TYPES: Record<string, LeadEventType> = {
  [leadCreated.type]: 'CREATED',
  [leadUpdated.type]: 'UPDATED',
  [leadDeleted.type]: 'DELETED',
  [leadRestored.type]: 'RESTORED',
};

const REFERRAL_IDS = { partnerId: 'Partner', contactId: 'PartnerContact' } as const;

export const leadResolvers: Resolvers = {
  Query: {
    lead: (_, { id }, { services, viewer }) => services.leads.get(viewer, idOf('Lead', id)),
    leads: (_, { filter, ...rest }, { services, viewer }) => services.leads.list(viewer, { ...rest, filter: filter && keysIn(filter, IDS) }),
  },
  Mutation: {
    createLead: (_, { input }, { services, viewer, loaders }) =>
      services.leads.create(viewer, { ...keysIn(input, IDS), referredBy: input.referredBy && keysIn(input.referredBy, REFERRAL_IDS) }).then(primed(loaders)),
    updateLead: (_, { input }, { services, viewer, loaders }) =>
      services.leads
        .update(viewer, { ...keysIn(input, IDS), id: idOf('Lead', input.id), referredBy: input.referredBy && keysIn(input.referredBy, REFERRAL_IDS) })
        .then(primed(loaders)),
    updateLeadStatus: (_, { input }, { services, viewer, loaders }) =>
      services.leads.updateStatus(viewer, { ...input, id: idOf('Lead', input.id) }).then(primed(loaders)),
    assignLead: (_, { input }, { services, viewer, loaders }) =>
      services.leads.assign(viewer, { ...keysIn(input, IDS), id: idOf('Lead', input.id) }).then(primed(loaders)),
    convertLead: (_, { input }, { services, viewer, loaders }) =>
      services.leads.convert(viewer, { ...input, id: idOf('Lead', input.id) }).then(primedConversion(loaders)),
    deleteLead: (_, { id }, { services, viewer, loaders }) => services.leads.softDelete(viewer, idOf('Lead', id)).then(primed(loaders)),
    restoreLead: (_, { id }, { services, viewer, loaders }) => services.leads.restore(viewer, idOf('Lead', id)).then(primed(loaders)),
    hardDeleteLead: (_, { id }, { services, viewer }) => services.leads.hardDelete(viewer, idOf('Lead', id)).then(deletedAs(id)),
  },
  Lead: {
    id: (l) => toGlobalId('Lead', l.id),
    customer: (l, _, { loaders }) => (l.customerId ? loaders.customerById.load(l.customerId) : null),
    propertyAddress: (l) => addressOf(l),
    // Shown only with a partner the viewer may see.
    referredBy: async (l, _, { loaders }) => {
      const partner = l.referredPartnerId ? await loaders.partnerById.load(l.referredPartnerId) : null;
      if (!partner) return null;
      return { partner, contact: l.referredContactId ? await loaders.partnerContactById.load(l.referredContactId) : null };
    },
    assignee: (l, _, { loaders }) => (l.assigneeId ? loaders.userById.load(l.assigneeId) : null),
    owningTeam: (l, _, { loaders }) => (l.teamId ? loaders.teamById.load(l.teamId) : null),
    convertedProject: (l, _, { loaders }) => (l.convertedProjectId ? loaders.projectById.load(l.convertedProjectId) : null),
    createdBy: (l, _, { loaders }) => (l.createdById ? loaders.userById.load(l.createdById) : null),
    allowedStatuses: (l, _, { services, viewer }) => (viewer ? services.leads.allowedStatuses(viewer, l) : []),
  },
  LeadConnection: {
    totalCount: (c) => c.totalCount(),
  },
  Subscription: {
    leadCreated: liveStream([leadCreated], byId('teamId', (g) => idOf('Team', g), (e) => e.teamId)),
    leadUpdated: liveStream([leadUpdated, leadDeleted, leadRestored], byId('teamId', (g) => idOf('Team', g), (e) => e.teamId)),
  },
  LeadEvent: {
    ...eventFields,
    type: (e) => LEAD_EVENT_TYPES[e.type]!,
    lead: (e, _, { loaders }) => (e.type === leadDeleted.type || !e.entityId ? null : loaders.leadById.load(e.entityId)),
  },
};

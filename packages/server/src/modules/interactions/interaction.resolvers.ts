import type { Resolvers } from '../../generated/graphql';
import { deletedAs, idOf, keysIn, toGlobalId } from '../../platform/graphql/global-id';
import type { Loaders } from '../loaders';
import type { InteractionResult } from './interaction.service';
import { primeFrom } from '../../platform/db/loaders';

const IDS = { customerId: 'Customer', leadId: 'Lead', projectId: 'Project', userId: 'User' };

/** Keeps the request's loader in step with a write, so later fields in the same response see it. */
const primed = (loaders: Loaders) => primeFrom(loaders.interactionById, (r: InteractionResult) => r.interaction);

export const interactionResolvers: Resolvers = {
  Query: {
    interaction: (_, { id }, { services, viewer }) => services.interactions.get(viewer, idOf('Interaction', id)),
    interactions: (_, { filter, ...rest }, { services, viewer }) =>
      services.interactions.list(viewer, { ...rest, filter: filter && keysIn(filter, IDS) }),
  },
  Mutation: {
    logInteraction: (_, { input }, { services, viewer, loaders }) =>
      services.interactions
        .log(viewer, { ...keysIn(input, IDS), customerId: idOf('Customer', input.customerId) })
        .then(primed(loaders)),
    updateInteraction: (_, { input }, { services, viewer, loaders }) =>
      services.interactions.update(viewer, { ...input, id: idOf('Interaction', input.id) }).then(primed(loaders)),
    deleteInteraction: (_, { id }, { services, viewer, loaders }) => services.interactions.softDelete(viewer, idOf('Interaction', id)).then(primed(loaders)),
    restoreInteraction: (_, { id }, { services, viewer, loaders }) => services.interactions.restore(viewer, idOf('Interaction', id)).then(primed(loaders)),
    hardDeleteInteraction: (_, { id }, { services, viewer }) => services.interactions.hardDelete(viewer, idOf('Interaction', id)).then(deletedAs(id)),
  },
  Interaction: {
    id: (i) => toGlobalId('Interaction', i.id),
    customer: (i, _, { loaders }) => loaders.customerById.load(i.customerId),
    lead: (i, _, { loaders }) => (i.leadId ? loaders.leadById.load(i.leadId) : null),
    project: (i, _, { loaders }) => (i.projectId ? loaders.projectById.load(i.projectId) : null),
    user: (i, _, { loaders }) => (i.userId ? loaders.userById.load(i.userId) : null),
  },
  InteractionConnection: {
    totalCount: (c) => c.totalCount(),
  },
};

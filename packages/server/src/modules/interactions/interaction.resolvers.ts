import type { Resolvers } from '../../generated/graphql';
import { idOf, keyOf, toGlobalId } from '../../platform/graphql/global-id';
import type { Loaders } from '../loaders';
import type { InteractionResult } from './interaction.service';

/** Keeps the request's loader in step with a write, so later fields in the same response see it. */
const primed = (loaders: Loaders) => (r: InteractionResult): InteractionResult => {
  if (r.interaction) loaders.interactionById.clear(r.interaction.id).prime(r.interaction.id, r.interaction);
  return r;
};

export const interactionResolvers: Resolvers = {
  Query: {
    interaction: (_, { id }, { services, viewer }) => services.interactions.get(viewer!, idOf('Interaction', id)),
    interactions: (_, { filter, ...rest }, { services, viewer }) =>
      services.interactions.list(viewer!, {
        ...rest,
        filter: filter && {
          ...filter,
          customerId: keyOf('Customer', filter.customerId),
          leadId: keyOf('Lead', filter.leadId),
          projectId: keyOf('Project', filter.projectId),
          userId: keyOf('User', filter.userId),
        },
      }),
  },
  Mutation: {
    logInteraction: (_, { input }, { services, viewer, loaders }) =>
      services.interactions
        .log(viewer!, {
          ...input,
          customerId: idOf('Customer', input.customerId),
          leadId: keyOf('Lead', input.leadId),
          projectId: keyOf('Project', input.projectId),
        })
        .then(primed(loaders)),
    updateInteraction: (_, { input }, { services, viewer, loaders }) =>
      services.interactions.update(viewer!, { ...input, id: idOf('Interaction', input.id) }).then(primed(loaders)),
    deleteInteraction: (_, { id }, { services, viewer, loaders }) =>
      services.interactions.softDelete(viewer!, idOf('Interaction', id)).then(primed(loaders)),
    restoreInteraction: (_, { id }, { services, viewer, loaders }) =>
      services.interactions.restore(viewer!, idOf('Interaction', id)).then(primed(loaders)),
    hardDeleteInteraction: (_, { id }, { services, viewer }) =>
      services.interactions.hardDelete(viewer!, idOf('Interaction', id)).then((r) => ({ ...r, deletedId: r.deletedId && id })),
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

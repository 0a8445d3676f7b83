import type { Resolvers } from '../../generated/graphql';

export const scoringResolvers: Resolvers = {
  Query: {
    leadScoringWeights: (_, __, { services, viewer }) => services.scoring.getWeights(viewer),
  },
  Mutation: {
    updateLeadScoringWeights: (_, { input }, { services, viewer }) => services.scoring.updateWeights(viewer, input),
  },
  LeadScoringWeights: {
    updatedBy: (w, _, { loaders }) => (w.updatedById ? loaders.userById.load(w.updatedById) : null),
  },
  Lead: {
    scoreFactors: (l) => l.scoreFactors,
    scoredAt: (l) => l.scoredAt,
  },
};

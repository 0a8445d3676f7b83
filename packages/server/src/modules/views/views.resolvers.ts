import type { Resolvers } from '../../generated/graphql';
import { idOf, toGlobalId } from '../../platform/graphql/global-id';
import { canEditSavedView } from './views.policy';

export const viewResolvers: Resolvers = {
  Query: {
    tablePreferences: (_, { table }, { services, viewer }) => services.tablePreferences.get(viewer, table),
    savedViews: (_, { table }, { services, viewer }) => services.savedViews.list(viewer, table),
  },
  Mutation: {
    updateTablePreferences: (_, { input }, { services, viewer }) => services.tablePreferences.update(viewer, input),
    createSavedView: (_, { input }, { services, viewer }) => services.savedViews.create(viewer, input),
    updateSavedView: (_, { input }, { services, viewer }) => services.savedViews.update(viewer, { ...input, id: idOf('SavedView', input.id) }),
    deleteSavedView: async (_, { id }, { services, viewer }) => {
      const r = await services.savedViews.delete(viewer, idOf('SavedView', id));
      return { deletedId: r.deletedId && toGlobalId('SavedView', r.deletedId), errors: r.errors };
    },
  },
  SavedView: {
    id: (v) => toGlobalId('SavedView', v.id),
    table: (v) => v.tableKey,
    sort: (v) => (v.sortField ? { field: v.sortField, direction: v.sortDirection ?? 'ASC' } : null),
    owner: (v, _, { loaders }) => loaders.userById.load(v.ownerId),
    team: (v, _, { loaders }) => (v.teamId ? loaders.teamById.load(v.teamId) : null),
    canEdit: (v, _, { viewer }) => Boolean(viewer && canEditSavedView(viewer, v)),
  },
};

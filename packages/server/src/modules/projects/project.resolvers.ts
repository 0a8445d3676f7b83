import type { Resolvers } from '../../generated/graphql';
import { selects } from '../../platform/graphql/selection';
import { idOf, keysIn, toGlobalId } from '../../platform/graphql/global-id';
import type { Loaders } from '../loaders';
import { nestedPageSize } from '../../platform/db/pagination';
import { withinBudget } from './money';
import type { ProjectResult } from './project.service';
import { primeFrom } from '../../platform/db/loaders';
import { byId, eventFields, liveStream } from '../realtime/live-stream';
import { projectUpdated } from './project.events';

/** Keeps the request's loaders in step with a write (the project and its crew), so later fields see it. */
const primed = (loaders: Loaders) => (r: ProjectResult): ProjectResult => {
  if (r.project) loaders.crewByProjectId.clear(r.project.id);
  return primeFrom(loaders.projectById, (p: ProjectResult) => p.project)(r);
};

export const projectResolvers: Resolvers = {
  Query: {
    project: (_, { id }, { services, viewer }) => services.projects.get(viewer, idOf('Project', id)),
    projects: (_, { filter, ...rest }, { services, viewer }) =>
      services.projects.list(viewer, { ...rest, filter: filter && keysIn(filter, { customerId: 'Customer', memberId: 'User', teamId: 'Team' }) }),
  },
  Mutation: {
    createProject: (_, { input }, { services, viewer, loaders }) =>
      services.projects
        .create(viewer, { ...input, customerId: idOf('Customer', input.customerId), memberIds: input.memberIds?.map((g) => idOf('User', g)) })
        .then(primed(loaders)),
    updateProject: (_, { input }, { services, viewer, loaders }) =>
      services.projects.update(viewer, { ...input, id: idOf('Project', input.id) }).then(primed(loaders)),
    assignProjectTeam: (_, { input }, { services, viewer, loaders }) =>
      services.projects
        .assignTeam(viewer, { ...input, id: idOf('Project', input.id), memberIds: input.memberIds.map((g) => idOf('User', g)) })
        .then(primed(loaders)),
    deleteProject: (_, { id }, { services, viewer, loaders }) => services.projects.softDelete(viewer, idOf('Project', id)).then(primed(loaders)),
    restoreProject: (_, { id }, { services, viewer, loaders }) => services.projects.restore(viewer, idOf('Project', id)).then(primed(loaders)),
    hardDeleteProject: (_, { id }, { services, viewer }) =>
      services.projects
        .hardDelete(viewer, idOf('Project', id))
        .then((r) => ({ ...r, deletedId: r.deletedId && toGlobalId('Project', r.deletedId) })),
  },
  Project: {
    id: (p) => toGlobalId('Project', p.id),
    customer: (p, _, { loaders }) => loaders.customerById.load(p.customerId),
    lead: (p, _, { loaders }) => (p.leadId ? loaders.leadById.load(p.leadId) : null),
    onBudget: (p) => withinBudget(p.actualCost, p.budget),
    team: (p, _, { loaders }) => loaders.crewByProjectId.load(p.id),
    owningTeam: (p, _, { loaders }) => (p.teamId ? loaders.teamById.load(p.teamId) : null),
    appointments: (p, _, { loaders }) => loaders.appointmentsByProjectId.load(p.id),
    interactions: (p, { first }, { loaders }, info) =>
      loaders.interactionsByProjectId.load({ key: p.id, first: nestedPageSize(first), include: selects(info, 'user') }),
    createdBy: (p, _, { loaders }) => (p.createdById ? loaders.userById.load(p.createdById) : null),
  },
  ProjectConnection: {
    totalCount: (c) => c.totalCount(),
  },
  Subscription: {
    projectUpdated: liveStream([projectUpdated], byId('projectId', (g) => idOf('Project', g), (e) => e.entityId)),
  },
  ProjectEvent: {
    ...eventFields,
    project: (e, _, { loaders }) => (e.entityId ? loaders.projectById.load(e.entityId) : null),
  },
};

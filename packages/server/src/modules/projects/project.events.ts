import { dashboardView } from '../analytics/dashboard.events';
import { defineEvent, recordAudience, type RecordWrite, type WriteEffects } from '../realtime/event-definition';
import { ProjectEntity } from './project.entity';
import { projectScope } from './project.policy';

/** A project changed (fields, status, crew, trash): to whoever may see it now. */
export const projectUpdated = defineEvent<RecordWrite<Pick<ProjectEntity, 'id' | 'teamId'>>>({
  type: 'project.updated',
  graphqlType: 'ProjectEvent',
  staleFields: ['projects'],
  row: ({ before, after }) => {
    const project = (after ?? before)!;
    return { entityId: project.id, teamId: project.teamId };
  },
  receive: async (_viewer, event, loaders) => event.entityId !== null && (await loaders.projectById.load(event.entityId)) !== null,
  audience: recordAudience(ProjectEntity, projectScope, (loaders) => loaders.projectById),
});

export const projectWrites: WriteEffects<ProjectEntity> = {
  events: { CREATE: projectUpdated, UPDATE: projectUpdated, DELETE: projectUpdated, HARD_DELETE: projectUpdated, RESTORE: projectUpdated },
  staleViews: [dashboardView],
};

import type { ListExport } from '../../platform/http/list-export';
import { customerNameColumn, idColumn, teamColumn, timestampColumns } from '../export-columns';
import type { ExportContext } from '../feature';
import type { ProjectEntity } from './project.entity';
import type { ProjectListArgs } from './project.service';

/** The projects list as CSV: the list's filter, order and row rule (`ProjectService.listQuery`). */
export const projectExport: ListExport<ExportContext, ProjectEntity, ProjectListArgs> = {
  name: 'projects',
  filterType: 'ProjectFilter',
  orderType: 'ProjectOrder',
  ids: { customerId: 'Customer', memberId: 'User', teamId: 'Team' },
  query: ({ services }, viewer, args) => services.projects.listQuery(viewer, args),
  columns: [
    idColumn('Project'),
    { header: 'Name', value: (p) => p.name },
    customerNameColumn(),
    { header: 'Type', value: (p) => p.projectType },
    { header: 'Status', value: (p) => p.status },
    { header: 'Budget', value: (p) => p.budget },
    { header: 'Actual cost', value: (p) => p.actualCost },
    { header: 'Start date', value: (p) => p.startDate },
    { header: 'End date', value: (p) => p.endDate },
    { header: 'Completion %', value: (p) => p.completionPercentage },
    {
      header: 'Crew',
      value: async (p, { loaders }) => (await loaders.crewByProjectId.load(p.id)).map((u) => u.name).join('; '),
    },
    teamColumn(),
    ...timestampColumns<ProjectEntity>(),
  ],
};

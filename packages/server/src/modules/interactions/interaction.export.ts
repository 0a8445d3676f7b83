import type { ListExport } from '../../platform/http/list-export';
import { customerNameColumn, idColumn, projectNameColumn, teamColumn, timeColumn, timestampColumns, userColumn } from '../export-columns';
import type { ExportContext } from '../feature';
import type { InteractionEntity } from './interaction.entity';
import type { InteractionListArgs } from './interaction.service';

/** The communication log as CSV: the list's filter, order and row rule (`InteractionService.listQuery`). */
export const interactionExport: ListExport<ExportContext, InteractionEntity, InteractionListArgs> = {
  name: 'interactions',
  filterType: 'InteractionFilter',
  orderType: 'InteractionOrder',
  ids: { customerId: 'Customer', leadId: 'Lead', projectId: 'Project', userId: 'User' },
  query: ({ services }, viewer, args) => services.interactions.listQuery(viewer, args),
  columns: [
    idColumn('Interaction'),
    timeColumn<InteractionEntity>('Occurred', (i) => i.occurredAt),
    { header: 'Type', value: (i) => i.type },
    { header: 'Direction', value: (i) => i.direction },
    { header: 'Channel', value: (i) => i.channel },
    customerNameColumn(),
    projectNameColumn(),
    { header: 'Subject', value: (i) => i.subject },
    { header: 'Outcome', value: (i) => i.outcome },
    { header: 'Notes', value: (i) => i.notes },
    userColumn<InteractionEntity>('Logged by', (i) => i.userId),
    teamColumn(),
    ...timestampColumns<InteractionEntity>(),
  ],
};

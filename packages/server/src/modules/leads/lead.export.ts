import type { ListExport } from '../../platform/http/list-export';
import { addressColumns, customerNameColumn, idColumn, phoneText, teamColumn, timeColumn, timestampColumns, userColumn } from '../export-columns';
import type { ExportContext } from '../feature';
import type { LeadEntity } from './lead.entity';
import type { LeadListArgs } from './lead.service';

/** The leads list as CSV: the list's filter, order and row rule (`LeadService.listQuery`). */
export const leadExport: ListExport<ExportContext, LeadEntity, LeadListArgs> = {
  name: 'leads',
  filterType: 'LeadFilter',
  orderType: 'LeadOrder',
  ids: { assigneeId: 'User', teamId: 'Team', customerId: 'Customer' },
  query: ({ services }, viewer, args) => services.leads.listQuery(viewer, args),
  columns: [
    idColumn('Lead'),
    customerNameColumn(),
    { header: 'Contact', value: (l) => l.contactName },
    { header: 'E-mail', value: (l) => l.contactEmail },
    { header: 'Phone', value: (l) => phoneText(l.contactPhone) },
    ...addressColumns<LeadEntity>(),
    { header: 'Status', value: (l) => l.status },
    { header: 'Lost reason', value: (l) => l.lostReason },
    { header: 'Source', value: (l) => l.source },
    { header: 'Priority', value: (l) => l.priority },
    { header: 'Score', value: (l) => l.score },
    { header: 'Project type', value: (l) => l.projectType },
    { header: 'Estimated value', value: (l) => l.estimatedValue },
    userColumn<LeadEntity>('Assignee', (l) => l.assigneeId),
    teamColumn(),
    timeColumn<LeadEntity>('Next follow-up', (l) => l.nextFollowUpAt),
    ...timestampColumns<LeadEntity>(),
  ],
};

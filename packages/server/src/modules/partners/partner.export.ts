import type { ListExport } from '../../platform/http/list-export';
import { idColumn, phoneText, teamColumn, timestampColumns, userColumn } from '../export-columns';
import type { ExportContext } from '../feature';
import type { PartnerEntity } from './partner.entity';
import type { PartnerListArgs } from './partner.service';

/** The partners list as CSV: the list's filter, order and row rule (`PartnerService.listQuery`). */
export const partnerExport: ListExport<ExportContext, PartnerEntity, PartnerListArgs> = {
  name: 'partners',
  filterType: 'PartnerFilter',
  orderType: 'PartnerOrder',
  ids: { ownerId: 'User', teamId: 'Team' },
  query: ({ services }, viewer, args) => services.partners.listQuery(viewer, args),
  columns: [
    idColumn('Partner'),
    { header: 'Name', value: (p) => p.name },
    { header: 'Kind', value: (p) => p.kind },
    { header: 'Status', value: (p) => p.status },
    userColumn<PartnerEntity>('Owner', (p) => p.ownerId),
    teamColumn(),
    { header: 'Referral fee', value: (p) => p.feeKind },
    { header: 'Fee percent', value: (p) => p.feePercent },
    { header: 'Fee per job', value: (p) => p.feeFlat },
    { header: 'Fee cap', value: (p) => p.feeCap },
    {
      header: 'Contacts',
      value: async (p, { loaders }) =>
        (await loaders.contactsByPartnerId.load(p.id)).map((c) => [c.name, c.email, phoneText(c.phone)].filter(Boolean).join(' ')).join('; '),
    },
    ...timestampColumns<PartnerEntity>(),
  ],
};

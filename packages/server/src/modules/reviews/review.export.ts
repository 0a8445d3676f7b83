import type { ListExport } from '../../platform/http/list-export';
import { customerNameColumn, idColumn, teamColumn, timeColumn, timestampColumns } from '../export-columns';
import type { ExportContext } from '../feature';
import type { ReviewEntity } from './review.entity';
import type { ReviewListArgs } from './review.service';

/** The reviews list as CSV: the list's filter, order and row rule (`ReviewService.listQuery`). */
export const reviewExport: ListExport<ExportContext, ReviewEntity, ReviewListArgs> = {
  name: 'reviews',
  filterType: 'ReviewFilter',
  orderType: 'ReviewOrder',
  ids: { customerId: 'Customer', projectId: 'Project' },
  query: ({ services }, viewer, args) => services.reviews.listQuery(viewer, args),
  columns: [
    idColumn('Review'),
    timeColumn<ReviewEntity>('Posted', (r) => r.postedAt),
    { header: 'Platform', value: (r) => r.platform },
    { header: 'Rating', value: (r) => r.rating },
    { header: 'Author', value: (r) => r.authorName },
    { header: 'Text', value: (r) => r.text },
    { header: 'Status', value: (r) => r.status },
    { header: 'Flag reason', value: (r) => r.flagReason },
    { header: 'Response', value: (r) => r.responseText },
    timeColumn<ReviewEntity>('Responded', (r) => r.respondedAt),
    { header: 'URL', value: (r) => r.url },
    customerNameColumn(),
    {
      header: 'Project',
      value: async (r, { loaders }) => (r.projectId ? (await loaders.projectById.load(r.projectId))?.name : null),
    },
    teamColumn(),
    ...timestampColumns<ReviewEntity>(),
  ],
};

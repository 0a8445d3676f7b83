import type { ImportDetailQuery, ImportRowsQuery } from '../../gql/graphql';
import type { Unmask } from '../../test/fixtures';

export type ImportData = NonNullable<Unmask<ImportDetailQuery>['import']>;

export const IMPORT_ID = 'SW1wb3J0OjE';

const counts = (over: Partial<ImportData['counts']> = {}) => ({ __typename: 'ImportCounts' as const, rows: 0, create: 0, update: 0, unchanged: 0, reject: 0, ...over });

export const countsOf = counts;

/** An uploaded file of three customers, its mapping suggested (the last column skipped). */
export function importData(over: Partial<ImportData> = {}): ImportData {
  return {
    __typename: 'Import',
    id: IMPORT_ID,
    kind: 'CUSTOMER',
    status: 'UPLOADED',
    fileName: 'people.csv',
    sizeBytes: 2048,
    rowCount: 3,
    processedRows: 0,
    progress: 0,
    failure: null,
    updateExisting: true,
    errorReportPath: null,
    startedAt: null,
    finishedAt: null,
    createdAt: '2026-03-02T15:00:00.000Z',
    owningTeam: { __typename: 'Team', id: 'VGVhbTox', name: 'North Metro' },
    createdBy: { __typename: 'User', id: 'VXNlcjox', name: 'Sam Carter' },
    columns: [
      { __typename: 'ImportColumn', index: 0, header: 'Full Name', samples: ['Dana Hansen', 'X'], field: 'NAME' },
      { __typename: 'ImportColumn', index: 1, header: 'E-mail', samples: ['dana@example.com', 'bad-email'], field: 'EMAIL' },
      { __typename: 'ImportColumn', index: 2, header: 'Cell', samples: ['612 555 0142', ''], field: null },
    ],
    fields: [
      { __typename: 'ImportFieldInfo', field: 'NAME', label: 'Name', required: true, hint: '' },
      { __typename: 'ImportFieldInfo', field: 'EMAIL', label: 'E-mail', required: false, hint: '' },
      { __typename: 'ImportFieldInfo', field: 'PHONE', label: 'Phone', required: false, hint: '' },
    ],
    checked: null,
    counts: counts(),
    ...over,
  };
}

export const checkedCounts = counts({ rows: 3, create: 2, reject: 1 });

type Row = NonNullable<Unmask<ImportRowsQuery>['import']>['rows']['edges'][number]['node'];

export const rejectedRow: Row = {
  __typename: 'ImportRow',
  rowNumber: 3,
  outcome: 'REJECT',
  recordId: null,
  cells: ['X', 'bad-email', ''],
  errors: [{ __typename: 'ImportRowError', field: 'EMAIL', column: 'E-mail', code: 'INVALID', message: '"bad-email" is not a valid e-mail address.' }],
};

export function rowsData(rows: Row[], total = rows.length): Unmask<ImportRowsQuery> {
  return {
    import: {
      __typename: 'Import',
      id: IMPORT_ID,
      rows: {
        __typename: 'ImportRowConnection',
        totalCount: total,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: rows.map((node) => ({ __typename: 'ImportRowEdge', cursor: `c${node.rowNumber}`, node })),
      },
    },
  };
}

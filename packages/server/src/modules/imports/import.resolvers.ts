import type { ImportKind, Resolvers } from '../../generated/graphql';
import { deletedAs, idOf, keysIn, toGlobalId } from '../../platform/graphql/global-id';
import type { ImportEntity } from './import.entity';

const TYPE_OF: Record<ImportKind, string> = { CUSTOMER: 'Customer', LEAD: 'Lead', PARTNER: 'Partner' };

/** How far the current dry run or run is: its finished rows of the file; 1 once done. */
function progress(i: ImportEntity): number {
  if (i.status === 'CHECKED' || i.status === 'COMPLETED') return 1;
  if (i.status === 'CHECKING' || i.status === 'RUNNING' || i.status === 'FAILED') return i.rowCount ? Math.min(1, i.processedRows / i.rowCount) : 0;
  return 0;
}

/** The path of the error report of an import (the composition root serves it: import.routes.ts). */
export const errorReportPath = (globalId: string) => `/imports/${encodeURIComponent(globalId)}/errors.csv`;

/** Global IDs of imports for the HTTP routes (which, like services, know no GraphQL). */
export const importIds = { toGlobal: (id: string) => toGlobalId('Import', id), fromGlobal: (globalId: string) => idOf('Import', globalId) };

export const importResolvers: Resolvers = {
  Query: {
    import: (_, { id }, { services, viewer }) => services.imports.get(viewer, idOf('Import', id)),
    imports: (_, args, { services, viewer }) => services.imports.list(viewer, args),
  },
  Mutation: {
    setImportMapping: (_, { input }, { services, viewer }) => services.imports.setMapping(viewer, { ...keysIn(input, { teamId: 'Team' }), id: idOf('Import', input.id) }),
    checkImport: (_, { id }, { services, viewer }) => services.imports.check(viewer, idOf('Import', id)),
    runImport: (_, { id }, { services, viewer }) => services.imports.run(viewer, idOf('Import', id)),
    deleteImport: (_, { id }, { services, viewer }) => services.imports.remove(viewer, idOf('Import', id)).then(deletedAs(id)),
  },
  Import: {
    id: (i) => toGlobalId('Import', i.id),
    sizeBytes: (i) => Number(i.sizeBytes),
    columns: (i) => i.headers.map((header, index) => ({ index, header, samples: i.samples.map((row) => row[index] ?? ''), field: i.mapping[index] ?? null })),
    fields: (i, _, { services }) => services.imports.fieldsOf(i.kind),
    status: (i) => (i.status === 'UPLOADING' ? 'UPLOADED' : i.status),
    progress: (i) => progress(i),
    counts: (i) => ({
      rows: i.startedAt ? i.processedRows : 0,
      create: i.createdCount,
      update: i.updatedCount,
      unchanged: i.unchangedCount,
      reject: i.rejectedCount,
    }),
    owningTeam: (i, _, { loaders }) => (i.teamId ? loaders.teamById.load(i.teamId) : null),
    createdBy: (i, _, { loaders }) => (i.createdById ? loaders.userById.load(i.createdById) : null),
    rows: (i, args, { services }) => services.imports.rows(i, args),
    errorReportPath: (i, _, { services }) => (services.imports.rejectedCount(i) > 0 ? errorReportPath(toGlobalId('Import', i.id)) : null),
  },
  ImportRow: {
    recordId: async (r, _, { loaders }) => {
      const imp = r.recordId ? await loaders.importById.load(r.importId) : null;
      return imp && r.recordId ? toGlobalId(TYPE_OF[imp.kind], r.recordId) : null;
    },
    errors: async (r, _, { loaders }) => {
      if (!r.errors.length) return [];
      const imp = await loaders.importById.load(r.importId);
      return r.errors.map((e) => {
        const index = e.field && imp ? imp.mapping.indexOf(e.field) : -1;
        return { field: e.field, column: index >= 0 ? (imp?.headers[index] ?? null) : null, code: e.code as never, message: e.message };
      });
    },
    cells: (r) => r.cells ?? [],
  },
  ImportConnection: {
    totalCount: (c) => c.totalCount(),
  },
  ImportRowConnection: {
    totalCount: (c) => c.totalCount(),
  },
};

import { scopeParams, type Scope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import type { Role } from '../../generated/graphql';
import type { ImportEntity } from './import.entity';

/** Who may import: those who may create customers, leads and partners (field techs do not). */
export const IMPORTER_ROLES: readonly Role[] = ['ADMIN', 'MANAGER', 'SALES'];

/**
 * Imports a viewer may see: admins all; managers their own and their teams'; sales their own. A file still streaming
 * in (UPLOADING) is nobody's yet.
 */
export const importScope = (viewer: Viewer, alias: string): Scope => {
  const uploaded = `${alias}.status <> 'UPLOADING'`;
  if (viewer.role === 'ADMIN') return { sql: uploaded, params: {} };
  if (viewer.role === 'MANAGER') return { sql: `${uploaded} AND (${alias}.created_by = :scopeUserId OR ${alias}.team_id = ANY(:scopeTeamIds))`, params: scopeParams(viewer) };
  if (viewer.role === 'SALES') return { sql: `${uploaded} AND ${alias}.created_by = :scopeUserId`, params: scopeParams(viewer) };
  return { sql: 'false', params: {} };
};

/** Mapping, checking, running and deleting an import: whoever uploaded it, or admins. */
export const canRunImport = (viewer: Viewer, imp: ImportEntity): boolean => viewer.role === 'ADMIN' || imp.createdById === viewer.id;

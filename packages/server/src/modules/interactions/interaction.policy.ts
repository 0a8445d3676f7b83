import { NONE, myProjectIds, scopeParams, type Scope } from '../../platform/auth/scope';
import { viewerTeamIds, type Viewer } from '../../platform/auth/viewer';
import type { InteractionEntity } from './interaction.entity';

/**
 * Interactions a viewer may see: admins all; managers and sales those with their teams' customers; field techs
 * those about projects they are on.
 */
export function interactionScope(viewer: Viewer, alias: string): Scope {
  switch (viewer.role) {
    case 'ADMIN':
      return null;
    case 'MANAGER':
    case 'SALES':
      return viewerTeamIds(viewer).length
        ? { sql: `${alias}.customer_id IN (SELECT sc.id FROM customers sc WHERE sc.team_id = ANY(:scopeTeamIds))`, params: scopeParams(viewer) }
        : NONE;
    case 'FIELD_TECH':
      return { sql: `${alias}.project_id IN ${myProjectIds}`, params: scopeParams(viewer) };
  }
}

/** Editing a visible interaction: its author, managers of the customer's team, and admins. */
export function canWriteInteraction(viewer: Viewer, interaction: InteractionEntity, customerTeamId: string | null): boolean {
  if (viewer.role === 'ADMIN' || interaction.userId === viewer.id) return true;
  return viewer.role === 'MANAGER' && customerTeamId !== null && viewerTeamIds(viewer).includes(customerTeamId);
}

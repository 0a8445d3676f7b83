import type { Role } from '../../generated/graphql';

/** The signed-in staff member a request acts for. Services take it explicitly. */
export interface Viewer {
  id: string;
  sessionId: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  /** Teams whose manager the viewer is (besides their own team). */
  managedTeamIds: string[];
  /** When the access token of this request expires. */
  accessExpiresAt: Date;
}

export const hasRole = (viewer: Viewer | null | undefined, ...roles: Role[]): viewer is Viewer =>
  !!viewer && roles.includes(viewer.role);

/** The teams whose records the viewer works with: their own team and the teams they manage. */
export function viewerTeamIds(viewer: Viewer): string[] {
  return [...new Set([viewer.teamId, ...viewer.managedTeamIds].filter((t): t is string => Boolean(t)))];
}

import type { Role } from '../../generated/graphql';

/** The signed-in staff member a request acts for. Services take it explicitly. */
export interface Viewer {
  id: string;
  sessionId: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  /** When the access token of this request expires. */
  accessExpiresAt: Date;
}

export const hasRole = (viewer: Viewer | null | undefined, ...roles: Role[]): viewer is Viewer =>
  !!viewer && roles.includes(viewer.role);

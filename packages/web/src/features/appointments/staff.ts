import { useMemo } from 'react';
import type { Viewer } from '../../app/auth';
import type { Role } from '../../gql/graphql';
import { useViewerTeams, type ViewerTeam } from '../../lib/viewerTeams';

export interface StaffMember {
  id: string;
  name: string;
  role: Role;
}

export interface StaffTeam {
  id: string;
  name: string;
  managerId: string | null;
  members: StaffMember[];
}

export interface Staff {
  /** The teams the viewer works with: all for admins, their own and the ones they manage for managers, else their own. */
  teams: StaffTeam[];
  /** Active people the viewer may book appointments for (the server's rule), the viewer first. */
  bookable: StaffMember[];
}

/** The staff of the viewer's teams (see `useViewerTeams`): their active members, and whom the viewer may book for. */
export function staffOf(viewer: Pick<Viewer, 'id' | 'name' | 'role'>, viewerTeams: readonly ViewerTeam[]): Staff {
  const teams = viewerTeams.map((t) => ({
    id: t.id,
    name: t.name,
    managerId: t.manager?.id ?? null,
    members: t.members.filter((m) => m.active).map(({ id, name, role }) => ({ id, name, role })),
  }));
  const others = new Map<string, StaffMember>();
  for (const m of teams.flatMap((t) => t.members)) if (m.id !== viewer.id) others.set(m.id, m);
  const self: StaffMember = { id: viewer.id, name: viewer.name, role: viewer.role };
  const bookable = [self, ...[...others.values()].sort((a, b) => a.name.localeCompare(b.name))];
  return { teams, bookable };
}

/** The viewer's staff (nothing for field techs, who neither book nor pick people). */
export function useStaff(viewer: Viewer | null): Staff {
  const { teams } = useViewerTeams(viewer);
  return useMemo(() => (viewer ? staffOf(viewer, teams) : { teams: [], bookable: [] }), [viewer, teams]);
}

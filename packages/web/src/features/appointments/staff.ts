import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import type { Viewer } from '../../app/auth';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';

/** Teams and their members: every signed-in role may read them (`users` is for admins and managers only). */
export const AppointmentStaffQuery = graphql(`
  query AppointmentStaff {
    teams {
      id
      name
      manager {
        id
      }
      members {
        id
        name
        role
        active
      }
    }
  }
`);

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

type TeamRow = { id: string; name: string; manager?: { id: string } | null; members: ReadonlyArray<StaffMember & { active: boolean }> };

export function staffOf(viewer: Pick<Viewer, 'id' | 'name' | 'role' | 'team'>, rows: readonly TeamRow[]): Staff {
  const teams = rows
    .filter((t) => viewer.role === 'ADMIN' || t.id === viewer.team?.id || (viewer.role === 'MANAGER' && t.manager?.id === viewer.id))
    .map((t) => ({
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
  const skip = !viewer || viewer.role === 'FIELD_TECH';
  const { data } = useQuery(AppointmentStaffQuery, { skip });
  return useMemo(
    () => (viewer && data ? staffOf(viewer, data.teams) : { teams: [], bookable: viewer ? [{ id: viewer.id, name: viewer.name, role: viewer.role }] : [] }),
    [viewer, data],
  );
}

import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import type { Viewer } from '../../app/auth';
import { useViewerTeams } from '../../lib/viewerTeams';

/**
 * Who may work leads, and whom each role may hand them to (see `checkAssignee` on the server): admins anyone
 * active with role SALES, MANAGER or ADMIN (`users` is for admins and managers); managers the members of their own
 * team and of the teams they manage, and themselves (read from `teams`, which every signed-in user may list); sales
 * only themselves, by claiming an unassigned lead.
 */
const AssignableUsersQuery = graphql(`
  query AssignableUsers {
    users(first: 100, filter: { active: true, roles: [SALES, MANAGER, ADMIN] }) {
      edges {
        node {
          id
          name
          role
          team {
            id
            name
          }
        }
      }
    }
  }
`);

export interface AssignableUser {
  id: string;
  name: string;
  teamName: string | null;
}

const WORKS_LEADS: readonly Role[] = ['SALES', 'MANAGER', 'ADMIN'];

const byName = (a: AssignableUser, b: AssignableUser) => a.name.localeCompare(b.name);

/** The people the viewer may assign a lead to (empty for sales, who can only claim leads for themselves). */
export function useAssignableUsers(viewer: Viewer | null) {
  const role = viewer?.role;
  const admin = useQuery(AssignableUsersQuery, { skip: role !== 'ADMIN' });
  const teams = useViewerTeams(role === 'MANAGER' ? viewer : null);

  const users = useMemo((): AssignableUser[] => {
    if (!viewer) return [];
    if (role === 'ADMIN') {
      return (admin.data?.users.edges ?? [])
        .map(({ node }) => ({ id: node.id, name: node.name, teamName: node.team?.name ?? null }))
        .sort(byName);
    }
    if (role !== 'MANAGER') return [];
    const found = new Map<string, AssignableUser>([[viewer.id, { id: viewer.id, name: viewer.name, teamName: viewer.team?.name ?? null }]]);
    for (const team of teams.teams) {
      for (const m of team.members) {
        if (m.active && WORKS_LEADS.includes(m.role) && !found.has(m.id)) {
          found.set(m.id, { id: m.id, name: m.name, teamName: team.name });
        }
      }
    }
    return [...found.values()].sort(byName);
  }, [admin.data, teams.teams, role, viewer]);

  return {
    users,
    /** Whether the viewer picks from a list (admins, managers) rather than only claiming (sales). */
    canPick: role === 'ADMIN' || role === 'MANAGER',
    loading: admin.loading || teams.loading,
    error: admin.error ?? teams.error,
  };
}

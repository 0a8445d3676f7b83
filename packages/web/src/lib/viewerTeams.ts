import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { graphql } from '../gql';
import type { Role, ViewerTeamsQuery as ViewerTeamsResult } from '../gql/graphql';

/** Teams with their manager and members: every signed-in role may read them (`users` is for admins and managers). */
export const ViewerTeamsQuery = graphql(`
  query ViewerTeams {
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

export type ViewerTeam = ViewerTeamsResult['teams'][number];

interface TeamViewer {
  id: string;
  role: Role;
  team?: { id: string } | null;
}

/**
 * The teams whose records the viewer works with (the server's rule): all for admins; their own and, for managers,
 * the ones they manage. Field techs pick no people: nothing is asked for them.
 */
export function useViewerTeams(viewer: TeamViewer | null) {
  const skip = !viewer || viewer.role === 'FIELD_TECH';
  const { data, loading, error } = useQuery(ViewerTeamsQuery, { skip });
  const teams = useMemo(() => {
    if (!viewer || !data) return [];
    if (viewer.role === 'ADMIN') return data.teams;
    return data.teams.filter((t) => t.id === viewer.team?.id || (viewer.role === 'MANAGER' && t.manager?.id === viewer.id));
  }, [data, viewer]);
  return { teams, loading, error };
}

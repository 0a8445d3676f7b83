import { useQuery } from '@apollo/client/react';
import type { Viewer } from '../../app/auth';
import { graphql } from '../../gql';
import type { DashboardRange } from '../../gql/graphql';
import { Select } from '../../ui';

const DashboardTeamsQuery = graphql(`
  query DashboardTeams {
    teams {
      id
      name
      manager {
        id
      }
    }
  }
`);

export const RANGES: ReadonlyArray<{ value: DashboardRange; label: string }> = [
  { value: 'LAST_7_DAYS', label: 'Last 7 days' },
  { value: 'LAST_30_DAYS', label: 'Last 30 days' },
  { value: 'LAST_90_DAYS', label: 'Last 90 days' },
  { value: 'LAST_12_MONTHS', label: 'Last 12 months' },
  { value: 'YEAR_TO_DATE', label: 'Year to date' },
];

export interface DashboardFiltersProps {
  viewer: Viewer;
  range: DashboardRange;
  /** The chosen team; for managers, the team the server reported on when none was chosen. */
  teamId: string | null;
  onChange: (next: { range: DashboardRange; teamId: string | null }) => void;
}

/** Period for everyone; team for admins (any team or the whole company) and managers (the teams they run). */
export function DashboardFilters({ viewer, range, teamId, onChange }: DashboardFiltersProps) {
  const canPickTeam = viewer.role === 'ADMIN' || viewer.role === 'MANAGER';
  const { data } = useQuery(DashboardTeamsQuery, { skip: !canPickTeam });
  const teams = (data?.teams ?? []).filter(
    (t) => viewer.role === 'ADMIN' || t.manager?.id === viewer.id || t.id === viewer.team?.id,
  );

  return (
    <>
      {canPickTeam && teams.length > 0 && (
        <Select
          label="Team"
          value={teamId ?? ''}
          placeholder={viewer.role === 'ADMIN' ? 'Whole company' : undefined}
          options={teams.map((t) => ({ value: t.id, label: t.name }))}
          onChange={(e) => onChange({ range, teamId: e.target.value || null })}
        />
      )}
      <Select
        label="Period"
        value={range}
        options={RANGES}
        onChange={(e) => onChange({ range: RANGES.find((r) => r.value === e.target.value)?.value ?? range, teamId })}
      />
    </>
  );
}

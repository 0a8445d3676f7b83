import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { useViewer } from '../../app/auth';
import { graphql } from '../../gql';
import { ErrorState, PageHeader, Spinner } from '../../ui';
import { preloadCharts } from './charts';
import { ClaimsSummary } from './ClaimsSummary';
import { DashboardFilters, RANGES } from './DashboardFilters';
import { FunnelChart } from './FunnelChart';
import { KpiTiles } from './KpiTiles';
import { LeaderboardTable } from './LeaderboardTable';
import { PipelineChart } from './PipelineChart';
import { Reputation } from './Reputation';
import { RevenueChart } from './RevenueChart';
import { SourceRoiTable } from './SourceRoiTable';
import { TopPartners } from './TopPartners';
import { UpcomingAppointments } from './UpcomingAppointments';
import styles from './dashboard.module.css';

const DashboardQuery = graphql(`
  query Dashboard($range: DashboardRange!, $teamId: ID) {
    dashboard(range: $range, teamId: $teamId) {
      range
      team {
        id
        name
      }
      ...KpiTiles_dashboard
      ...PipelineChart_dashboard
      ...FunnelChart_dashboard
      ...RevenueChart_dashboard
      ...SourceRoiTable_dashboard
      ...Leaderboard_dashboard
      ...TopPartners_dashboard
      ...Reputation_dashboard
      ...ClaimsSummary_dashboard
      ...UpcomingAppointments_dashboard
    }
  }
`);

/** Analytics for the chosen period and team; refreshed live when `dashboardUpdated` says numbers changed. */
export default function DashboardPage() {
  const { viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const range = RANGES.find((r) => r.value === params.get('range'))?.value ?? 'LAST_30_DAYS';
  const teamId = params.get('team');
  const { data, loading, error, refetch } = useQuery(DashboardQuery, { variables: { range, teamId } });
  const dashboard = data?.dashboard;
  useEffect(preloadCharts, []);

  const subtitle =
    viewer?.role === 'SALES' ? 'Your numbers' : dashboard?.team ? `Team ${dashboard.team.name}` : 'Whole company';
  const filters = viewer && (
    <DashboardFilters
      viewer={viewer}
      range={range}
      teamId={teamId ?? (viewer.role === 'MANAGER' ? (dashboard?.team?.id ?? null) : null)}
      onChange={(next) => setParams({ range: next.range, ...(next.teamId ? { team: next.teamId } : {}) })}
    />
  );

  return (
    <>
      <PageHeader title="Dashboard" subtitle={subtitle} actions={filters} />
      {!dashboard ? (
        loading ? (
          <Spinner label="Loading the dashboard…" />
        ) : (
          <ErrorState title="The dashboard could not be loaded" error={error} onRetry={() => void refetch()} />
        )
      ) : (
        <div className={styles.grid}>
          <KpiTiles dashboard={dashboard} />
          <PipelineChart dashboard={dashboard} />
          <FunnelChart dashboard={dashboard} />
          <RevenueChart dashboard={dashboard} />
          <UpcomingAppointments dashboard={dashboard} />
          <Reputation dashboard={dashboard} />
          <ClaimsSummary dashboard={dashboard} />
          <SourceRoiTable dashboard={dashboard} />
          <LeaderboardTable dashboard={dashboard} />
          <TopPartners dashboard={dashboard} />
        </div>
      )}
    </>
  );
}

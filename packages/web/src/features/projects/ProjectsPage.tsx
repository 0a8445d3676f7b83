import { useQuery } from '@apollo/client/react';
import { ExportButton } from '../export/ExportButton';
import { TableTools } from '../views/TableTools';
import { useTableSetup } from '../views/useTableSetup';
import { Link } from 'react-router';
import { useViewer } from '../../app/auth';
import { isOffice } from '../../app/nav';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { enumLabel } from '../../lib/format';
import { useLoadMore, useSearchBox, useUrlState } from '../../lib/listPage';
import { PHONE_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import {
  Badge,
  EmptyState,
  ListBody,
  ListFooter,
  PageHeader,
  Select,
  Table,
  TextField,
} from '../../ui';
import { projectsView, readParams, SORTS, toFilter, toOrder, writeParams, type ProjectListParams } from './listParams';
import { crewLabel, useProjectColumns } from './projectColumns';
import { BudgetMeter, CompletionBar } from './Meters';
import { dateRange, PROJECT_STATUSES, statusLabel, statusTone } from './projectFormat';
import shared from './projects.module.css';
import styles from './ProjectsPage.module.css';

export const ProjectRowFragment = graphql(`
  fragment ProjectRow_project on Project {
    id
    name
    projectType
    status
    budget
    actualCost
    completionPercentage
    startDate
    endDate
    updatedAt
    customer {
      id
      name
      address {
        street
        city
      }
    }
    team {
      id
      name
    }
  }
`);

export const ProjectsListQuery = graphql(`
  query ProjectsList($first: Int!, $after: String, $filter: ProjectFilter, $orderBy: ProjectOrder) {
    projects(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node { id ...ProjectRow_project }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const PAGE_SIZE = 25;

const STATUS_OPTIONS = [
  { value: 'all', label: 'All statuses' },
  { value: 'open', label: 'Open' },
  ...PROJECT_STATUSES.map((s) => ({ value: s, label: statusLabel(s) })),
];

/**
 * The projects list. Office roles: every project they may see, as a table (cards on phones), filtered by status and
 * search, sorted, paged with "Load more". Field techs: "My projects" (the server returns only their crews'), as cards.
 */
export default function ProjectsPage() {
  const { viewer } = useViewer();
  const office = viewer ? isOffice(viewer.role) : false;
  const phone = useMediaQuery(PHONE_QUERY);
  const url = useUrlState(
    (p) => readParams(p, office),
    (p: ProjectListParams) => writeParams(p, office),
  );
  const params = url.state;
  const search = useSearchBox(params.search, (text) => url.update({ search: text }));
  const update = (patch: Partial<ProjectListParams>) => url.update(patch);

  const variables = {
    first: PAGE_SIZE,
    filter: toFilter(params, viewer?.id ?? null),
    orderBy: toOrder(params.sort),
  };
  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(ProjectsListQuery, {
    variables,
    skip: !viewer,
  });
  const list = (data ?? (loading ? previousData : undefined))?.projects;
  const more = useLoadMore(list, fetchMore);
  const rows = list?.edges.map((e) => getFragmentData(ProjectRowFragment, e.node)) ?? [];

  const columns = useProjectColumns(office);
  const setup = useTableSetup('projects', columns);

  const title = office ? 'Projects' : 'My projects';
  const subtitle = office
    ? 'Every roofing job you may see: progress, cost against budget and crew.'
    : 'The jobs you are on. Open one to update its progress or log a visit.';

  const filters = (
    <div className={styles.filters} role="search" aria-label="Filter projects">
      <TextField
        label="Search"
        type="search"
        placeholder="Project or customer name"
        value={search.text}
        onChange={(e) => search.setText(e.target.value)}
      />
      <Select
        label="Status"
        options={STATUS_OPTIONS}
        value={params.status}
        onChange={(e) => update({ status: e.target.value as ProjectListParams['status'] })}
      />
      <Select
        label="Sort"
        options={SORTS}
        value={params.sort}
        onChange={(e) => update({ sort: e.target.value as ProjectListParams['sort'] })}
      />
      {office && (
        <label className={styles.check}>
          <input type="checkbox" checked={params.mine} onChange={(e) => update({ mine: e.target.checked })} />
          Only projects I am on
        </label>
      )}
      {office && !phone && (
        <div className={styles.tools}>
          <TableTools setup={setup} views={projectsView(office)} />
        </div>
      )}
    </div>
  );

  const body = (
    <ListBody
      list={list}
      error={error}
      onRetry={() => void refetch()}
      loadingLabel="Loading projects…"
      errorTitle="The projects could not be loaded"
      filtered={writeParams(params, office).toString() !== ''}
      noMatch={{ title: 'No projects match', description: 'Try another status or search.' }}
      onClear={() => {
        search.setText('');
        url.reset();
      }}
      empty={
        <EmptyState
          icon="projects"
          title={office ? 'No projects yet' : 'You are on no projects yet'}
          description={office ? 'Projects appear here when a lead is converted.' : 'When you are put on a crew, the job shows up here.'}
        />
      }
    >
      {(list) => (
        <>
          {error && (
            <p className={shared.inlineError} role="alert">
              The list could not be refreshed: {error.message}
            </p>
          )}
          {phone || !office ? (
            <ul className={shared.cardList} aria-label={title} aria-busy={loading || undefined}>
              {list.edges.map((e) => (
                <li key={e.node.id}>
                  <ProjectCard project={e.node} />
                </li>
              ))}
            </ul>
          ) : (
            <div className={shared.tableCard} aria-busy={loading || undefined}>
              <Table caption={title} columns={setup.columns} rows={rows} rowKey={(r) => r.id} density={setup.density} />
            </div>
          )}
          <ListFooter prefix="Showing" blockButtonOnPhones {...more.footer(list)} />
        </>
      )}
    </ListBody>
  );

  return (
    <>
      <PageHeader title={title} subtitle={subtitle} actions={<ExportButton list="projects" filter={variables.filter} orderBy={variables.orderBy} />} />
      {filters}
      {body}
    </>
  );
}

/** A project as a card (phones and field techs): the whole card opens the project. */
function ProjectCard({ project: ref }: { project: FragmentType<typeof ProjectRowFragment> }) {
  const p = getFragmentData(ProjectRowFragment, ref);
  const place = [p.customer?.address.street, p.customer?.address.city].filter(Boolean).join(', ');
  return (
    <article className={styles.projectCard}>
      <div className={styles.cardTop}>
        <h2 className={styles.cardTitle}>
          <Link to={`/projects/${p.id}`} className={styles.cardLink}>
            {p.name}
          </Link>
        </h2>
        <Badge tone={statusTone(p.status)}>{statusLabel(p.status)}</Badge>
      </div>
      <p className={styles.cardMeta}>
        {[p.customer?.name, place].filter(Boolean).join(' · ') || enumLabel(p.projectType)}
      </p>
      <CompletionBar value={p.completionPercentage} label={`Completion of ${p.name}`} />
      <div className={styles.cardFacts}>
        <BudgetMeter budget={p.budget} actualCost={p.actualCost} compact />
        <span className={shared.muted}>{dateRange(p.startDate, p.endDate)}</span>
        <span className={shared.muted}>Crew: {crewLabel(p.team, 3)}</span>
      </div>
    </article>
  );
}

import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { useViewer } from '../../app/auth';
import { isOffice } from '../../app/nav';
import { graphql } from '../../gql';
import type { InteractionType } from '../../gql/graphql';
import { useLoadMore, useSearchBox, useUrlState } from '../../lib/listPage';
import { PHONE_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { Button, Card, CollapsibleFilters, EmptyState, Fieldset, FormAlert, ListBody, ListFooter, PageHeader, Select, TextField } from '../../ui';
import { CustomerPicker } from '../customers/CustomerPicker';
import { ExportButton } from '../export/ExportButton';
import { InteractionEntry } from './InteractionEntry';
import {
  directionLabel,
  INTERACTION_DIRECTIONS,
  INTERACTION_TYPES,
  typeLabel,
  typeTitle,
} from './interactionTypes';
import { hasFilters, readLogParams, toInteractionFilter, writeLogParams, type LogParams } from './logParams';
import { LinkedInteraction } from './LinkedInteraction';
import { LogInteractionDialog } from './LogInteractionDialog';
import { TypeIcon } from './TypeIcon';
import { MyProjectsQuery } from './useInteractionLinks';
import shared from './interactions.module.css';
import styles from './InteractionsPage.module.css';

/** The log's order (its query's): most recent first. The export keeps it. */
const LOG_ORDER = { field: 'OCCURRED_AT', direction: 'DESC' } as const;

export const InteractionsLogQuery = graphql(`
  query InteractionsLog($first: Int!, $after: String, $filter: InteractionFilter) {
    interactions(first: $first, after: $after, filter: $filter, orderBy: { field: OCCURRED_AT, direction: DESC }) {
      totalCount
      edges {
        cursor
        node { id ...InteractionEntry_interaction }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Names for the customer and project the log is narrowed to (shown as removable chips). */
const InteractionFilterLabelsQuery = graphql(`
  query InteractionFilterLabels($customerId: ID!, $projectId: ID!, $withCustomer: Boolean!, $withProject: Boolean!) {
    customer(id: $customerId) @include(if: $withCustomer) {
      id
      name
    }
    project(id: $projectId) @include(if: $withProject) {
      id
      name
    }
  }
`);

/** Who may have logged entries: every team's members (any signed-in user may read the teams). */
const InteractionAuthorsQuery = graphql(`
  query InteractionAuthors {
    teams {
      id
      name
      members {
        id
        name
      }
    }
  }
`);


export const LOG_PAGE_SIZE = 25;
/** The office mostly calls; field techs mostly visit. */
const quickTypes = (office: boolean): readonly InteractionType[] => (office ? ['CALL', 'VISIT', 'NOTE'] : ['VISIT', 'CALL', 'NOTE']);

/** How many filters are set (the phone's "Filters" button shows it). */
const filterCount = (p: LogParams) =>
  [p.types.length > 0, p.direction, p.userId, p.customerId, p.projectId, p.from || p.to, p.search.trim()].filter(Boolean).length;

/**
 * The communication log: every call, visit, e-mail, text and note the viewer may see, newest first, filtered by the
 * URL (kind, direction, author, customer, project, date range, text), paged with "Load more". The bar on top logs a
 * new entry (about the customer or project the log is narrowed to, if any).
 */
export default function InteractionsPage() {
  const { viewer } = useViewer();
  const office = viewer ? isOffice(viewer.role) : false;
  const url = useUrlState(readLogParams, writeLogParams);
  const params = url.state;
  const linkedId = url.params.get('id');
  const update = (patch: Partial<LogParams>) => url.update(patch);
  const search = useSearchBox(params.search, (text) => update({ search: text }));
  const [logging, setLogging] = useState<InteractionType | null>(null);
  const phone = useMediaQuery(PHONE_QUERY);

  const filter = toInteractionFilter(params);
  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(InteractionsLogQuery, {
    variables: { first: LOG_PAGE_SIZE, filter },
    skip: !viewer,
  });
  const list = (data ?? (loading ? previousData : undefined))?.interactions;
  const more = useLoadMore(list, fetchMore);

  const labels = useQuery(InteractionFilterLabelsQuery, {
    variables: {
      customerId: params.customerId,
      projectId: params.projectId,
      withCustomer: Boolean(params.customerId),
      withProject: Boolean(params.projectId),
    },
    skip: !params.customerId && !params.projectId,
  });
  const authors = useQuery(InteractionAuthorsQuery, { skip: !office });
  const myProjects = useQuery(MyProjectsQuery, { skip: !viewer || office });

  const userOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const team of authors.data?.teams ?? []) {
      for (const m of team.members) if (!seen.has(m.id)) seen.set(m.id, `${m.name} (${team.name})`);
    }
    if (viewer) seen.delete(viewer.id);
    const others = [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
    // An author from the URL the list does not know (another team, deactivated) still shows as chosen.
    if (params.userId && params.userId !== viewer?.id && !seen.has(params.userId)) {
      others.unshift({ value: params.userId, label: 'Chosen user' });
    }
    return [{ value: viewer?.id ?? 'me', label: 'Me' }, ...others];
  }, [authors.data, viewer, params.userId]);

  const toggleType = (t: InteractionType) =>
    update({ types: params.types.includes(t) ? params.types.filter((x) => x !== t) : [...params.types, t] });

  const customerName = labels.data?.customer?.name ?? (labels.loading ? '…' : 'Unknown customer');
  const projectName = labels.data?.project?.name ?? (labels.loading ? '…' : 'Unknown project');
  const filtered = hasFilters(params);
  const clearFilters = () => {
    search.setText('');
    url.reset();
  };

  const body = (
    <ListBody
      list={list}
      error={error}
      onRetry={() => void refetch()}
      loadingLabel="Loading the log…"
      errorTitle="The log could not be loaded"
      filtered={filtered}
      noMatch={{ title: 'Nothing matches these filters', description: 'Widen the date range or remove a filter.' }}
      onClear={clearFilters}
      empty={
        <EmptyState
          icon="interactions"
          title="Nothing logged yet"
          description={office ? 'Calls, visits, e-mails, texts and notes appear here.' : 'Entries about your projects appear here.'}
        />
      }
    >
      {(list) => (
        <>
          {error && <FormAlert className={shared.formAlert} messages={[`The log could not be refreshed: ${error.message}`]} />}
          <ul className={shared.entries} aria-label="Communication log" aria-busy={loading || undefined}>
            {list.edges.map(({ node }) => (
              <li key={node.id}>
                <InteractionEntry
                  interaction={node}
                  officeLinks={office}
                  hide={{ customer: Boolean(params.customerId), project: Boolean(params.projectId) }}
                  onNarrow={(by) => update(by)}
                />
              </li>
            ))}
          </ul>
          <ListFooter prefix="Showing" blockButtonOnPhones {...more.footer(list)} />
        </>
      )}
    </ListBody>
  );

  return (
    <>
      <PageHeader
        title="Interactions"
        subtitle={office ? 'The communication log: calls, visits, e-mails, texts and notes.' : 'Calls, visits and notes about your projects.'}
        actions={<ExportButton list="interactions" filter={filter} orderBy={LOG_ORDER} />}
      />
      <div className={styles.quickBar} role="group" aria-label="Log something new">
        {quickTypes(office).map((t, i) => (
          <Button key={t} variant={i === 0 ? 'primary' : 'secondary'} className={styles.quickButton} onClick={() => setLogging(t)}>
            <TypeIcon type={t} size={18} />
            {typeTitle(t)}
          </Button>
        ))}
      </div>

      <div className={styles.stack}>
        {linkedId && (
          <LinkedInteraction
            id={linkedId}
            officeLinks={office}
            onDismiss={() =>
              url.setParams(
                (p) => {
                  p.delete('id');
                  return p;
                },
                { replace: true },
              )
            }
          />
        )}
        <CollapsibleFilters
          id="interaction-filters"
          count={filterCount(params)}
          collapsed={phone}
          toggleClassName={styles.filtersToggle}
        >
          <Card>
            <div className={shared.filters} role="search" aria-label="Filter the log">
              <TextField
                className={shared.wide}
                label="Search"
                type="search"
                placeholder="Summary, notes or outcome"
                value={search.text}
                onChange={(e) => search.setText(e.target.value)}
              />
              {office && !params.customerId && (
                <div className={shared.wide}>
                  <CustomerPicker
                    label="Customer"
                    placeholder="Name, phone, e-mail or street"
                    value={null}
                    onChange={(c) => c && update({ customerId: c.id })}
                  />
                </div>
              )}
              {!office && (
                <Select
                  className={shared.wide}
                  label="Project"
                  placeholder="All my projects"
                  options={(myProjects.data?.projects.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name }))}
                  value={params.projectId}
                  onChange={(e) => update({ projectId: e.target.value })}
                />
              )}
              <Select
                label="Direction"
                placeholder="Any direction"
                options={INTERACTION_DIRECTIONS.map((d) => ({ value: d, label: directionLabel(d) }))}
                value={params.direction}
                onChange={(e) => update({ direction: e.target.value as LogParams['direction'] })}
              />
              <Select
                label="Logged by"
                placeholder="Anyone"
                options={office ? userOptions : [{ value: viewer?.id ?? 'me', label: 'Me' }]}
                value={params.userId}
                onChange={(e) => update({ userId: e.target.value })}
              />
              <TextField
                label="From"
                type="date"
                value={params.from}
                max={params.to || undefined}
                onChange={(e) => update({ from: e.target.value })}
              />
              <TextField
                label="To"
                type="date"
                value={params.to}
                min={params.from || undefined}
                onChange={(e) => update({ to: e.target.value })}
              />
              <Fieldset legend="Kinds" className={shared.typeFilter}>
                {INTERACTION_TYPES.map((t) => (
                  <button
                    key={t}
                    type="button"
                    className={styles.typeToggle}
                    aria-pressed={params.types.includes(t)}
                    onClick={() => toggleType(t)}
                  >
                    <TypeIcon type={t} size={16} />
                    {typeLabel(t)}
                  </button>
                ))}
              </Fieldset>
            </div>
          </Card>
        </CollapsibleFilters>
        {(params.customerId || params.projectId || filtered) && (
          <div className={styles.filterChips}>
            {params.customerId && (
              <span className={styles.chip}>
                Customer: {customerName}
                <button type="button" aria-label="Remove the customer filter" onClick={() => update({ customerId: '' })}>
                  ✕
                </button>
              </span>
            )}
            {params.projectId && office && (
              <span className={styles.chip}>
                Project: {projectName}
                <button type="button" aria-label="Remove the project filter" onClick={() => update({ projectId: '' })}>
                  ✕
                </button>
              </span>
            )}
            {filtered && (
              <Button size="sm" variant="ghost" onClick={clearFilters}>
                Clear all filters
              </Button>
            )}
          </div>
        )}

        <Card>{body}</Card>
      </div>

      {logging && (
        <LogInteractionDialog
          defaultType={logging}
          customerId={params.customerId || undefined}
          projectId={params.projectId || undefined}
          onClose={() => setLogging(null)}
        />
      )}
    </>
  );
}

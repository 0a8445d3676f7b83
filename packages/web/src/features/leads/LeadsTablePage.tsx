import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useViewer } from '../../app/auth';
import { isOffice } from '../../app/nav';
import { getFragmentData, graphql } from '../../gql';
import type { LeadOrderField } from '../../gql/graphql';
import { useLoadMore, useSearchBox } from '../../lib/listPage';
import { NARROW_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { Button, CollapsibleFilters, columnLabel, EmptyState, ListBody, ListFooter, Select, Table, TextField } from '../../ui';
import { TableTools } from '../views/TableTools';
import { useTableSetup } from '../views/useTableSetup';
import { LeadCardFragment } from './LeadCard';
import { useLeadColumns } from './leadColumns';
import { LeadsHeader } from './LeadsHeader';
import { enumOptions, LEAD_PRIORITIES, LEAD_SOURCES } from './options';
import { BOARD_STATUSES } from './statuses';
import { useAssignableUsers } from './useAssignableUsers';
import { FILTER_KEYS, FIRST_DIRECTION, leadsView, SORT_LABELS, SORT_OPTIONS, readParams } from './leadsTableParams';
import styles from './leadsTable.module.css';

// A row shows what a board card shows, and when the lead was created and is next followed up.
export const LeadRowFragment = graphql(`
  fragment LeadRow_lead on Lead {
    ...LeadCard_lead
    nextFollowUpAt
    createdAt
  }
`);

export const LeadsTableQuery = graphql(`
  query LeadsTable($first: Int!, $after: String, $filter: LeadFilter, $orderBy: LeadOrder) {
    leads(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node { id ...LeadRow_lead }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const PAGE_SIZE = 25;

/** Every lead the viewer may see as a sortable, filterable table, a page at a time. */
export default function LeadsTablePage() {
  const { viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { filter, orderBy, filtered } = useMemo(() => readParams(params, viewer?.id), [params, viewer?.id]);
  const { users } = useAssignableUsers(viewer);

  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(LeadsTableQuery, {
    variables: { first: PAGE_SIZE, filter, orderBy },
    notifyOnNetworkStatusChange: true,
    skip: params.get('assignee') === 'me' && !viewer,
  });
  const shown = data ?? previousData;
  // Phones show the search box and a "Filters" button; the menus open below it.
  const phone = useMediaQuery(NARROW_QUERY);
  const activeFilters = (['status', 'source', 'priority', 'assignee'] as const).filter((k) => params.get(k)).length;

  // The search box types freely; the URL (and the query) follows a moment later.
  const search = useSearchBox(params.get('q') ?? '', (text) => update({ q: text }));

  /** Changes URL parameters (empty values removed), replacing the history entry. */
  function update(patch: Record<string, string | null>) {
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  }

  const sortBy = (field: LeadOrderField) => {
    const direction = orderBy.field === field ? (orderBy.direction === 'ASC' ? 'DESC' : 'ASC') : FIRST_DIRECTION[field];
    update({ sort: field, dir: direction.toLowerCase() });
  };

  const clearFilters = () => {
    search.setText('');
    update(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])));
  };

  const assigneeOptions = [
    { value: 'me', label: 'Me' },
    { value: 'none', label: 'Unassigned' },
    ...users.filter((u) => u.id !== viewer?.id).map((u) => ({ value: u.id, label: u.teamName ? `${u.name} (${u.teamName})` : u.name })),
  ];
  const assigneeParam = params.get('assignee') ?? '';
  if (assigneeParam && !assigneeOptions.some((o) => o.value === assigneeParam)) {
    assigneeOptions.push({ value: assigneeParam, label: 'Chosen person' });
  }

  const filterMenus = [
    { param: 'status', label: 'Status', placeholder: 'Any status', options: enumOptions(BOARD_STATUSES) },
    { param: 'source', label: 'Source', placeholder: 'Any source', options: enumOptions(LEAD_SOURCES) },
    { param: 'priority', label: 'Priority', placeholder: 'Any priority', options: enumOptions(LEAD_PRIORITIES) },
    { param: 'assignee', label: 'Assignee', placeholder: 'Anyone', options: assigneeOptions },
  ];

  const list = shown?.leads;
  const rows = useMemo(
    () =>
      (list?.edges ?? []).map((e) => {
        const row = getFragmentData(LeadRowFragment, e.node);
        return { ...getFragmentData(LeadCardFragment, row), ...row };
      }),
    [list],
  );

  const more = useLoadMore(list, fetchMore);

  const canEdit = viewer ? isOffice(viewer.role) : false;
  const columns = useLeadColumns({ orderBy, onSort: sortBy, viewerId: viewer?.id, canEdit });
  const setup = useTableSetup('leads', columns);

  const body = (
    <ListBody
      list={list}
      error={error}
      onRetry={() => void refetch()}
      loadingLabel="Loading leads…"
      errorTitle="Leads could not be loaded"
      filtered={filtered}
      noMatch={{ title: 'No leads match these filters', description: 'Try other words or clear the filters.' }}
      onClear={clearFilters}
      empty={<EmptyState icon="leads" title="No leads yet" description="New leads appear here as soon as they come in." />}
    >
      {(list) => (
        <>
          {error && (
            <p className={styles.inlineError} role="alert">
              Could not refresh the list: {error.message}{' '}
              <Button size="sm" onClick={() => void refetch()}>
                Try again
              </Button>
            </p>
          )}
          <Table
            caption={`Leads, sorted by ${SORT_LABELS[orderBy.field].toLowerCase()} ${orderBy.direction === 'ASC' ? 'ascending' : 'descending'}`}
            columns={setup.columns}
            rows={rows}
            rowKey={(lead) => lead.id}
            density={setup.density}
            busy={loading}
            empty={null}
            className={styles.table}
            wrapClassName={styles.tableWrap}
            rowClassName={() => styles.row}
            cellLabel={(c) => (c.key === 'lead' ? undefined : columnLabel(c))}
            onRowClick={(lead) => void navigate(`/leads/${lead.id}`)}
          />
          <ListFooter noun="leads" {...more.footer(list)} />
        </>
      )}
    </ListBody>
  );

  return (
    <>
      <LeadsHeader view="table" subtitle="Search, filter and sort every lead you may see." exportAs={{ list: 'leads', filter, orderBy }} />
      <form className={styles.filters} role="search" aria-label="Filter leads" onSubmit={(e) => e.preventDefault()}>
        <TextField
          label="Search"
          type="search"
          placeholder="Name, phone, e-mail or address"
          value={search.text}
          onChange={(e) => search.setText(e.target.value)}
          className={styles.search}
        />
        <CollapsibleFilters id="lead-filter-fields" count={activeFilters} collapsed={phone} className={styles.filterFields}>
          {filterMenus.map((menu) => (
            <Select
              key={menu.param}
              label={menu.label}
              placeholder={menu.placeholder}
              options={menu.options}
              value={params.get(menu.param) ?? ''}
              onChange={(e) => update({ [menu.param]: e.target.value })}
            />
          ))}
          <Select
            label="Sort by"
            className={styles.sortSelect}
            options={SORT_OPTIONS}
            value={`${orderBy.field}:${orderBy.direction}`}
            onChange={(e) => {
              const [field, dir] = e.target.value.split(':');
              update({ sort: field ?? null, dir: dir?.toLowerCase() ?? null });
            }}
          />
          {filtered && (
            <Button variant="ghost" onClick={clearFilters} className={styles.clear}>
              Clear filters
            </Button>
          )}
        </CollapsibleFilters>
        <div className={styles.tools}>
          <TableTools setup={setup} views={leadsView} />
        </div>
      </form>
      {body}
    </>
  );
}

import { useQuery } from '@apollo/client/react';
import { useId, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useViewer } from '../../app/auth';
import { isOffice } from '../../app/nav';
import { getFragmentData, graphql } from '../../gql';
import type { CustomerOrderField, CustomerType, SortDirection } from '../../gql/graphql';
import { useLoadMore, useSearchBox, useUrlState } from '../../lib/listPage';
import { NARROW_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { Button, CollapsibleFilters, EmptyState, ListBody, PageHeader, PagedTableCard, SearchBox, Select } from '../../ui';
import { ExportButton } from '../export/ExportButton';
import { TableTools } from '../views/TableTools';
import { useTableSetup } from '../views/useTableSetup';
import { CustomerFormDialog } from './CustomerFormDialog';
import { CUSTOMER_TYPES, SEGMENT_SUGGESTIONS } from './customerFormat';
import { CustomerRowFragment, CustomersTable, sortLabel, useCustomerColumns } from './CustomersTable';
import {
  customersView,
  DEFAULT_ORDER,
  filterOf,
  isFiltered,
  orderOf,
  readListState,
  toggledOrder,
  writeListState,
  type ListState,
} from './listParams';
import styles from './CustomersPage.module.css';

export const CustomersListQuery = graphql(`
  query CustomersList($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {
    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node { id ...CustomerRow_customer }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const CustomersTeamsQuery = graphql(`
  query CustomersTeams {
    teams {
      id
      name
      manager {
        id
      }
    }
  }
`);

export const PAGE_SIZE = 25;
export const SEARCH_DEBOUNCE_MS = 300;

/** The variables of the list query for a list state (first page). */
export const listVariables = (state: ListState) => ({
  first: PAGE_SIZE,
  filter: filterOf(state),
  orderBy: orderOf(state),
});

const SORT_OPTIONS: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'CREATED_AT:DESC', label: 'Newest first' },
  { value: 'CREATED_AT:ASC', label: 'Oldest first' },
  { value: 'NAME:ASC', label: 'Name A–Z' },
  { value: 'NAME:DESC', label: 'Name Z–A' },
  { value: 'UPDATED_AT:DESC', label: 'Recently changed' },
  { value: 'UPDATED_AT:ASC', label: 'Least recently changed' },
];

interface SearchEntry {
  /** The history entry was written by typing in the search box (so the next keystrokes replace it). */
  fromSearch?: boolean;
}

/** Customers the viewer may see: search, filters and order live in the URL; pages are appended with "Load more". */
export default function CustomersPage() {
  const { viewer } = useViewer();
  const navigate = useNavigate();
  const location = useLocation();
  const url = useUrlState(readListState, writeListState);
  const state = url.state;
  const [creating, setCreating] = useState(false);
  const phone = useMediaQuery(NARROW_QUERY);
  const filtersId = useId();
  const seesTeams = viewer?.role === 'ADMIN' || viewer?.role === 'MANAGER';

  // Filters and order add history entries; a search replaces the entry of the search typed just before it.
  const write = (patch: Partial<ListState>, fromSearch = false) => {
    const replace = fromSearch && (location.state as SearchEntry | null)?.fromSearch === true;
    url.update(patch, { replace, state: fromSearch ? { fromSearch: true } : null });
  };
  const search = useSearchBox(state.search, (text) => write({ search: text }, true), {
    debounceMs: SEARCH_DEBOUNCE_MS,
    normalize: (text) => text.trim(),
  });

  const { data: teamsData } = useQuery(CustomersTeamsQuery, { skip: !seesTeams });
  const teams = (teamsData?.teams ?? []).filter(
    (t) => viewer?.role === 'ADMIN' || t.manager?.id === viewer?.id || t.id === viewer?.team?.id,
  );

  const { data, previousData, error, fetchMore, refetch } = useQuery(CustomersListQuery, {
    variables: listVariables(state),
    notifyOnNetworkStatusChange: true,
  });
  // While another search, filter or order loads, the previous rows stay (dimmed) instead of a spinner.
  const list = (data ?? (error ? undefined : previousData))?.customers;
  const changing = !data && Boolean(list);
  const more = useLoadMore(list, fetchMore);

  const rows = useMemo(() => (list?.edges ?? []).map((e) => getFragmentData(CustomerRowFragment, e.node)), [list]);
  const onSort = (field: CustomerOrderField) => write({ order: toggledOrder(state.order, field) });
  const columns = useCustomerColumns({
    order: state.order,
    onSort,
    showTeam: seesTeams,
    canEdit: viewer ? isOffice(viewer.role) : false,
    listSearch: location.search,
  });
  const setup = useTableSetup('customers', columns);
  const clear = () => {
    search.setText('');
    url.setParams(writeListState({ ...readListState(new URLSearchParams()), order: state.order }));
  };

  const activeFilters = [state.type, state.segment, state.teamId, state.deleted].filter(Boolean).length;
  // Segments are free text: a custom one from the URL joins the usual ones so the menu can show it.
  const segmentOptions: string[] = [...SEGMENT_SUGGESTIONS];
  if (state.segment && !segmentOptions.includes(state.segment)) segmentOptions.push(state.segment);

  const newCustomer = (
    <Button variant="primary" onClick={() => setCreating(true)}>
      New customer
    </Button>
  );
  const header = (
    <PageHeader
      title="Customers"
      subtitle="Everyone you work for: contact data, property and history."
      actions={
        <>
          <ExportButton list="customers" filter={filterOf(state)} orderBy={orderOf(state)} />
          {newCustomer}
        </>
      }
    />
  );

  const toolbar = (
    <div className={styles.toolbar} role="search" aria-label="Customers">
      <SearchBox search={search} className={styles.search} placeholder="Name, e-mail, phone or address" />
      <CollapsibleFilters id={filtersId} count={activeFilters} collapsed={phone} className={styles.filters}>
        <Select
          label="Type"
          className={styles.filter}
          value={state.type ?? ''}
          placeholder="All types"
          options={CUSTOMER_TYPES}
          onChange={(e) => write({ type: (e.target.value || null) as CustomerType | null })}
        />
        <Select
          label="Segment"
          className={styles.filter}
          value={state.segment}
          placeholder="All segments"
          options={segmentOptions.map((s) => ({ value: s, label: s }))}
          onChange={(e) => write({ segment: e.target.value })}
        />
        {seesTeams && teams.length > 1 && (
          <Select
            label="Team"
            className={styles.filter}
            value={state.teamId ?? ''}
            placeholder="All teams"
            options={teams.map((t) => ({ value: t.id, label: t.name }))}
            onChange={(e) => write({ teamId: e.target.value || null })}
          />
        )}
        {seesTeams && (
          <Select
            label="Status"
            className={styles.filter}
            value={state.deleted ? 'deleted' : 'active'}
            options={[
              { value: 'active', label: 'Active' },
              { value: 'deleted', label: 'Deleted (trash)' },
            ]}
            onChange={(e) => write({ deleted: e.target.value === 'deleted' })}
          />
        )}
        <Select
          label="Sort by"
          className={styles.sortSelect}
          value={`${state.order.field}:${state.order.direction}`}
          options={SORT_OPTIONS}
          onChange={(e) => {
            const [field, direction] = e.target.value.split(':') as [CustomerOrderField, SortDirection];
            write({ order: { field, direction } });
          }}
        />
        {(isFiltered(state) || search.text) && (
          <Button variant="ghost" onClick={clear}>
            Clear filters
          </Button>
        )}
      </CollapsibleFilters>
      <div className={styles.tools}>
        <TableTools setup={setup} views={customersView} />
      </div>
    </div>
  );

  const body = (
    <ListBody
      list={list}
      error={error}
      onRetry={() => void refetch()}
      loadingLabel="Loading customers…"
      errorTitle="The customers could not be loaded"
      changing={changing}
      filtered={isFiltered(state)}
      noMatch={
        state.deleted
          ? { title: 'The trash is empty', description: 'No deleted customers match these filters.' }
          : { title: 'No customers match', description: 'Try other words or fewer filters.' }
      }
      onClear={clear}
      empty={
        <EmptyState
          icon="customers"
          title="No customers yet"
          description="Customers appear here when you add them or convert a lead."
          action={newCustomer}
        />
      }
    >
      {(list) => (
        <PagedTableCard
          noun="customers"
          shown={list.edges.length}
          total={list.totalCount}
          note={
            (state.order.field !== DEFAULT_ORDER.field || state.order.direction !== DEFAULT_ORDER.direction) &&
            `Sorted by ${sortLabel(state.order)}`
          }
          moreError={more.error}
          footer={{ ...more.footer(list), disabled: changing }}
        >
          <CustomersTable rows={rows} columns={setup.columns} density={setup.density} order={state.order} busy={changing} />
        </PagedTableCard>
      )}
    </ListBody>
  );

  return (
    <>
      {header}
      {toolbar}
      {body}
      {creating && (
        <CustomerFormDialog
          onClose={() => setCreating(false)}
          onSaved={(customer) => {
            setCreating(false);
            navigate(`/customers/${customer.id}`);
          }}
        />
      )}
    </>
  );
}

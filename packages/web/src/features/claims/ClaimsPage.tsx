import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useLocation } from 'react-router';
import { useViewer } from '../../app/auth';
import { isOffice } from '../../app/nav';
import { getFragmentData, graphql } from '../../gql';
import type { InsuranceClaimOrderField } from '../../gql/graphql';
import { useLoadMore, useSearchBox, useUrlState } from '../../lib/listPage';
import { EmptyState, ListBody, PageHeader, PagedTableCard } from '../../ui';
import { TableTools } from '../views/TableTools';
import { useTableSetup } from '../views/useTableSetup';
import { ClaimRowFragment, ClaimsTable, useClaimColumns } from './ClaimsTable';
import { ClaimsToolbar } from './ClaimsToolbar';
import {
  claimFilterOf,
  claimOrderOf,
  claimsView,
  isClaimListFiltered,
  readClaimList,
  toggledClaimOrder,
  writeClaimList,
  type ClaimListState,
} from './listParams';

export const ClaimsListQuery = graphql(`
  query ClaimsList($first: Int!, $after: String, $filter: InsuranceClaimFilter, $orderBy: InsuranceClaimOrder) {
    claims(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node { id ...ClaimRow_claim }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const PAGE_SIZE = 25;
export const SEARCH_DEBOUNCE_MS = 300;

/** The list query's variables for a list state (first page). */
export const claimListVariables = (state: ClaimListState) => ({
  first: PAGE_SIZE,
  filter: claimFilterOf(state),
  orderBy: claimOrderOf(state),
});

const ORDER_NOTE: Record<InsuranceClaimOrderField, [string, string]> = {
  CREATED_AT: ['Newest first', 'Oldest first'],
  DATE_OF_LOSS: ['Latest loss first', 'Earliest loss first'],
  DEPRECIATION_DEADLINE: ['Latest depreciation deadline first', 'Soonest depreciation deadline first'],
  UPDATED_AT: ['Recently changed first', 'Least recently changed first'],
};

/**
 * The insurance claims the viewer may see (field techs: their projects'), with what each carrier still owes and the
 * recoverable depreciation's deadline; keyset pages, refreshed live by `claimUpdated`. Claims are started from a
 * lead's or project's page.
 */
export default function ClaimsPage() {
  const { viewer } = useViewer();
  const location = useLocation();
  const url = useUrlState(readClaimList, writeClaimList);
  const state = url.state;
  const office = viewer ? isOffice(viewer.role) : false;
  const typed = { debounceMs: SEARCH_DEBOUNCE_MS, normalize: (text: string) => text.trim() };
  const search = useSearchBox(state.search, (text) => url.update({ search: text }), typed);
  const carrier = useSearchBox(state.carrier, (text) => url.update({ carrier: text }), typed);
  const write = (patch: Partial<ClaimListState>) => url.update(patch, { replace: false });

  const { data, previousData, error, fetchMore, refetch } = useQuery(ClaimsListQuery, {
    variables: claimListVariables(state),
    notifyOnNetworkStatusChange: true,
  });
  const list = (data ?? (error ? undefined : previousData))?.claims;
  const changing = !data && Boolean(list);
  const more = useLoadMore(list, fetchMore);

  const rows = useMemo(() => (list?.edges ?? []).map((e) => getFragmentData(ClaimRowFragment, e.node)), [list]);
  const columns = useClaimColumns({
    order: state.order,
    onSort: (field: InsuranceClaimOrderField) => write({ order: toggledClaimOrder(state.order, field) }),
    linkCustomers: office,
    listSearch: location.search,
  });
  const setup = useTableSetup('claims', columns);

  const filtered = isClaimListFiltered(state);
  const clear = () => {
    search.setText('');
    carrier.setText('');
    url.setParams(writeClaimList({ ...readClaimList(new URLSearchParams()), order: state.order }));
  };
  const [first, reversed] = ORDER_NOTE[state.order.field];

  return (
    <>
      <PageHeader
        title="Insurance claims"
        subtitle={office ? 'Storm claims with their carriers, what they approved and what they still owe.' : 'Claims of the projects you are on.'}
      />
      <ClaimsToolbar
        state={state}
        search={search}
        carrier={carrier}
        onChange={write}
        filtered={filtered}
        onClear={clear}
        tools={<TableTools setup={setup} views={claimsView} />}
      />
      <ListBody
        list={list}
        error={error}
        onRetry={() => void refetch()}
        loadingLabel="Loading claims…"
        errorTitle="The claims could not be loaded"
        changing={changing}
        filtered={filtered}
        noMatch={{ title: 'No claims match', description: 'Try other words, another status or carrier.' }}
        onClear={clear}
        empty={
          <EmptyState
            icon="projects"
            title="No claims yet"
            description={
              office
                ? 'Start a claim from a lead or project page ("Insurance claim" card) when the roof was damaged by a storm.'
                : 'Claims of your projects show here.'
            }
          />
        }
      >
        {(list) => (
          <PagedTableCard
            noun="claims"
            shown={list.edges.length}
            total={list.totalCount}
            note={state.order.direction === 'DESC' ? first : reversed}
            moreError={more.error}
            footer={{ ...more.footer(list), disabled: changing }}
          >
            <ClaimsTable rows={rows} columns={setup.columns} density={setup.density} busy={changing} />
          </PagedTableCard>
        )}
      </ListBody>
    </>
  );
}

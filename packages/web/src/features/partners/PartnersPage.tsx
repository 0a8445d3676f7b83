import { useQuery } from '@apollo/client/react';
import { ExportButton } from '../export/ExportButton';
import { useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useViewer } from '../../app/auth';
import { isOffice } from '../../app/nav';
import { TableTools } from '../views/TableTools';
import { useTableSetup } from '../views/useTableSetup';
import { getFragmentData, graphql } from '../../gql';
import type { PartnerOrderField } from '../../gql/graphql';
import { useLoadMore, useSearchBox, useUrlState } from '../../lib/listPage';
import { Button, EmptyState, ListBody, PageHeader, PagedTableCard } from '../../ui';
import {
  isPartnerListFiltered,
  partnerFilterOf,
  partnerOrderOf,
  partnersView,
  readPartnerList,
  toggledPartnerOrder,
  writePartnerList,
  type PartnerListState,
} from './listParams';
import { PartnerFormDialog } from './PartnerFormDialog';
import { PartnerRowFragment, PartnersTable, usePartnerColumns } from './PartnersTable';
import { PartnersToolbar } from './PartnersToolbar';
import { periodLabel } from './periods';
import { usePartnerPerformance } from './usePartnerPerformance';

export const PartnersListQuery = graphql(`
  query PartnersList($first: Int!, $after: String, $filter: PartnerFilter, $orderBy: PartnerOrder) {
    partners(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node { id ...PartnerRow_partner }
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
export const partnerListVariables = (state: PartnerListState) => ({
  first: PAGE_SIZE,
  filter: partnerFilterOf(state),
  orderBy: partnerOrderOf(state),
});

/** Referral partners the viewer may see, with how their referrals did in the chosen period; keyset pages. */
export default function PartnersPage() {
  const { viewer } = useViewer();
  const navigate = useNavigate();
  const location = useLocation();
  const url = useUrlState(readPartnerList, writePartnerList);
  const state = url.state;
  const [creating, setCreating] = useState(false);
  const seesTrash = viewer?.role === 'ADMIN' || viewer?.role === 'MANAGER';

  const search = useSearchBox(state.search, (text) => url.update({ search: text }), {
    debounceMs: SEARCH_DEBOUNCE_MS,
    normalize: (text) => text.trim(),
  });
  const write = (patch: Partial<PartnerListState>) => url.update(patch, { replace: false });

  const { data, previousData, error, fetchMore, refetch } = useQuery(PartnersListQuery, {
    variables: partnerListVariables(state),
    notifyOnNetworkStatusChange: true,
  });
  const list = (data ?? (error ? undefined : previousData))?.partners;
  const changing = !data && Boolean(list);
  const more = useLoadMore(list, fetchMore);
  const shownIds = useMemo(() => (state.deleted ? null : (list?.edges.map((e) => e.node.id) ?? null)), [state.deleted, list]);
  const performance = usePartnerPerformance(state.period, shownIds);

  const rows = useMemo(() => (list?.edges ?? []).map((e) => getFragmentData(PartnerRowFragment, e.node)), [list]);
  const columns = usePartnerColumns({
    order: state.order,
    onSort: (field: PartnerOrderField) => write({ order: toggledPartnerOrder(state.order, field) }),
    performance,
    showTeam: seesTrash,
    canEdit: viewer ? isOffice(viewer.role) : false,
    listSearch: location.search,
  });
  const setup = useTableSetup('partners', columns);

  const filtered = isPartnerListFiltered(state);
  const clear = () => {
    search.setText('');
    url.setParams(writePartnerList({ ...readPartnerList(new URLSearchParams()), order: state.order, period: state.period }));
  };

  const newPartner = (
    <Button variant="primary" onClick={() => setCreating(true)}>
      New partner
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Partners"
        subtitle="Realtors, insurance agents and adjusters, inspectors and others who refer customers."
        actions={
          <>
            <ExportButton list="partners" filter={partnerFilterOf(state)} orderBy={partnerOrderOf(state)} />
            {newPartner}
          </>
        }
      />
      <PartnersToolbar
        state={state}
        search={search}
        onChange={write}
        seesTrash={seesTrash}
        filtered={filtered}
        onClear={clear}
        tools={<TableTools setup={setup} views={partnersView} />}
      />
      <ListBody
        list={list}
        error={error}
        onRetry={() => void refetch()}
        loadingLabel="Loading partners…"
        errorTitle="The partners could not be loaded"
        changing={changing}
        filtered={filtered}
        noMatch={
          state.deleted
            ? { title: 'The trash is empty', description: 'No deleted partners match these filters.' }
            : { title: 'No partners match', description: 'Try other words or fewer filters.' }
        }
        onClear={clear}
        empty={
          <EmptyState
            icon="customers"
            title="No partners yet"
            description="Add the realtors, agents and adjusters who send you customers."
            action={newPartner}
          />
        }
      >
        {(list) => (
          <PagedTableCard
            noun="partners"
            shown={list.edges.length}
            total={list.totalCount}
            note={`Referrals of the ${periodLabel(state.period).toLowerCase()}`}
            moreError={more.error}
            footer={{ ...more.footer(list), disabled: changing }}
          >
            <PartnersTable rows={rows} columns={setup.columns} density={setup.density} periodLabel={periodLabel(state.period)} busy={changing} />
          </PagedTableCard>
        )}
      </ListBody>
      {creating && (
        <PartnerFormDialog
          onClose={() => setCreating(false)}
          onSaved={(partner) => {
            setCreating(false);
            navigate(`/partners/${partner.id}`);
          }}
        />
      )}
    </>
  );
}

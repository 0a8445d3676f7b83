import { useQuery } from '@apollo/client/react';
import { ExportButton } from '../export/ExportButton';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useViewer } from '../../app/auth';
import { isOffice } from '../../app/nav';
import { graphql } from '../../gql';
import type { ReviewOrderField } from '../../gql/graphql';
import { useLoadMore, useSearchBox, useUrlState } from '../../lib/listPage';
import { Button, EmptyState, ListBody, PageHeader, PagedTableCard } from '../../ui';
import {
  isReviewListFiltered,
  readReviewList,
  reviewFilterOf,
  reviewOrderOf,
  toggledReviewOrder,
  writeReviewList,
  type ReviewListState,
} from './listParams';
import { ReviewFormDialog } from './ReviewFormDialog';
import { ReviewsTable } from './ReviewsTable';
import { ReviewsToolbar } from './ReviewsToolbar';

export const ReviewsListQuery = graphql(`
  query ReviewsList($first: Int!, $after: String, $filter: ReviewFilter, $orderBy: ReviewOrder) {
    reviews(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node { id ...ReviewRow_review }
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
export const reviewListVariables = (state: ReviewListState) => ({
  first: PAGE_SIZE,
  filter: reviewFilterOf(state),
  orderBy: reviewOrderOf(state),
});

const ORDER_NOTE: Record<ReviewOrderField, [string, string]> = {
  POSTED_AT: ['Newest first', 'Oldest first'],
  RATING: ['Most stars first', 'Fewest stars first'],
};

/**
 * Customer reviews from Google, Facebook, Yelp and the others that the viewer may see (field techs: their projects',
 * read-only); keyset pages, refreshed live by `reviewUpdated`.
 */
export default function ReviewsPage() {
  const { viewer } = useViewer();
  const navigate = useNavigate();
  const location = useLocation();
  const url = useUrlState(readReviewList, writeReviewList);
  const state = url.state;
  const [creating, setCreating] = useState(false);
  const office = viewer ? isOffice(viewer.role) : false;
  const seesTrash = viewer?.role === 'ADMIN' || viewer?.role === 'MANAGER';

  const search = useSearchBox(state.search, (text) => url.update({ search: text }), {
    debounceMs: SEARCH_DEBOUNCE_MS,
    normalize: (text) => text.trim(),
  });
  const write = (patch: Partial<ReviewListState>) => url.update(patch, { replace: false });

  const { data, previousData, error, fetchMore, refetch } = useQuery(ReviewsListQuery, {
    variables: reviewListVariables(state),
    notifyOnNetworkStatusChange: true,
  });
  const list = (data ?? (error ? undefined : previousData))?.reviews;
  const changing = !data && Boolean(list);
  const more = useLoadMore(list, fetchMore);

  const filtered = isReviewListFiltered(state);
  const clear = () => {
    search.setText('');
    url.setParams(writeReviewList({ ...readReviewList(new URLSearchParams()), order: state.order }));
  };

  const record = office && (
    <Button variant="primary" onClick={() => setCreating(true)}>
      Record a review
    </Button>
  );
  const [first, reversed] = ORDER_NOTE[state.order.field];

  return (
    <>
      <PageHeader
        title="Reviews"
        subtitle={office ? 'What customers say about you on Google, Facebook, Yelp and elsewhere.' : 'Reviews of the projects you are on.'}
        actions={
          <>
            <ExportButton list="reviews" filter={reviewFilterOf(state)} orderBy={reviewOrderOf(state)} />
            {record}
          </>
        }
      />
      <ReviewsToolbar state={state} search={search} onChange={write} seesTrash={seesTrash} filtered={filtered} onClear={clear} />
      <ListBody
        list={list}
        error={error}
        onRetry={() => void refetch()}
        loadingLabel="Loading reviews…"
        errorTitle="The reviews could not be loaded"
        changing={changing}
        filtered={filtered}
        noMatch={
          state.deleted
            ? { title: 'The trash is empty', description: 'No deleted reviews match these filters.' }
            : { title: 'No reviews match', description: 'Try other words, another platform or a wider star range.' }
        }
        onClear={clear}
        empty={
          <EmptyState
            icon="reviews"
            title="No reviews yet"
            description={office ? 'Record the reviews customers post, to answer them and follow your reputation.' : 'Reviews of your projects show here.'}
            action={record}
          />
        }
      >
        {(list) => (
          <PagedTableCard
            noun="reviews"
            shown={list.edges.length}
            total={list.totalCount}
            note={state.order.direction === 'DESC' ? first : reversed}
            moreError={more.error}
            footer={{ ...more.footer(list), disabled: changing }}
          >
            <ReviewsTable
              rows={list.edges.map((e) => e.node)}
              order={state.order}
              onSort={(field: ReviewOrderField) => write({ order: toggledReviewOrder(state.order, field) })}
              linkCustomers={office}
              busy={changing}
              listSearch={location.search}
            />
          </PagedTableCard>
        )}
      </ListBody>
      {creating && (
        <ReviewFormDialog
          onClose={() => setCreating(false)}
          onSaved={(review) => {
            setCreating(false);
            navigate(`/reviews/${review.id}`);
          }}
        />
      )}
    </>
  );
}

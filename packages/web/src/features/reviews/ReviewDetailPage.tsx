import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useViewer } from '../../app/auth';
import { isOffice } from '../../app/nav';
import { graphql, makeFragmentData } from '../../gql';
import { dateLabel, dateTimeLabel, enumLabel } from '../../lib/format';
import { useBackToList } from '../../lib/listPage';
import { Badge, Card, EmptyState, ErrorState, Notice, PageHeader, Spinner } from '../../ui';
import { Facts } from '../leads/Facts';
import { FlagReviewDialog } from './FlagReviewDialog';
import { ReviewActionBar, ReviewDeleteDialog } from './ReviewActionBar';
import { ReviewFormFragment } from './reviewDocuments';
import { ReviewFormDialog } from './ReviewFormDialog';
import { platformLabel, STATUS_TONE } from './reviewFormat';
import { ReviewResponseCard } from './ReviewResponseCard';
import { Stars } from './Stars';
import { useReviewActions } from './useReviewActions';
import styles from './ReviewDetail.module.css';

export const ReviewDetailQuery = graphql(`
  query ReviewDetail($id: ID!) {
    review(id: $id) {
      id
      ...ReviewSaved_review @unmask
      owningTeam {
        id
        name
      }
      createdBy {
        id
        name
      }
      createdAt
    }
  }
`);

/**
 * One review: its stars, full text and link, who wrote it and about which project, the company's response (respond
 * or replace it), the flag and its reason; edit and flag for admins, managers and sales, the trash for admins and
 * managers. Field techs read only.
 */
export default function ReviewDetailPage() {
  const { id = '' } = useParams();
  const back = (
    <Link to={useBackToList('/reviews')} className={styles.back}>
      <span aria-hidden="true">←</span> Reviews
    </Link>
  );
  const { viewer } = useViewer();
  const office = viewer ? isOffice(viewer.role) : false;
  const managesTrash = viewer?.role === 'ADMIN' || viewer?.role === 'MANAGER';
  const { data, loading, error, refetch } = useQuery(ReviewDetailQuery, { variables: { id } });
  const [dialog, setDialog] = useState<'edit' | 'flag' | null>(null);
  const review = data?.review;
  const actions = useReviewActions(review?.id ?? id, { customerId: review?.customer?.id, projectId: review?.project?.id });

  if (!review) {
    if (loading) return <Spinner label="Loading the review…" />;
    return (
      <>
        {back}
        {error ? (
          <ErrorState title="The review could not be loaded" error={error} onRetry={() => void refetch()} />
        ) : (
          <EmptyState
            icon="search"
            title="Review not found"
            description="This review does not exist, was deleted, or belongs to a team or project you cannot see."
          />
        )}
      </>
    );
  }

  const deleted = Boolean(review.deletedAt);
  const writable = office && !deleted;
  return (
    <>
      {back}
      <PageHeader
        title={`Review by ${review.authorName}`}
        subtitle={
          <span className={styles.headerMeta}>
            <Stars rating={review.rating} />
            <Badge>{platformLabel(review.platform)}</Badge>
            {deleted ? <Badge tone="danger">Deleted</Badge> : <Badge tone={STATUS_TONE[review.status]}>{enumLabel(review.status)}</Badge>}
          </span>
        }
        actions={
          <ReviewActionBar
            deleted={deleted}
            canWrite={office}
            managesTrash={managesTrash}
            actions={actions}
            onEdit={() => setDialog('edit')}
            onFlag={() => setDialog('flag')}
          />
        }
      />
      {deleted && (
        <div className={styles.banner} role="status">
          Deleted on {dateLabel(review.deletedAt!)}. It is left out of lists and reputation numbers{managesTrash ? ' until restored' : ''}.
        </div>
      )}
      {actions.notice && (
        <Notice className={styles.notice} onDismiss={actions.dismissNotice}>
          {actions.notice}
        </Notice>
      )}
      <div className={styles.detailGrid}>
        <div className={`${styles.column} ${styles.sideColumn}`}>
          <Card title="Details">
            <Facts
              items={[
                ['Platform', platformLabel(review.platform)],
                ['Rating', <Stars rating={review.rating} />],
                ['Posted', <time dateTime={review.postedAt}>{dateTimeLabel(review.postedAt)}</time>],
                [
                  'Customer',
                  review.customer ? (
                    office ? <Link to={`/customers/${review.customer.id}`}>{review.customer.name}</Link> : review.customer.name
                  ) : null,
                ],
                ['Project', review.project ? <Link to={`/projects/${review.project.id}`}>{review.project.name}</Link> : null],
                ['Team', review.owningTeam?.name ?? null],
                ['Recorded', `${dateLabel(review.createdAt)}${review.createdBy ? ` by ${review.createdBy.name}` : ''}`],
                ['Last change', dateLabel(review.updatedAt)],
              ]}
            />
          </Card>
        </div>
        <div className={styles.column}>
          <Card title="Review">
            {review.text ? <p className={styles.text}>{review.text}</p> : <p className={styles.emptyText}>The review has no text, only stars.</p>}
            {review.url && (
              <a href={review.url} target="_blank" rel="noreferrer noopener" className={styles.meta}>
                View it on {platformLabel(review.platform)}
                <span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            )}
          </Card>
          {review.status === 'FLAGGED' && (
            <Card title="Flagged">
              <p className={styles.text}>{review.flagReason ?? 'No reason given.'}</p>
            </Card>
          )}
          <ReviewResponseCard reviewId={review.id} response={review.response} canRespond={writable} />
        </div>
      </div>
      {dialog === 'edit' && (
        <ReviewFormDialog
          review={makeFragmentData(review, ReviewFormFragment)}
          onClose={() => setDialog(null)}
          onSaved={() => setDialog(null)}
        />
      )}
      {dialog === 'flag' && <FlagReviewDialog reviewId={review.id} currentReason={review.flagReason} onClose={() => setDialog(null)} />}
      {actions.confirming && <ReviewDeleteDialog author={review.authorName} actions={actions} />}
    </>
  );
}

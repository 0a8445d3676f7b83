import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ReviewRequestStatus, SettingsReviewRequestsQuery } from '../../../gql/graphql';
import { dateTimeLabel, enumLabel } from '../../../lib/format';
import { Badge, Card, Select } from '../../../ui';
import { cancelReasonText, REQUEST_STATUS_TONE } from '../../reviews/reviewFormat';
import { Stars } from '../../reviews/Stars';
import { channelLabel } from '../options';
import { ConnectionFooter, Loaded, RefreshButton, Section } from '../Section';
import { StackedTable, type StackedColumn } from '../StackedTable';
import { SettingsReviewRequestsQuery as RequestsQuery } from './reviewSettingsDocuments';
import shared from '../settings.module.css';
import styles from './ReviewsSettings.module.css';

type Request = SettingsReviewRequestsQuery['reviewRequests']['edges'][number]['node'];

/** In the SDL's order: how a request goes from made to answered (or not). */
const STATUSES: readonly ReviewRequestStatus[] = ['SCHEDULED', 'SENT', 'ANSWERED', 'EXPIRED', 'NOT_SENT', 'CANCELLED'];

/** When it went out; when it is due, or when it was cancelled instead. */
function sentCell(r: Request) {
  if (r.sentAt) return dateTimeLabel(r.sentAt);
  if (r.status === 'SCHEDULED') return <span className={shared.note}>Due {dateTimeLabel(r.sendAt)}</span>;
  if (r.status === 'CANCELLED' && r.cancelledAt) return <span className={shared.note}>Cancelled {dateTimeLabel(r.cancelledAt)}</span>;
  return '—';
}

const columns: StackedColumn<Request>[] = [
  { key: 'customer', header: 'Customer', primary: true, render: (r) => <strong>{r.customer?.name ?? '—'}</strong> },
  {
    key: 'project',
    header: 'Project',
    render: (r) => (r.project ? <Link to={`/projects/${r.project.id}`}>{r.project.name}</Link> : '—'),
  },
  { key: 'channel', header: 'Channel', nowrap: true, render: (r) => (r.channel ? channelLabel(r.channel) : '—') },
  {
    key: 'status',
    header: 'Status',
    render: (r) => (
      <div className={styles.status}>
        <Badge tone={REQUEST_STATUS_TONE[r.status]}>{enumLabel(r.status)}</Badge>
        {r.status === 'NOT_SENT' && r.notSentReason && <span className={shared.note}>{r.notSentReason}</span>}
        {r.status === 'CANCELLED' && <span className={shared.note}>{cancelReasonText(r.cancelReason, r.channel)}</span>}
        {r.status === 'SENT' && <span className={shared.note}>Link works until {dateTimeLabel(r.expiresAt)}</span>}
      </div>
    ),
  },
  {
    key: 'sent',
    header: 'Sent',
    nowrap: true,
    render: (r) => sentCell(r),
  },
  { key: 'reminders', header: 'Reminders sent', numeric: true, render: (r) => r.remindersSent },
  {
    key: 'rating',
    header: 'Rating',
    nowrap: true,
    render: (r) =>
      r.rating == null ? (
        '—'
      ) : (
        <span className={styles.status}>
          <Stars rating={r.rating} />
          {r.referralCount > 0 && <span className={shared.note}>{r.referralCount === 1 ? '1 neighbour referred' : `${r.referralCount} neighbours referred`}</span>}
        </span>
      ),
  },
];

/**
 * Admins (every request) and managers (their teams'): the newest review requests, how each was sent and how it
 * stands, a page at a time.
 */
export function ReviewRequestsTable() {
  const [status, setStatus] = useState<ReviewRequestStatus | ''>('');
  const filter = status ? { statuses: [status] } : {};
  const { data, error, loading, refetch, fetchMore } = useQuery(RequestsQuery, {
    variables: { first: 20, filter },
    notifyOnNetworkStatusChange: true,
  });
  return (
    <Section
      title="Recent review requests"
      description="Newest first: who was asked about which project, by which channel, and how it went."
      actions={<RefreshButton refetch={refetch} loading={loading} />}
    >
      <div className={styles.filters}>
        <Select
          label="Status"
          value={status}
          placeholder="All statuses"
          options={STATUSES.map((s) => ({ value: s, label: enumLabel(s) }))}
          onChange={(e) => setStatus(e.target.value as ReviewRequestStatus | '')}
        />
      </div>
      <Loaded
        data={data}
        error={error}
        onRetry={() => void refetch()}
        errorTitle="Review requests could not be loaded"
        loadingLabel="Loading review requests…"
      >
        {(d) => {
          const rows = d.reviewRequests.edges.map((e) => e.node);
          return (
            <Card>
              {rows.length === 0 ? (
                <p>{status ? `No review requests with the status “${enumLabel(status)}”.` : 'No review requests yet.'}</p>
              ) : (
                <StackedTable caption="Recent review requests" columns={columns} rows={rows} rowKey={(r) => r.id} />
              )}
              <ConnectionFooter connection={d.reviewRequests} shown={rows.length} loading={loading} noun="requests" fetchMore={fetchMore} />
            </Card>
          );
        }}
      </Loaded>
    </Section>
  );
}

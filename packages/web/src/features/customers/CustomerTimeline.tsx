import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { InteractionType } from '../../gql/graphql';
import { dateTimeLabel, enumLabel, timeAgo } from '../../lib/format';
import { Badge, Button, Card, cx, ErrorState, PathIcon, Spinner } from '../../ui';
import shared from './customers.module.css';
import styles from './CustomerTimeline.module.css';

/**
 * The customer's communication log, most recent first. It reads the root `interactions` list (filtered by customer)
 * rather than `Customer.interactions`, because only the connection has cursors for "Show older".
 */
export const CustomerTimelineQuery = graphql(`
  query CustomerTimeline($customerId: ID!, $first: Int!, $after: String) {
    interactions(
      first: $first
      after: $after
      filter: { customerId: $customerId }
      orderBy: { field: OCCURRED_AT, direction: DESC }
    ) {
      totalCount
      edges {
        cursor
        node {
          id
          ...InteractionEntry_interaction @unmask
          lead {
            id
            projectType
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const TIMELINE_PAGE_SIZE = 10;

// Stroke icons on a 24×24 grid, one per kind of contact.
const TYPE_ICON: Record<InteractionType, string> = {
  CALL: 'M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1.9.4 1.8.7 2.7a2 2 0 0 1-.5 2.1L8 9.8a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.7.7a2 2 0 0 1 1.7 2z',
  EMAIL: 'M4 4h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zM22 6l-10 7L2 6',
  SMS: 'M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2zM8 9h8M8 13h5',
  VISIT: 'M20 10c0 6-8 12-8 12s-8-6-8-12a8 8 0 0 1 16 0zM12 13a3 3 0 1 0 0-6 3 3 0 0 0 0 6',
  NOTE: 'M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8zM14 2v6h6M16 13H8M16 17H8M10 9H8',
};

const TYPE_NAME: Record<InteractionType, string> = {
  CALL: 'Call',
  EMAIL: 'E-mail',
  SMS: 'Text message',
  VISIT: 'Site visit',
  NOTE: 'Note',
};

/** Channels that only repeat the type ("email" for an e-mail): not shown. */
const GENERIC_CHANNELS = new Set(['email', 'e-mail', 'phone', 'sms', 'text', 'on-site', 'onsite', 'note']);

function TypeIcon({ type }: { type: InteractionType }) {
  return (
    <span className={cx(styles.eventIcon, styles[`type_${type}`])} title={TYPE_NAME[type]}>
      <PathIcon d={TYPE_ICON[type]} size={18} />
    </span>
  );
}

export function CustomerTimeline({ customerId, actions }: { customerId: string; actions?: ReactNode }) {
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(CustomerTimelineQuery, {
    variables: { customerId, first: TIMELINE_PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const list = data?.interactions;
  const loadingOlder = networkStatus === NetworkStatus.fetchMore;
  const [olderError, setOlderError] = useState<string | null>(null);
  const showOlder = (after: string | null | undefined) => {
    setOlderError(null);
    fetchMore({ variables: { after } }).catch((e: unknown) =>
      setOlderError(e instanceof Error ? e.message : 'the server could not be reached'),
    );
  };

  const title = (
    <>
      Timeline{list && list.totalCount > 0 && <span className={shared.count}>{list.totalCount}</span>}
    </>
  );

  let body;
  if (!list) {
    body = error ? (
      <ErrorState title="The timeline could not be loaded" error={error} onRetry={() => void refetch()} />
    ) : (
      <Spinner label="Loading the timeline…" />
    );
  } else if (list.edges.length === 0) {
    body = <p className={shared.emptyText}>Nothing logged yet. Calls, e-mails, texts, visits and notes appear here.</p>;
  } else {
    body = (
      <>
        <ol className={styles.timeline} aria-label="Interactions, newest first">
          {list.edges.map(({ node: i }) => {
            const by = i.user?.name ?? 'Someone';
            return (
              <li key={i.id} className={styles.event}>
                <TypeIcon type={i.type} />
                <div className={styles.eventBody}>
                  <div className={styles.eventHead}>
                    <span className={styles.eventTitle}>
                      <span className="visually-hidden">{TYPE_NAME[i.type]}: </span>
                      {i.subject || TYPE_NAME[i.type]}
                    </span>
                    <time className={styles.eventTime} dateTime={i.occurredAt} title={dateTimeLabel(i.occurredAt)}>
                      {dateTimeLabel(i.occurredAt)}
                      <span className="visually-hidden"> ({timeAgo(i.occurredAt)})</span>
                    </time>
                  </div>
                  <span className={styles.eventMeta}>
                    {TYPE_NAME[i.type]}
                    {i.type !== 'NOTE' && ` · ${enumLabel(i.direction)}`}
                    {i.channel && !GENERIC_CHANNELS.has(i.channel.toLowerCase()) && ` · ${i.channel}`} · by {by}
                  </span>
                  {i.notes && <p className={styles.eventNotes}>{i.notes}</p>}
                  {(i.outcome || i.project || i.lead) && (
                    <div className={styles.eventTags}>
                      {i.outcome && <Badge tone="success">{i.outcome}</Badge>}
                      {i.project && (
                        <Link to={`/projects/${i.project.id}`}>
                          <span className="visually-hidden">Project: </span>
                          {i.project.name}
                        </Link>
                      )}
                      {i.lead && (
                        <Link to={`/leads/${i.lead.id}`}>
                          Lead: {i.lead.projectType ? enumLabel(i.lead.projectType) : (i.lead.contactName ?? 'open')}
                        </Link>
                      )}
                    </div>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
        {olderError && (
          <p className={shared.emptyText} role="alert">
            Older entries could not be loaded: {olderError}
          </p>
        )}
        {list.pageInfo.hasNextPage && (
          <Button
            className={shared.toggle}
            size="sm"
            loading={loadingOlder}
            onClick={() => showOlder(list.pageInfo.endCursor)}
          >
            Show older ({list.totalCount - list.edges.length} more)
          </Button>
        )}
      </>
    );
  }

  return (
    <Card title={title} actions={actions}>
      {body}
    </Card>
  );
}

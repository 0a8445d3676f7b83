import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { dateLabel, enumLabel, money } from '../../lib/format';
import { useLoadMore } from '../../lib/listPage';
import { Badge, Card, ErrorState, ListFooter, Spinner } from '../../ui';
import { LEAD_STATUS_TONE } from '../customers/customerFormat';
import styles from './PartnerDetail.module.css';

export const PartnerReferralsQuery = graphql(`
  query PartnerReferrals($id: ID!, $first: Int!, $after: String) {
    partner(id: $id) {
      id
      referrals(first: $first, after: $after) {
        totalCount
        edges {
          cursor
          node {
            id
            contactName
            customer {
              id
              name
            }
            status
            estimatedValue
            createdAt
            convertedProject {
              id
              name
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const REFERRALS_PAGE = 10;

/** The leads the partner referred that the viewer may see, newest first, each with its stage and project. */
export function PartnerReferrals({ partnerId }: { partnerId: string }) {
  const { data, error, refetch, fetchMore } = useQuery(PartnerReferralsQuery, {
    variables: { id: partnerId, first: REFERRALS_PAGE },
  });
  const referrals = data?.partner?.referrals;
  const more = useLoadMore(referrals, fetchMore);
  return (
    <Card
      title={
        <>
          Referrals {referrals && <span className={styles.count}>{referrals.totalCount}</span>}
        </>
      }
    >
      {!referrals ? (
        error ? (
          <ErrorState title="The referrals could not be loaded" error={error} onRetry={() => void refetch()} />
        ) : (
          <Spinner label="Loading referrals…" />
        )
      ) : referrals.totalCount === 0 ? (
        <p className={styles.emptyText}>No referrals yet. Leads from this partner show here.</p>
      ) : (
        <>
          <ul className={styles.list} aria-label="Referrals">
            {referrals.edges.map(({ node: lead }) => (
              <li key={lead.id} className={styles.item}>
                <div className={styles.itemMain}>
                  <Link to={`/leads/${lead.id}`} className={styles.itemTitle}>
                    {lead.customer?.name ?? lead.contactName ?? 'Unnamed lead'}
                  </Link>
                  <span className={styles.itemMeta}>
                    {dateLabel(lead.createdAt)}
                    {lead.estimatedValue && ` · ${money(lead.estimatedValue)}`}
                    {lead.convertedProject && (
                      <>
                        {' · project '}
                        <Link to={`/projects/${lead.convertedProject.id}`}>{lead.convertedProject.name}</Link>
                      </>
                    )}
                  </span>
                </div>
                <Badge tone={LEAD_STATUS_TONE[lead.status]}>{enumLabel(lead.status)}</Badge>
              </li>
            ))}
          </ul>
          {more.error && <p role="alert">More referrals could not be loaded: {more.error}</p>}
          {referrals.pageInfo.hasNextPage && <ListFooter {...more.footer(referrals)} noun="referrals" />}
        </>
      )}
    </Card>
  );
}

import { useApolloClient, useMutation } from '@apollo/client/react';
import { useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { ProjectStatus, ProjectReviewRequest_RequestFragment } from '../../gql/graphql';
import { dateLabel, dateTimeLabel, enumLabel } from '../../lib/format';
import { failureMessage } from '../../lib/formErrors';
import { Badge, Button, FormAlert } from '../../ui';
import { cancelReasonText, REQUEST_STATUS_TONE } from '../reviews/reviewFormat';
import { Stars } from '../reviews/Stars';
import { channelLabel } from '../settings/options';
import { ProjectDetailQuery } from './projectDetailQuery';
import shared from './projects.module.css';
import styles from './ProjectReviewsCard.module.css';

/** What the project page shows of its review request. */
export const ProjectReviewRequestFragment = graphql(`
  fragment ProjectReviewRequest_request on ReviewRequest {
    id
    status
    channel
    notSentReason
    cancelReason
    cancelledAt
    sendAt
    sentAt
    remindersSent
    expiresAt
    answeredAt
    rating
    review {
      id
    }
    referralCount
  }
`);

export const RequestReviewMutation = graphql(`
  mutation RequestReview($projectId: ID!) {
    requestReview(projectId: $projectId) {
      reviewRequest { id ...ProjectReviewRequest_request }
      errors { field code message }
    }
  }
`);

const at = (iso: string, label: (iso: string) => string) => <time dateTime={iso}>{label(iso)}</time>;

/** After the status badge: when it went (or goes) out, was answered (with the stars) or expired; why it was not sent or was cancelled. */
function whenText(r: ProjectReviewRequest_RequestFragment): ReactNode {
  switch (r.status) {
    case 'SCHEDULED':
      return <> for {at(r.sendAt, dateTimeLabel)}</>;
    case 'SENT':
      return (
        <>
          {' '}
          on {at(r.sentAt ?? r.sendAt, dateLabel)}; the link works until {at(r.expiresAt, dateLabel)}
        </>
      );
    case 'ANSWERED':
      return (
        <>
          {r.answeredAt && <> on {at(r.answeredAt, dateLabel)}</>}
          {r.rating != null && (
            <>
              {' '}
              <Stars rating={r.rating} />
            </>
          )}
        </>
      );
    case 'EXPIRED':
      return <> on {at(r.expiresAt, dateLabel)}, unanswered</>;
    case 'NOT_SENT':
      return <>: {r.notSentReason ?? 'no reason was recorded.'}</>;
    case 'CANCELLED':
      return (
        <>
          {r.cancelledAt && <> on {at(r.cancelledAt, dateLabel)}</>}: {cancelReasonText(r.cancelReason, r.channel)}
        </>
      );
  }
}

/** The request's facts: its channel, the reminders so far and the neighbours referred. */
function RequestFacts({ request: r }: { request: ProjectReviewRequest_RequestFragment }) {
  const facts: Array<[string, ReactNode]> = [
    ['Channel', r.channel ? channelLabel(r.channel) : 'None'],
    ['Reminders sent', r.remindersSent],
  ];
  if (r.referralCount > 0) facts.push(['Neighbours referred', r.referralCount]);
  return (
    <dl className={styles.requestFacts}>
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface ProjectReviewRequestProps {
  project: { id: string; status: ProjectStatus };
  request: FragmentType<typeof ProjectReviewRequestFragment> | null | undefined;
  /** Whether the viewer may ask for a review (admins, managers and sales; the server checks the team). */
  canAsk: boolean;
}

/**
 * The project's review request (made when it was completed): its status and when, channel, reminders and a link to
 * the review the answer recorded. A completed project without one offers "Ask for a review" to office roles; the new
 * request is put on the cached project, so the card shows it at once. Nothing for anyone else (field techs do not
 * see requests).
 */
export function ProjectReviewRequest({ project, request, canAsk }: ProjectReviewRequestProps) {
  const headingId = useId();
  const client = useApolloClient();
  const [ask, { loading }] = useMutation(RequestReviewMutation);
  const [messages, setMessages] = useState<string[]>([]);
  const r = getFragmentData(ProjectReviewRequestFragment, request);

  const onAsk = async () => {
    setMessages([]);
    try {
      const { data } = await ask({
        variables: { projectId: project.id },
        update(cache, { data: answer }) {
          const made = answer?.requestReview.reviewRequest;
          if (!made) return;
          cache.modify({
            id: cache.identify({ __typename: 'Project', id: project.id }),
            fields: { reviewRequest: (_current, { toReference }) => toReference(made) },
          });
        },
      });
      const errors = data?.requestReview.errors ?? [];
      setMessages(errors.map((e) => e.message));
      // Asked meanwhile (or made when the project was completed elsewhere): show the request that exists.
      if (errors.some((e) => e.code === 'CONFLICT')) {
        void client.refetchQueries({ include: [ProjectDetailQuery] }).catch(() => undefined);
      }
      if (data?.requestReview.reviewRequest) {
        // The settings' list of requests refetches when next shown.
        void client
          .refetchQueries({
            updateCache: (cache) => cache.modify({ fields: { reviewRequests: (_v, { INVALIDATE }) => INVALIDATE } }),
          })
          .catch(() => undefined);
      }
    } catch (e) {
      setMessages([failureMessage(e, 'No request was made.')]);
    }
  };

  const mayAsk = !r && canAsk && project.status === 'COMPLETED';
  if (!r && !mayAsk) return null;
  return (
    <section className={styles.request} aria-labelledby={headingId}>
      <h3 id={headingId} className={shared.legend}>
        Review request
      </h3>
      {r ? (
        <>
          <p className={styles.requestStatus}>
            <Badge tone={REQUEST_STATUS_TONE[r.status]}>{enumLabel(r.status)}</Badge>
            <span>{whenText(r)}</span>
          </p>
          <RequestFacts request={r} />
          {r.review && <Link to={`/reviews/${r.review.id}`}>Read the customer’s review</Link>}
        </>
      ) : (
        <>
          <p className={shared.muted}>No review request was made when this project was completed.</p>
          <Button variant="primary" loading={loading} onClick={() => void onAsk()}>
            Ask for a review
          </Button>
        </>
      )}
      <FormAlert messages={messages} />
    </section>
  );
}

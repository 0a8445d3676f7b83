import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { dateTimeLabel, enumLabel, timeAgo } from '../../lib/format';
import { Badge } from '../../ui';
import { directionLabel, typeLabel } from './interactionTypes';
import { TypeIcon } from './TypeIcon';
import styles from './InteractionEntry.module.css';

export const InteractionEntryFragment = graphql(`
  fragment InteractionEntry_interaction on Interaction {
    id
    type
    direction
    channel
    subject
    notes
    outcome
    occurredAt
    user {
      id
      name
    }
    customer {
      id
      name
    }
    project {
      id
      name
    }
    lead {
      id
      contactName
      status
    }
  }
`);

export interface InteractionEntryProps {
  interaction: FragmentType<typeof InteractionEntryFragment>;
  /** Link the customer and lead (office roles; field techs have no customer or lead pages). */
  officeLinks: boolean;
  /** Leave out links to the record the list is about (e.g. the project on its own page). */
  hide?: { customer?: boolean; project?: boolean };
  /** Clicking a linked record's name narrows the list to it instead of navigating (the communication log). */
  onNarrow?: (by: { customerId?: string; projectId?: string }, label: string) => void;
}

/** One entry of a communication log: kind, who, when, what it was about and what was said. */
export function InteractionEntry({ interaction: ref, officeLinks, hide = {}, onNarrow }: InteractionEntryProps) {
  const i = getFragmentData(InteractionEntryFragment, ref);
  const about: Array<{ key: string; node: ReactNode }> = [];
  if (i.customer && !hide.customer) {
    about.push({
      key: 'customer',
      node: officeLinks ? <Link to={`/customers/${i.customer.id}`}>{i.customer.name}</Link> : i.customer.name,
    });
  }
  if (i.project && !hide.project) {
    about.push({ key: 'project', node: <Link to={`/projects/${i.project.id}`}>{i.project.name}</Link> });
  }
  if (i.lead) {
    const label = `Lead${i.lead.contactName ? ` ${i.lead.contactName}` : ''} · ${enumLabel(i.lead.status)}`;
    about.push({ key: 'lead', node: officeLinks ? <Link to={`/leads/${i.lead.id}`}>{label}</Link> : label });
  }

  return (
    <article className={styles.entry} aria-label={`${typeLabel(i.type)}: ${i.subject ?? i.notes ?? ''}`}>
      <span className={styles.entryIcon} data-type={i.type} aria-hidden="true">
        <TypeIcon type={i.type} />
      </span>
      <div className={styles.entryBody}>
        <div className={styles.entryHead}>
          <span className={styles.entryType}>{typeLabel(i.type)}</span>
          {i.direction !== 'INTERNAL' && <Badge tone={i.direction === 'INBOUND' ? 'info' : 'neutral'}>{directionLabel(i.direction)}</Badge>}
          {i.outcome && <Badge tone="success">{i.outcome}</Badge>}
          <time className={styles.entryTime} dateTime={i.occurredAt} title={dateTimeLabel(i.occurredAt)}>
            {timeAgo(i.occurredAt)}
          </time>
        </div>
        {i.subject && <p className={styles.entrySubject}>{i.subject}</p>}
        {i.notes && <p className={styles.entryNotes}>{i.notes}</p>}
        <p className={styles.entryMeta}>
          <span>{i.user?.name ?? 'System'}</span>
          {i.channel && <span>via {i.channel}</span>}
          <span>{dateTimeLabel(i.occurredAt)}</span>
        </p>
        {about.length > 0 && (
          <p className={styles.entryAbout}>
            {about.map((a) => (
              <span key={a.key}>{a.node}</span>
            ))}
            {onNarrow && i.customer && !hide.customer && officeLinks && (
              <button
                type="button"
                className={styles.linkButton}
                onClick={() => onNarrow({ customerId: i.customer!.id }, i.customer!.name)}
              >
                Only this customer
              </button>
            )}
            {onNarrow && i.project && !hide.project && (
              <button
                type="button"
                className={styles.linkButton}
                onClick={() => onNarrow({ projectId: i.project!.id }, i.project!.name)}
              >
                Only this project
              </button>
            )}
          </p>
        )}
      </div>
    </article>
  );
}

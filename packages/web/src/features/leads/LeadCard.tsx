import type { DragEvent } from 'react';
import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { LeadStatus } from '../../gql/graphql';
import { enumLabel, initials, money } from '../../lib/format';
import { Badge, Select } from '../../ui';
import { ScoreBadge } from './ScoreBadge';
import { BOARD_STATUSES, statusLabel } from './statuses';
import styles from './LeadCard.module.css';

export const LeadCardFragment = graphql(`
  fragment LeadCard_lead on Lead {
    id
    contactName
    customer {
      id
      name
    }
    status
    ...LeadScore_lead @unmask
    source
    priority
    projectType
    estimatedValue
    propertyAddress {
      city
    }
    assignee {
      id
      name
    }
    updatedAt
  }
`);

/** What a drag carries: the lead's id. */
export const DRAG_TYPE = 'application/x-crm-lead';

export interface LeadCardProps {
  lead: FragmentType<typeof LeadCardFragment>;
  /** True while a status change of this card waits for the server. */
  pending?: boolean;
  onMove: (to: LeadStatus) => void;
}

export const leadName = (lead: { customer?: { name: string } | null; contactName?: string | null }) =>
  lead.customer?.name ?? lead.contactName ?? 'Unnamed lead';

/** `Riley Brooks` → `Riley B.`, to fit next to the move menu. */
const shortName = (name: string) => name.replace(/^(\S+)\s+(\S).*$/, '$1 $2.');

export function LeadCard({ lead: ref, pending = false, onMove }: LeadCardProps) {
  const lead = getFragmentData(LeadCardFragment, ref);
  const name = leadName(lead);
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(DRAG_TYPE, lead.id);
    e.dataTransfer.setData('text/plain', name);
    e.dataTransfer.effectAllowed = 'move';
  };
  const targets = BOARD_STATUSES.filter((s) => s !== lead.status).map((s) => ({ value: s, label: statusLabel(s) }));

  return (
    <article
      className={styles.card}
      draggable
      onDragStart={onDragStart}
      aria-busy={pending || undefined}
      aria-label={name}
    >
      <div className={styles.cardTop}>
        <h3 className={styles.cardName}>
          {/* Not draggable itself, so dragging the name drags the card (not the URL). */}
          <Link to={`/leads/${lead.id}`} className={styles.cardLink} draggable={false}>
            {name}
          </Link>
        </h3>
        <ScoreBadge score={lead.score} factors={lead.scoreFactors} />
      </div>
      <p className={styles.cardMeta}>
        {[lead.propertyAddress.city, lead.projectType && enumLabel(lead.projectType)].filter(Boolean).join(' · ') ||
          'No address yet'}
      </p>
      <div className={styles.cardTags}>
        <span className={styles.value}>{money(lead.estimatedValue)}</span>
        <Badge>{enumLabel(lead.source)}</Badge>
        {(lead.priority === 'URGENT' || lead.priority === 'HIGH') && (
          <Badge tone={lead.priority === 'URGENT' ? 'danger' : 'warning'}>{enumLabel(lead.priority)}</Badge>
        )}
      </div>
      <div className={styles.cardBottom}>
        <span className={styles.assignee} title={lead.assignee?.name ?? 'Unassigned'}>
          <span className={styles.avatar} aria-hidden="true">
            {lead.assignee ? initials(lead.assignee.name) : '–'}
          </span>
          {lead.assignee ? shortName(lead.assignee.name) : 'Unassigned'}
        </span>
        <Select
          label={`Move ${name} to`}
          hideLabel
          placeholder="Move to…"
          value=""
          options={targets}
          disabled={pending}
          className={styles.move}
          onChange={(e) => {
            const to = BOARD_STATUSES.find((s) => s === e.target.value);
            if (to) onMove(to);
          }}
        />
      </div>
    </article>
  );
}

import { useRef, type DragEvent, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { LeadStatus } from '../../gql/graphql';
import { enumLabel, money } from '../../lib/format';
import { Badge } from '../../ui';
import { ScoreBadge } from './ScoreBadge';
import { MoveMenu } from './MoveMenu';
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
    allowedStatuses
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

/**
 * A type a drag also carries for each stage the lead may move to, so a column knows while the card is over it
 * (drag data itself is only readable on drop) whether it takes the card.
 */
export const dragTypeTo = (status: LeadStatus) => `${DRAG_TYPE}-to-${status.toLowerCase()}`;

export interface LeadCardProps {
  lead: FragmentType<typeof LeadCardFragment>;
  /** True while a status change of this card waits for the server. */
  pending?: boolean;
  onMove: (to: LeadStatus) => void;
  /** Whether the card is its column's tab stop (a roving tabindex: one card of a column takes Tab). */
  tabStop?: boolean;
  /** The id of the text that tells what the keys do on a card. */
  keysHintId?: string;
  /**
   * Whether the card's Move menu is open. The board holds it, by lead: a card drawn anew (a live update moved it, or
   * re-sorted its column) keeps its open menu.
   */
  menuOpen: boolean;
  onMenuOpenChange: (open: boolean) => void;
}

export const leadName = (lead: { customer?: { name: string } | null; contactName?: string | null }) =>
  lead.customer?.name ?? lead.contactName ?? 'Unnamed lead';

/** `Riley Brooks` → `Riley B.`, to fit the card's one line of facts. */
const shortName = (name: string) => name.replace(/^(\S+)\s+(\S).*$/, '$1 $2.');

/**
 * A compact card: name and score, one line of facts (city, kind of work, assignee), value and priority, and the
 * Move menu. One tab stop, its name (a link to the lead): the score and the menu are reached from it by keyboard
 * (S and M; the board's arrows move between cards).
 */
export function LeadCard({
  lead: ref,
  pending = false,
  onMove,
  tabStop = true,
  keysHintId,
  menuOpen,
  onMenuOpenChange,
}: LeadCardProps) {
  const lead = getFragmentData(LeadCardFragment, ref);
  const name = leadName(lead);
  const link = useRef<HTMLAnchorElement>(null);
  const card = useRef<HTMLElement>(null);
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(DRAG_TYPE, lead.id);
    e.dataTransfer.setData('text/plain', name);
    for (const to of lead.allowedStatuses) e.dataTransfer.setData(dragTypeTo(to), '');
    e.dataTransfer.effectAllowed = 'move';
  };
  // Only the moves the server allows this viewer now (a WON lead has none), and none while one is under way.
  const canMove = lead.allowedStatuses.length > 0 && !pending;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || (e.target as HTMLElement).closest('[role="menu"]')) return;
    const key = e.key.toLowerCase();
    if ((key === 'm' && !e.shiftKey) || e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
      e.preventDefault();
      if (canMove) onMenuOpenChange(true);
    } else if (key === 's' && !e.shiftKey) {
      e.preventDefault();
      card.current?.querySelector<HTMLElement>('[data-score]')?.focus();
    }
  };
  const facts = [
    lead.propertyAddress.city,
    lead.projectType && enumLabel(lead.projectType),
    lead.assignee ? shortName(lead.assignee.name) : 'Unassigned',
  ].filter(Boolean);

  return (
    <article
      ref={card}
      className={styles.card}
      draggable
      onDragStart={onDragStart}
      onKeyDown={onKeyDown}
      aria-busy={pending || undefined}
      aria-label={name}
      data-lead-id={lead.id}
    >
      <div className={styles.cardTop}>
        <h3 className={styles.cardName}>
          {/* Not draggable itself, so dragging the name drags the card (not the URL). */}
          <Link
            ref={link}
            to={`/leads/${lead.id}`}
            className={styles.cardLink}
            draggable={false}
            tabIndex={tabStop ? 0 : -1}
            aria-describedby={keysHintId}
            data-card-link=""
          >
            {name}
          </Link>
        </h3>
        <ScoreBadge score={lead.score} factors={lead.scoreFactors} tabIndex={-1} />
      </div>
      <p className={styles.cardMeta} title={facts.join(' · ')}>
        {facts.join(' · ')}
      </p>
      <div className={styles.cardBottom}>
        <span className={styles.value}>{money(lead.estimatedValue)}</span>
        {(lead.priority === 'URGENT' || lead.priority === 'HIGH') && (
          <Badge tone={lead.priority === 'URGENT' ? 'danger' : 'warning'} className={styles.priority}>
            {enumLabel(lead.priority)}
          </Badge>
        )}
        {lead.allowedStatuses.length > 0 && (
          <MoveMenu
            name={name}
            from={lead.status}
            targets={lead.allowedStatuses}
            open={menuOpen && canMove}
            onOpenChange={onMenuOpenChange}
            onMove={onMove}
            onReturnFocus={() => link.current?.focus()}
            disabled={pending}
          />
        )}
      </div>
    </article>
  );
}

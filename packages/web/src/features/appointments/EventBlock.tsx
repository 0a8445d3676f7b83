import type { CSSProperties, DragEvent } from 'react';
import { cx } from '../../ui';
import { kindLabel, withWhom, type CalendarEvent } from './appointment';
import type { Box } from './layout';
import { enumLabel } from '../../lib/format';
import { timeLabel, timeRangeLabel } from './time';
import styles from './EventBlock.module.css';
import kinds from './calendar.module.css';

/** What a drag of an appointment carries: its id. */
export const DRAG_TYPE = 'application/x-crm-appointment';

export interface EventBlockProps {
  event: CalendarEvent;
  box: Box;
  /** Drawn short: one line. */
  compact: boolean;
  showAssignee: boolean;
  draggable: boolean;
  pending: boolean;
  onOpen: () => void;
  onDragStart: (e: DragEvent<HTMLButtonElement>) => void;
  onDragEnd: () => void;
}

/** Everything a screen reader needs to tell appointments apart. */
export function eventLabel(event: CalendarEvent): string {
  const a = event.data;
  return [
    a.title,
    timeRangeLabel(event.start, event.end),
    a.assignee?.name ?? 'Unassigned',
    enumLabel(a.status),
  ].join(', ');
}

/** One appointment in a day column: opens its details; drag it to move it. */
export function EventBlock({ event, box, compact, showAssignee, draggable, pending, onOpen, onDragStart, onDragEnd }: EventBlockProps) {
  const a = event.data;
  const style: CSSProperties = {
    top: `${box.top}%`,
    height: `${box.height}%`,
    left: `calc(${box.left}% + 1px)`,
    width: `calc(${box.width}% - 3px)`,
  };
  const who = withWhom(a);
  return (
    <button
      type="button"
      className={cx(
        styles.event,
        kinds[`kind_${a.kind}`],
        (a.status === 'CANCELLED' || a.status === 'NO_SHOW') && styles.eventOff,
        a.status === 'COMPLETED' && styles.eventDone,
        compact && styles.eventCompact,
      )}
      style={style}
      draggable={draggable && !pending}
      aria-busy={pending || undefined}
      aria-label={eventLabel(event)}
      title={[a.title, timeRangeLabel(event.start, event.end), kindLabel(a.kind), a.location].filter(Boolean).join('\n')}
      onClick={(e) => {
        e.stopPropagation();
        onOpen();
      }}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
    >
      <span className={styles.eventTime}>{timeLabel(event.start)}</span>
      <span className={styles.eventTitle}>{who && !a.title.includes(who) ? `${a.title} · ${who}` : a.title}</span>
      {showAssignee && !compact && <span className={styles.eventMeta}>{a.assignee?.name ?? 'Unassigned'}</span>}
    </button>
  );
}

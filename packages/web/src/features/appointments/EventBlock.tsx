import { useId, useRef, useState, type CSSProperties, type DragEvent } from 'react';
import { cx, useAnchoredPosition, useDismiss } from '../../ui';
import { kindLabel, withWhom, type CalendarEvent } from './appointment';
import type { Box } from './layout';
import { enumLabel } from '../../lib/format';
import { dayLabel, timeLabel, timeRangeLabel } from './time';
import styles from './EventBlock.module.css';
import kinds from './calendar.module.css';

/** What a drag of an appointment carries: its id. */
export const DRAG_TYPE = 'application/x-crm-appointment';

export interface EventBlockProps {
  event: CalendarEvent;
  box: Box;
  /** How its text fits (layout.ts `blockText`): one line, or the time, whole lines of title and the assignee. */
  text: { compact: boolean; titleLines: number; meta: boolean };
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

/**
 * One appointment in a day column: its time and title (whole lines, ellipsised), the details on hover or keyboard
 * focus (a tooltip fixed to the window, so the calendar's scrolling cannot clip it); a click opens it, drag moves it.
 */
export function EventBlock({ event, box, text, showAssignee, draggable, pending, onOpen, onDragStart, onDragEnd }: EventBlockProps) {
  const a = event.data;
  const ref = useRef<HTMLButtonElement>(null);
  const tipId = useId();
  const tip = useRef<HTMLSpanElement>(null);
  const [shown, setShown] = useState(false);
  // Beside the block (right, else left), top-aligned, inside the window.
  const tipStyle = useAnchoredPosition(shown, ref, tip, 'right-start');
  const show = () => setShown(true);
  const hide = () => setShown(false);
  useDismiss(ref, shown, hide);
  const style: CSSProperties = {
    top: `${box.top}%`,
    height: `${box.height}%`,
    left: `calc(${box.left}% + 1px)`,
    width: `calc(${box.width}% - 3px)`,
  };
  const who = withWhom(a);
  const title = who && !a.title.includes(who) ? `${a.title} · ${who}` : a.title;
  return (
    <>
      <button
        ref={ref}
        type="button"
        className={cx(
          styles.event,
          kinds[`kind_${a.kind}`],
          (a.status === 'CANCELLED' || a.status === 'NO_SHOW') && styles.eventOff,
          a.status === 'COMPLETED' && styles.eventDone,
          text.compact && styles.eventCompact,
        )}
        style={style}
        draggable={draggable && !pending}
        aria-busy={pending || undefined}
        aria-label={eventLabel(event)}
        aria-describedby={tipId}
        onMouseEnter={show}
        onMouseLeave={hide}
        onFocus={show}
        onBlur={hide}
        onClick={(e) => {
          e.stopPropagation();
          hide();
          onOpen();
        }}
        onDragStart={(e) => {
          hide();
          onDragStart(e);
        }}
        onDragEnd={onDragEnd}
      >
        <span className={styles.eventTime}>{timeLabel(event.start)}</span>
        <span className={styles.eventTitle} style={text.compact ? undefined : { WebkitLineClamp: text.titleLines }}>
          {title}
        </span>
        {showAssignee && text.meta && <span className={styles.eventMeta}>{a.assignee?.name ?? 'Unassigned'}</span>}
      </button>
      <span ref={tip} id={tipId} role="tooltip" className={styles.tip} style={tipStyle} hidden={!shown}>
        <strong className={styles.tipTitle}>{a.title}</strong>
        <span>
          {dayLabel(event.start)} · {timeRangeLabel(event.start, event.end, true)}
        </span>
        <span>
          {kindLabel(a.kind)} · {enumLabel(a.status)}
        </span>
        {who && <span>With {who}</span>}
        <span>{a.assignee ? `Attended by ${a.assignee.name}` : 'Nobody assigned yet'}</span>
        {a.location && <span>{a.location}</span>}
      </span>
    </>
  );
}

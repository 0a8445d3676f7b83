import { useMemo, useState, type DragEvent, type MouseEvent } from 'react';
import { cx } from '../../ui';
import type { CalendarEvent } from './appointment';
import { DRAG_TYPE, EventBlock } from './EventBlock';
import {
  blockText,
  boxOf,
  columnsOfDay,
  dayTrack,
  hourWindow,
  minutesAt,
  offsetOf,
  placeSideBySide,
  segmentsOfDay,
  snapMinutes,
  type HourWindow,
  type Placed,
} from './layout';
import { atMinutes, clockMinutes, dayLabel, dayOfMonth, hourLabel, longDayLabel, sameDay, timeLabel } from './time';
import styles from './TimeGrid.module.css';

/** Height of one hour, in pixels. */
export const HOUR_PX = 48;

/** The appointment being dragged and where in it the pointer holds it (minutes after its start). */
interface Drag {
  event: CalendarEvent;
  grabMinutes: number;
}

export interface TimeGridProps {
  days: readonly Date[];
  events: readonly CalendarEvent[];
  now: Date;
  /** Name the attendee on each appointment (several people are shown). */
  showAssignee: boolean;
  /** A click on an empty slot: book there. Absent for roles that cannot book. */
  onSlot?: (start: Date) => void;
  canMove: (event: CalendarEvent) => boolean;
  onMove: (event: CalendarEvent, start: Date) => void;
  onOpen: (event: CalendarEvent) => void;
  /** A click on a day's heading (week view): show that day. */
  onOpenDay?: (day: Date) => void;
  pending: ReadonlySet<string>;
}

/** Day columns by the hour: appointments placed by start and end, overlapping ones side by side. */
export function TimeGrid({ days, events, now, showAssignee, onSlot, canMove, onMove, onOpen, onOpenDay, pending }: TimeGridProps) {
  const [drag, setDrag] = useState<Drag | null>(null);
  const perDay = useMemo(() => days.map((day) => segmentsOfDay(events, day)), [days, events]);
  const placedPerDay = useMemo(() => perDay.map((segments) => placeSideBySide(segments)), [perDay]);
  const window = useMemo(() => hourWindow(perDay.flat()), [perDay]);
  const hours = Array.from({ length: window.to - window.from }, (_, i) => window.from + i);
  // Days with appointments side by side get the width those need (the grid scrolls sideways past the screen's).
  const columns = { gridTemplateColumns: `var(--gutter-w) ${placedPerDay.map((p) => dayTrack(columnsOfDay(p))).join(' ')}` };

  return (
    <div className={styles.scroller}>
      <div className={styles.grid} style={columns}>
        <div className={styles.corner} aria-hidden="true" />
        {days.map((day) => {
          const today = sameDay(day, now);
          const label = (
            <>
              <span className={styles.dayName}>{dayLabel(day).split(',')[0]}</span>
              <span className={cx(styles.dayNumber, today && styles.today)}>{dayOfMonth(day)}</span>
            </>
          );
          return (
            <div key={day.getTime()} className={styles.dayHead} aria-current={today ? 'date' : undefined}>
              {onOpenDay ? (
                <button type="button" className={styles.dayHeadButton} onClick={() => onOpenDay(day)} aria-label={`Show ${longDayLabel(day)}`}>
                  {label}
                </button>
              ) : (
                label
              )}
            </div>
          );
        })}
        <div className={styles.gutter} style={{ height: hours.length * HOUR_PX }} aria-hidden="true">
          {hours.map((h, i) => (
            <span key={h} className={cx(styles.hourLabel, i === 0 && styles.firstHour)} style={{ top: i * HOUR_PX }}>
              {hourLabel(h)}
            </span>
          ))}
        </div>
        {days.map((day, i) => (
          <DayColumn
            key={day.getTime()}
            day={day}
            placed={placedPerDay[i]!}
            window={window}
            now={sameDay(day, now) ? now : null}
            showAssignee={showAssignee}
            onSlot={onSlot}
            canMove={canMove}
            onMove={onMove}
            onOpen={onOpen}
            pending={pending}
            drag={drag}
            setDrag={setDrag}
          />
        ))}
      </div>
    </div>
  );
}

interface DayColumnProps extends Pick<TimeGridProps, 'showAssignee' | 'onSlot' | 'canMove' | 'onMove' | 'onOpen' | 'pending'> {
  day: Date;
  placed: Placed<CalendarEvent>[];
  window: HourWindow;
  /** The current time when the day is today. */
  now: Date | null;
  drag: Drag | null;
  setDrag: (drag: Drag | null) => void;
}

/** The clock minutes at the pointer in a column (unsnapped). */
const pointerMinutes = (e: MouseEvent<HTMLElement>, window: HourWindow) => {
  const rect = e.currentTarget.getBoundingClientRect();
  return rect.height > 0 && Number.isFinite(e.clientY) ? minutesAt(e.clientY - rect.top, rect.height, window, 1) : window.from * 60;
};

function DayColumn({ day, placed, window, now, showAssignee, onSlot, canMove, onMove, onOpen, pending, drag, setDrag }: DayColumnProps) {
  /** Where a dragged appointment would start (minutes), or where a click would book. */
  const [dropAt, setDropAt] = useState<number | null>(null);
  const [hoverAt, setHoverAt] = useState<number | null>(null);
  const height = (window.to - window.from) * HOUR_PX;
  const dropStart = (e: DragEvent<HTMLElement>) => snapMinutes(pointerMinutes(e, window) - (drag?.grabMinutes ?? 0));

  const onDragOver = (e: DragEvent<HTMLElement>) => {
    if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    setDropAt(dropStart(e));
  };
  const onDrop = (e: DragEvent<HTMLElement>) => {
    setDropAt(null);
    const id = e.dataTransfer.getData(DRAG_TYPE);
    const event = drag?.event.id === id ? drag.event : placed.find((p) => p.item.id === id)?.item;
    if (!event) return;
    e.preventDefault();
    const start = atMinutes(day, dropStart(e));
    setDrag(null);
    if (start.getTime() !== event.start.getTime()) onMove(event, start);
  };
  const dragLength = drag ? (drag.event.end.getTime() - drag.event.start.getTime()) / 60_000 : 0;

  return (
    <section
      className={cx(styles.dayColumn, onSlot && styles.bookable)}
      style={{ height, backgroundSize: `100% ${HOUR_PX}px` }}
      aria-label={`${longDayLabel(day)}: ${placed.length} appointment${placed.length === 1 ? '' : 's'}`}
      onClick={(e) => {
        if (!onSlot || e.target !== e.currentTarget) return;
        onSlot(atMinutes(day, Math.floor(pointerMinutes(e, window) / 30) * 30));
      }}
      onMouseMove={(e) => onSlot && !drag && setHoverAt(e.target === e.currentTarget ? Math.floor(pointerMinutes(e, window) / 30) * 30 : null)}
      onMouseLeave={() => setHoverAt(null)}
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropAt(null);
      }}
      onDrop={onDrop}
    >
      {hoverAt !== null && dropAt === null && (
        <div className={styles.slotHint} style={{ top: `${offsetOf(hoverAt, window)}%`, height: HOUR_PX / 2 }} aria-hidden="true">
          + {timeLabel(atMinutes(day, hoverAt))}
        </div>
      )}
      {placed.map((p) => {
        const box = boxOf(p, window);
        return (
          <EventBlock
            key={p.item.id}
            event={p.item}
            box={box}
            text={blockText((box.height / 100) * height, showAssignee)}
            showAssignee={showAssignee}
            draggable={canMove(p.item)}
            pending={pending.has(p.item.id)}
            onOpen={() => onOpen(p.item)}
            onDragStart={(e) => {
              const rect = e.currentTarget.getBoundingClientRect();
              const column = e.currentTarget.parentElement?.getBoundingClientRect();
              const pointer = column && column.height > 0 ? minutesAt(e.clientY - column.top, column.height, window, 1) : p.startMin;
              const grab = rect.height > 0 ? pointer - p.startMin : 0;
              const before = (atMinutes(day, p.startMin).getTime() - p.item.start.getTime()) / 60_000;
              e.dataTransfer.setData(DRAG_TYPE, p.item.id);
              e.dataTransfer.setData('text/plain', p.item.data.title);
              e.dataTransfer.effectAllowed = 'move';
              setDrag({ event: p.item, grabMinutes: Math.max(0, grab + before) });
              setHoverAt(null);
            }}
            onDragEnd={() => {
              setDrag(null);
              setDropAt(null);
            }}
          />
        );
      })}
      {dropAt !== null && drag && (
        <div
          className={styles.dropPreview}
          style={{ top: `${offsetOf(dropAt, window)}%`, height: `${(dragLength / ((window.to - window.from) * 60)) * 100}%` }}
          aria-hidden="true"
        >
          {timeLabel(atMinutes(day, dropAt))}
        </div>
      )}
      {now && clockMinutes(now) >= window.from * 60 && clockMinutes(now) < window.to * 60 && (
        <div className={styles.nowLine} style={{ top: `${offsetOf(clockMinutes(now), window)}%` }} aria-hidden="true" />
      )}
    </section>
  );
}

import { addDays, clockMinutes, MINUTES_PER_DAY } from './time';

/** Anything with a start and an end (an appointment). */
export interface Timed {
  id: string;
  start: Date;
  end: Date;
}

/** The part of an item on one day, in minutes since that day's midnight. */
export interface Segment<T extends Timed> {
  item: T;
  startMin: number;
  endMin: number;
  /** It started on an earlier day / goes on into the next day. */
  continuesBefore: boolean;
  continuesAfter: boolean;
}

/**
 * A segment with its place among the segments it overlaps: `columns` side by side, it starts in column `column` and
 * spans `span` columns (to the right, as far as nothing else is there at its time).
 */
export interface Placed<T extends Timed> extends Segment<T> {
  column: number;
  columns: number;
  span: number;
}

/** The hours a day column shows: [from, to) on the clock. */
export interface HourWindow {
  from: number;
  to: number;
}

/** Office hours, shown even on empty days. */
export const DEFAULT_HOURS: HourWindow = { from: 7, to: 20 };

/** Short appointments are drawn at least this tall (in minutes), and are laid out as if they were that long. */
export const MIN_VISIBLE_MINUTES = 20;

/** The parts of `items` that fall on `day` (a local midnight), clipped to it, earliest first. */
export function segmentsOfDay<T extends Timed>(items: readonly T[], day: Date): Segment<T>[] {
  const dayStart = day.getTime();
  const dayEnd = addDays(day, 1).getTime();
  const segments: Segment<T>[] = [];
  for (const item of items) {
    const start = item.start.getTime();
    const end = item.end.getTime();
    if (start >= dayEnd || end <= dayStart) continue;
    const continuesBefore = start < dayStart;
    const continuesAfter = end > dayEnd;
    segments.push({
      item,
      startMin: continuesBefore ? 0 : clockMinutes(item.start),
      endMin: end >= dayEnd ? MINUTES_PER_DAY : clockMinutes(item.end),
      continuesBefore,
      continuesAfter,
    });
  }
  return segments.sort((a, b) => a.startMin - b.startMin || b.endMin - a.endMin || a.item.id.localeCompare(b.item.id));
}

const visualEnd = (s: { startMin: number; endMin: number }) => Math.max(s.endMin, s.startMin + MIN_VISIBLE_MINUTES);

const overlap = (a: Segment<Timed>, b: Segment<Timed>) => a.startMin < visualEnd(b) && b.startMin < visualEnd(a);

/**
 * Places overlapping segments side by side. Segments that overlap, directly or through others, form a cluster whose
 * width is shared by as many columns as it needs; each segment takes the leftmost column free at its start and then
 * widens to the right over the columns that nothing else uses during its time. An appointment ending when another
 * starts does not overlap it.
 */
export function placeSideBySide<T extends Timed>(segments: readonly Segment<T>[]): Placed<T>[] {
  const sorted = [...segments].sort(
    (a, b) => a.startMin - b.startMin || visualEnd(b) - visualEnd(a) || a.item.id.localeCompare(b.item.id),
  );
  const placed: Placed<T>[] = [];
  let cluster: Placed<T>[] = [];
  let columnEnds: number[] = [];
  let clusterEnd = -1;
  const closeCluster = () => {
    for (const p of cluster) {
      p.columns = columnEnds.length;
      while (p.column + p.span < p.columns && !cluster.some((q) => q.column === p.column + p.span && overlap(p, q))) p.span++;
    }
    cluster = [];
    columnEnds = [];
  };
  for (const segment of sorted) {
    if (segment.startMin >= clusterEnd) closeCluster();
    let column = columnEnds.findIndex((end) => end <= segment.startMin);
    if (column === -1) column = columnEnds.push(0) - 1;
    columnEnds[column] = visualEnd(segment);
    clusterEnd = Math.max(clusterEnd, visualEnd(segment));
    const p: Placed<T> = { ...segment, column, columns: 1, span: 1 };
    cluster.push(p);
    placed.push(p);
  }
  closeCluster();
  return placed;
}

/** The office hours, widened to whole hours so that every segment shows in full. */
export function hourWindow(segments: Iterable<Segment<Timed>>, base: HourWindow = DEFAULT_HOURS): HourWindow {
  let { from, to } = base;
  for (const s of segments) {
    from = Math.min(from, Math.floor(s.startMin / 60));
    to = Math.max(to, Math.ceil(visualEnd(s) / 60));
  }
  return { from, to: Math.min(24, to) };
}

/** The narrowest an appointment side by side with others may be drawn (its time and a few words of its title), in px. */
export const MIN_EVENT_PX = 96;
/** The narrowest a day column may be, in px. */
export const MIN_DAY_PX = 104;

/** How many appointments a day puts side by side at most (1 for an empty day). */
export const columnsOfDay = (placed: ReadonlyArray<Placed<Timed>>): number => placed.reduce((n, p) => Math.max(n, p.columns), 1);

/**
 * A day column's grid track: never narrower than its side-by-side appointments need (`MIN_EVENT_PX` each, so a crowded
 * week scrolls sideways inside the calendar rather than squeezing them), and a bigger share of the free width the more
 * it puts side by side.
 */
export function dayTrack(columns: number): string {
  const n = Math.max(1, columns);
  return `minmax(${Math.max(MIN_DAY_PX, n * MIN_EVENT_PX + 4)}px, ${n}fr)`;
}

/** Line height of an appointment's text and its padding, in px (EventBlock.module.css). */
const LINE_PX = 16;
const PADDING_PX = 8;

/**
 * How an appointment block `heightPx` tall shows its text: `compact` on one line (time and title, ellipsis), else the
 * time, then as many whole lines of title as fit (the last one ellipsised, never cut through), then the assignee
 * when there is room for it.
 */
export function blockText(heightPx: number, withMeta: boolean): { compact: boolean; titleLines: number; meta: boolean } {
  if (heightPx < 40) return { compact: true, titleLines: 1, meta: false };
  const lines = Math.floor((heightPx - PADDING_PX) / LINE_PX) - 1; // the time takes one
  const meta = withMeta && lines >= 2;
  return { compact: false, titleLines: Math.max(1, lines - (meta ? 1 : 0)), meta };
}

/** Where a placed segment is drawn in its day column, in percent of the column's height and width. */
export interface Box {
  top: number;
  height: number;
  left: number;
  width: number;
}

export function boxOf(p: Placed<Timed>, window: HourWindow): Box {
  const span = (window.to - window.from) * 60;
  const top = ((p.startMin - window.from * 60) / span) * 100;
  const height = ((Math.min(visualEnd(p), window.to * 60) - p.startMin) / span) * 100;
  return { top, height, left: (p.column / p.columns) * 100, width: (p.span / p.columns) * 100 };
}

/** The position of a clock time (minutes since midnight) in a day column, in percent from the top. */
export const offsetOf = (minutes: number, window: HourWindow): number =>
  ((minutes - window.from * 60) / ((window.to - window.from) * 60)) * 100;

/**
 * The clock time (minutes since midnight) at `y` pixels from the top of a day column `height` pixels tall, rounded
 * down to `snap` minutes and kept inside the window.
 */
export function minutesAt(y: number, height: number, window: HourWindow, snap = 15): number {
  const span = (window.to - window.from) * 60;
  const raw = window.from * 60 + (Math.min(Math.max(y, 0), height) / height) * span;
  return Math.min(Math.floor(raw / snap) * snap, window.to * 60 - snap);
}

/** `minutes` rounded to the nearest `snap`. */
export const snapMinutes = (minutes: number, snap = 15): number => Math.round(minutes / snap) * snap;

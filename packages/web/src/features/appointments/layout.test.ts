import {
  blockText,
  boxOf,
  columnsOfDay,
  dayTrack,
  MIN_DAY_PX,
  MIN_EVENT_PX,
  hourWindow,
  minutesAt,
  placeSideBySide,
  segmentsOfDay,
  snapMinutes,
  type Placed,
  type Timed,
} from './layout';

const day = new Date(2026, 10, 23); // Monday, November 23, local midnight
const at = (h: number, m = 0, d = 23) => new Date(2026, 10, d, h, m);
const item = (id: string, start: Date, end: Date): Timed => ({ id, start, end });

/** `id: column/columns (span)` for each placed segment, by id. */
const layoutOf = (items: Timed[]) =>
  Object.fromEntries(
    placeSideBySide(segmentsOfDay(items, day)).map((p: Placed<Timed>) => [p.item.id, `${p.column}/${p.columns}×${p.span}`]),
  );

describe('segmentsOfDay', () => {
  it('keeps the parts of the day, in minutes since midnight, earliest first', () => {
    const segments = segmentsOfDay(
      [item('b', at(14), at(15, 30)), item('a', at(9), at(10)), item('other day', at(9, 0, 24), at(10, 0, 24))],
      day,
    );
    expect(segments.map((s) => [s.item.id, s.startMin, s.endMin])).toEqual([
      ['a', 540, 600],
      ['b', 840, 930],
    ]);
  });

  it('clips appointments running over midnight to the day and says so', () => {
    const [evening] = segmentsOfDay([item('late', at(22), at(2, 0, 24))], day);
    expect(evening).toMatchObject({ startMin: 1320, endMin: 1440, continuesBefore: false, continuesAfter: true });
    const [morning] = segmentsOfDay([item('late', at(22, 0, 22), at(2))], day);
    expect(morning).toMatchObject({ startMin: 0, endMin: 120, continuesBefore: true, continuesAfter: false });
  });

  it('ends an appointment ending at midnight with its day, not on the next one', () => {
    expect(segmentsOfDay([item('x', at(23), at(0, 0, 24))], day)[0]?.endMin).toBe(1440);
    expect(segmentsOfDay([item('x', at(23), at(0, 0, 24))], new Date(2026, 10, 24))).toEqual([]);
  });
});

describe('placeSideBySide', () => {
  it('gives appointments that do not overlap the whole width', () => {
    expect(layoutOf([item('a', at(9), at(10)), item('b', at(10), at(11)), item('c', at(13), at(14))])).toEqual({
      a: '0/1×1',
      b: '0/1×1',
      c: '0/1×1',
    });
  });

  it('puts overlapping appointments side by side, the earlier on the left', () => {
    expect(layoutOf([item('late', at(9, 30), at(10, 30)), item('early', at(9), at(10))])).toEqual({
      early: '0/2×1',
      late: '1/2×1',
    });
  });

  it('reuses a column freed in a chain of overlaps', () => {
    // a overlaps b, b overlaps c, a ends before c starts: two columns, c goes where a was.
    expect(layoutOf([item('a', at(9), at(10)), item('b', at(9, 30), at(11)), item('c', at(10), at(11))])).toEqual({
      a: '0/2×1',
      b: '1/2×1',
      c: '0/2×1',
    });
  });

  it('widens an appointment over the columns nobody uses during its time', () => {
    // a, b, c overlap at 9:30 (three columns); d after a and b only shares its time with c.
    const placed = layoutOf([
      item('a', at(9), at(10)),
      item('b', at(9), at(10)),
      item('c', at(9, 30), at(12)),
      item('d', at(10, 30), at(11, 30)),
    ]);
    expect(placed).toEqual({ a: '0/3×1', b: '1/3×1', c: '2/3×1', d: '0/3×2' });
  });

  it('lays out very short appointments as if they were 20 minutes, so their blocks do not cover each other', () => {
    expect(layoutOf([item('a', at(9), at(9, 5)), item('b', at(9, 10), at(9, 15))])).toEqual({ a: '0/2×1', b: '1/2×1' });
  });
});

describe('positions', () => {
  it('shows office hours, widened to whole hours for appointments outside them', () => {
    expect(hourWindow([])).toEqual({ from: 7, to: 20 });
    expect(hourWindow(segmentsOfDay([item('a', at(6, 30), at(7, 30)), item('b', at(20), at(21, 15))], day))).toEqual({
      from: 6,
      to: 22,
    });
  });

  it('places a block by its start and end in percent of the window, and by its column', () => {
    const window = { from: 8, to: 18 }; // 600 minutes
    const [early, late] = placeSideBySide(segmentsOfDay([item('a', at(9), at(10)), item('b', at(9, 30), at(11))], day));
    expect(boxOf(early!, window)).toEqual({ top: 10, height: 10, left: 0, width: 50 });
    expect(boxOf(late!, window)).toEqual({ top: 15, height: 15, left: 50, width: 50 });
  });

  it('turns a pointer position into a clock time, snapped down and kept inside the window', () => {
    const window = { from: 7, to: 20 }; // 13 hours over 624 px: 48 px an hour
    expect(minutesAt(0, 624, window)).toBe(420);
    expect(minutesAt(48 * 3 + 30, 624, window, 30)).toBe(600 + 30); // 10:37 → 10:30
    expect(minutesAt(48 * 3 + 30, 624, window, 15)).toBe(630); // 10:37 → 10:30
    expect(minutesAt(9999, 624, window, 30)).toBe(1170); // 19:30, the last slot
    expect(minutesAt(-5, 624, window)).toBe(420);
    expect(snapMinutes(637)).toBe(630);
    expect(snapMinutes(638)).toBe(645);
  });
});

describe('readable blocks', () => {
  it('gives a day the width of its side-by-side appointments, at least MIN_EVENT_PX each', () => {
    const placed = placeSideBySide(segmentsOfDay([item('a', at(9), at(10)), item('b', at(9), at(10)), item('c', at(9, 30), at(11))], day));
    expect(columnsOfDay(placed)).toBe(3);
    expect(columnsOfDay([])).toBe(1);
    expect(dayTrack(1)).toBe(`minmax(${MIN_DAY_PX}px, 1fr)`);
    expect(dayTrack(3)).toBe(`minmax(${3 * MIN_EVENT_PX + 4}px, 3fr)`);
    expect(MIN_EVENT_PX).toBeGreaterThanOrEqual(90);
  });

  it('fits whole lines of title into a block, one line when it is short', () => {
    expect(blockText(30, true)).toEqual({ compact: true, titleLines: 1, meta: false });
    expect(blockText(48, true)).toEqual({ compact: false, titleLines: 1, meta: false }); // an hour: time and one line
    expect(blockText(96, true)).toEqual({ compact: false, titleLines: 3, meta: true }); // two hours: room for the assignee
    expect(blockText(96, false)).toEqual({ compact: false, titleLines: 4, meta: false });
  });
});

import { EventCursor } from './eventCursor';

describe('EventCursor', () => {
  it('accepts each event id once and keeps the highest as `since`', () => {
    const cursor = new EventCursor();
    expect(cursor.since).toBeNull();
    expect(cursor.accept('12')).toBe(true);
    expect(cursor.accept('9')).toBe(true);
    expect(cursor.accept('12')).toBe(false);
    expect(cursor.since).toBe('12');
  });

  it('compares ids as numbers, beyond 2^53', () => {
    const cursor = new EventCursor();
    cursor.advance('9007199254740993');
    cursor.advance('100');
    expect(cursor.since).toBe('9007199254740993');
  });

  it('forgets the oldest ids beyond its memory, and everything on reset', () => {
    const cursor = new EventCursor(2);
    ['1', '2', '3'].forEach((id) => cursor.accept(id));
    expect(cursor.accept('1')).toBe(true);
    expect(cursor.accept('3')).toBe(false);
    cursor.reset();
    expect(cursor.since).toBeNull();
    expect(cursor.accept('3')).toBe(true);
  });
});

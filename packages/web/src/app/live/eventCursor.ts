/**
 * Where the client is in the server's event stream. Event ids are decimal strings that only grow; a re-sent event
 * keeps its id, so ids seen recently are remembered and dropped when they come again (live or from a catch-up).
 */
export class EventCursor {
  private last: bigint | null = null;
  private readonly seen = new Set<string>();

  constructor(private readonly memory = 1000) {}

  /** The id to pass to `missedEvents(since:)`; null before the first event or baseline. */
  get since(): string | null {
    return this.last === null ? null : this.last.toString();
  }

  /** True the first time an event id comes. */
  accept(eventId: string): boolean {
    if (this.seen.has(eventId)) return false;
    this.seen.add(eventId);
    if (this.seen.size > this.memory) {
      const oldest = this.seen.values().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    this.advance(eventId);
    return true;
  }

  /** Moves the cursor forward (never back). */
  advance(eventId: string): void {
    const id = BigInt(eventId);
    if (this.last === null || id > this.last) this.last = id;
  }

  reset(): void {
    this.last = null;
    this.seen.clear();
  }
}

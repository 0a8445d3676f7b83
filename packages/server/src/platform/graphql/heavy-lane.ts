/**
 * Admission for expensive operations: at most `concurrency` operations whose cost reaches `threshold` execute at
 * once; the rest wait their turn in arrival order. Cheap operations never wait. Node runs JavaScript on one core, so
 * ten heavy queries interleaved would all finish late (and past their time budget) and hold every other request
 * meanwhile; a short queue finishes them one after another and keeps the rest of the server responsive.
 */
export class HeavyLane {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly threshold: number,
    private readonly concurrency: number,
  ) {}

  /** Waits for a slot when `cost` is heavy; returns the release to call once the response is sent (or null). */
  async enter(cost: number): Promise<(() => void) | null> {
    if (cost < this.threshold) return null;
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next(); // the slot passes on directly
      else this.running--;
    };
  }
}

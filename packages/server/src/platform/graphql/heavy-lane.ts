import { queryTooComplex } from '../errors';

/**
 * Admission for expensive operations: at most `concurrency` operations whose cost reaches `threshold` execute at
 * once; the rest wait their turn in arrival order. Cheap operations never wait. Node runs JavaScript on one core, so
 * ten heavy queries interleaved would all finish late (and past their time budget) and hold every other request
 * meanwhile; a short queue finishes them one after another and keeps the rest of the server responsive.
 */
export class HeavyLane {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** Operations that left the queue because their client had gone. */
  skipped = 0;

  constructor(
    readonly threshold: number,
    private readonly concurrency: number,
  ) {}

  /**
   * Waits for a slot when `cost` is heavy; returns the release to call once the response is sent (or null). When
   * `abandoned` aborts while waiting (the client has gone), the operation leaves the queue and this rejects.
   */
  async enter(cost: number, abandoned?: AbortSignal): Promise<(() => void) | null> {
    if (cost < this.threshold) return null;
    if (this.running >= this.concurrency) await this.wait(abandoned);
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

  private wait(abandoned?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const turn = () => {
        abandoned?.removeEventListener('abort', leave);
        resolve();
      };
      const leave = () => {
        const at = this.waiting.indexOf(turn);
        if (at < 0) return;
        this.waiting.splice(at, 1);
        this.skipped++;
        reject(queryTooComplex('The client went away while its query waited for a heavy slot.', 'abandoned'));
      };
      this.waiting.push(turn);
      if (abandoned?.aborted) leave();
      else abandoned?.addEventListener('abort', leave, { once: true });
    });
  }
}

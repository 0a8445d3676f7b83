import { HeavyLane } from './heavy-lane';
import { ExecutionBudget } from './budget';

describe('HeavyLane', () => {
  it('lets cheap operations through and heavy ones in turn, in arrival order', async () => {
    const lane = new HeavyLane(100, 1);
    expect(await lane.enter(99)).toBeNull();
    const first = (await lane.enter(100))!;
    const order: string[] = [];
    const second = lane.enter(500).then((leave) => (order.push('second'), leave!));
    const third = lane.enter(500).then((leave) => (order.push('third'), leave!));
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(['second', 'third']);
  });

  it('drops a waiting operation whose client has gone; the slot passes to the next one', async () => {
    const lane = new HeavyLane(1, 1);
    const holder = (await lane.enter(1))!;
    const gone = new ExecutionBudget({ timeMs: 10_000, maxResponseBytes: 1000 });
    const abandoned = lane.enter(1, gone.abandoned);
    const next = lane.enter(1);
    gone.abandon();
    await expect(abandoned).rejects.toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'abandoned' } });
    expect(lane.skipped).toBe(1);
    holder();
    const leave = await next;
    expect(leave).toEqual(expect.any(Function));
    leave!();
  });

  it('refuses at once an operation whose client was already gone', async () => {
    const lane = new HeavyLane(1, 1);
    const holder = (await lane.enter(1))!;
    const gone = new AbortController();
    gone.abort();
    await expect(lane.enter(1, gone.signal)).rejects.toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'abandoned' } });
    holder();
  });
});

describe('ExecutionBudget.abandon', () => {
  it('stops a query at its next check and its pending load; a mutation runs on', async () => {
    const query = new ExecutionBudget({ timeMs: 10_000, maxResponseBytes: 1000 });
    const pending = query.race(new Promise(() => undefined));
    query.abandon();
    await expect(pending).rejects.toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
    expect(() => query.check()).toThrow();

    const mutation = new ExecutionBudget({ timeMs: 10_000, maxResponseBytes: 1000 });
    mutation.reset(false);
    mutation.abandon();
    expect(() => mutation.check()).not.toThrow();
    expect(mutation.abandoned.aborted).toBe(true);
  });
});

import { memoryStorage } from '../test/memoryStorage';
import { SessionStore, type Tokens } from './session';
import { createTokenManager, type RefreshOutcome } from './tokens';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const tokens = (n: number, ttlMs = 15 * 60_000): Tokens => ({
  accessToken: `at_${n}`,
  accessTokenExpiresAt: NOW + ttlMs,
  refreshToken: `rt_${n}`,
});

/** An exchange whose answers the test releases by hand, to hold refreshes in flight. */
function controlledExchange() {
  const waiting: Array<(outcome: RefreshOutcome) => void> = [];
  const exchange = jest.fn((_refreshToken: string) => new Promise<RefreshOutcome>((resolve) => waiting.push(resolve)));
  return { exchange, answer: (outcome: RefreshOutcome) => waiting.shift()?.(outcome) };
}

function setup(exchange: (refreshToken: string) => Promise<RefreshOutcome>) {
  const session = new SessionStore(memoryStorage({ 'crm.refreshToken': 'rt_1' }));
  const manager = createTokenManager({ session, exchange, now: () => NOW });
  return { session, manager };
}

describe('token manager', () => {
  afterEach(() => jest.useRealTimers());

  it('shares one refreshSession call between concurrent callers (refresh tokens are single use)', async () => {
    const { exchange, answer } = controlledExchange();
    const { session, manager } = setup(exchange);

    const results = Promise.all([manager.accessToken(), manager.refresh(), manager.accessToken(), manager.refresh()]);
    answer({ kind: 'ok', tokens: tokens(2) });

    await expect(results).resolves.toEqual(['at_2', 'at_2', 'at_2', 'at_2']);
    expect(exchange).toHaveBeenCalledTimes(1);
    expect(exchange).toHaveBeenCalledWith('rt_1');
    expect(session.refreshToken).toBe('rt_2');
    manager.stop();
  });

  it('uses the rotated refresh token for the next refresh, and no refresh while the access token is fresh', async () => {
    const { exchange, answer } = controlledExchange();
    const { manager } = setup(exchange);

    const first = manager.refresh();
    answer({ kind: 'ok', tokens: tokens(2) });
    await first;
    await expect(manager.accessToken()).resolves.toBe('at_2');
    expect(exchange).toHaveBeenCalledTimes(1);

    const second = manager.refresh();
    answer({ kind: 'ok', tokens: tokens(3) });
    await expect(second).resolves.toBe('at_3');
    expect(exchange).toHaveBeenLastCalledWith('rt_2');
    manager.stop();
  });

  it('reads the refresh token inside the lock (another tab may have rotated it meanwhile)', async () => {
    const session = new SessionStore(memoryStorage({ 'crm.refreshToken': 'rt_1' }));
    const exchange = jest.fn(async (): Promise<RefreshOutcome> => ({ kind: 'ok', tokens: tokens(9) }));
    const otherTabRotates = async <T>(task: () => Promise<T>) => {
      session.start(tokens(5));
      return task();
    };
    const manager = createTokenManager({ session, exchange, lock: otherTabRotates, now: () => NOW });

    await manager.refresh();
    expect(exchange).toHaveBeenCalledWith('rt_5');
    manager.stop();
  });

  it('ends the session as expired when the server refuses the refresh token', async () => {
    const { exchange, answer } = controlledExchange();
    const { session, manager } = setup(exchange);

    const results = Promise.all([manager.accessToken(), manager.accessToken()]);
    answer({ kind: 'refused' });

    await expect(results).resolves.toEqual([null, null]);
    expect(exchange).toHaveBeenCalledTimes(1);
    expect(session.status).toBe('expired');
    expect(session.refreshToken).toBeNull();
  });

  it('keeps the session when the server cannot be reached, and tries again on the next call', async () => {
    const exchange = jest
      .fn<Promise<RefreshOutcome>, [string]>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce({ kind: 'ok', tokens: tokens(2) });
    const { session, manager } = setup(exchange);

    await expect(manager.refresh()).rejects.toThrow('Failed to fetch');
    expect(session.status).toBe('signedIn');
    await expect(manager.refresh()).resolves.toBe('at_2');
    expect(exchange).toHaveBeenNthCalledWith(2, 'rt_1');
    manager.stop();
  });

  it('refreshes silently a minute before the access token expires', async () => {
    jest.useFakeTimers();
    const exchange = jest.fn(async (): Promise<RefreshOutcome> => ({ kind: 'ok', tokens: tokens(3) }));
    const { manager } = setup(exchange);

    manager.start(tokens(2, 5 * 60_000));
    jest.advanceTimersByTime(4 * 60_000 - 1);
    expect(exchange).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(exchange).toHaveBeenCalledWith('rt_2');
    manager.stop();
  });

  it('waits half the lifetime of a token shorter than the lead time (no refresh loop)', async () => {
    jest.useFakeTimers();
    const exchange = jest.fn(async (): Promise<RefreshOutcome> => ({ kind: 'ok', tokens: tokens(3) }));
    const { manager } = setup(exchange);

    manager.start(tokens(2, 40_000));
    jest.advanceTimersByTime(19_999);
    expect(exchange).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(exchange).toHaveBeenCalledTimes(1);
    manager.stop();
  });
});

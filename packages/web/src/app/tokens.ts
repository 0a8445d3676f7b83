import type { SessionStore, Tokens } from './session';

/** What `refreshSession` answered: new tokens, or a refusal (unknown, expired, revoked or reused token). */
export type RefreshOutcome = { kind: 'ok'; tokens: Tokens } | { kind: 'refused' };

/** Trades a refresh token; rejects only when the server could not be reached. */
export type Exchange = (refreshToken: string) => Promise<RefreshOutcome>;

/** Runs `task` exclusively (across tabs in a browser). */
export type Lock = <T>(task: () => Promise<T>) => Promise<T>;

/** Web Locks serialise refreshes across tabs sharing one refresh token; without them a tab runs alone. */
export const browserLock: Lock = (task) => {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return task();
  // The lock is held until the task settles.
  return new Promise((resolve, reject) => void locks.request('crm.refresh', () => task().then(resolve, reject)));
};

export interface TokenManagerOptions {
  session: SessionStore;
  exchange: Exchange;
  lock?: Lock;
  now?: () => number;
  /** Refresh this long before the access token expires. */
  leewayMs?: number;
}

export interface TokenManager {
  /** A usable access token (refreshing first when it is about to expire), or null when signed out. */
  accessToken(): Promise<string | null>;
  /** Refreshes now. Concurrent calls share one request: refresh tokens are single use and reuse ends the session. */
  refresh(): Promise<string | null>;
  /** Starts a session from `login` and schedules its silent refresh. */
  start(tokens: Tokens): void;
  /** Stops the refresh timer (sign-out). */
  stop(): void;
}

export function createTokenManager({
  session,
  exchange,
  lock = (task) => task(),
  now = Date.now,
  leewayMs = 60_000,
}: TokenManagerOptions): TokenManager {
  let inflight: Promise<string | null> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    clearTimeout(timer);
    const access = session.accessToken;
    if (!access) return;
    // Refresh `leewayMs` before expiry, but never sooner than half-way through a short-lived token.
    const ttl = access.expiresAt - now();
    // A failed background refresh is retried by the next request; a refused one has already ended the session.
    timer = setTimeout(() => void refresh().catch(() => undefined), Math.max(ttl / 2, ttl - leewayMs));
  };

  const run = () =>
    lock(async () => {
      // Read inside the lock: another tab may have rotated the token while this one waited.
      const refreshToken = session.refreshToken;
      if (!refreshToken) return null;
      const outcome = await exchange(refreshToken);
      if (outcome.kind === 'refused') {
        session.end('expired');
        return null;
      }
      session.start(outcome.tokens);
      schedule();
      return outcome.tokens.accessToken;
    });

  const refresh = () => {
    inflight ??= run().finally(() => {
      inflight = null;
    });
    return inflight;
  };

  return {
    refresh,
    async accessToken() {
      const access = session.accessToken;
      if (access && access.expiresAt - now() > leewayMs / 2) return access.token;
      return session.refreshToken ? refresh() : null;
    },
    start(tokens) {
      session.start(tokens);
      schedule();
    },
    stop() {
      clearTimeout(timer);
    },
  };
}

/** Tokens from `login` / `refreshSession`. */
export interface Tokens {
  accessToken: string;
  /** Epoch milliseconds. */
  accessTokenExpiresAt: number;
  refreshToken: string;
}

/** `expired`: the session ended on its own (refresh refused); the login page says so. */
export type SessionStatus = 'signedIn' | 'signedOut' | 'expired';

const REFRESH_KEY = 'crm.refreshToken';

/**
 * Where the tokens live: the access token in memory only, the refresh token also in localStorage so a reload (or
 * another tab) can resume the session. Components read the status through `subscribe`/`status`.
 */
export class SessionStore {
  private access: { token: string; expiresAt: number } | null = null;
  private current: SessionStatus;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {
    this.current = storage.getItem(REFRESH_KEY) ? 'signedIn' : 'signedOut';
  }

  /** Read at use time: another tab may have rotated it. */
  get refreshToken(): string | null {
    return this.storage.getItem(REFRESH_KEY);
  }

  get accessToken(): { token: string; expiresAt: number } | null {
    return this.access;
  }

  get status(): SessionStatus {
    return this.current;
  }

  start(tokens: Tokens): void {
    this.access = { token: tokens.accessToken, expiresAt: tokens.accessTokenExpiresAt };
    this.storage.setItem(REFRESH_KEY, tokens.refreshToken);
    this.set('signedIn');
  }

  /** Forgets the access token only, so the next request refreshes (e.g. the socket was refused with it). */
  dropAccessToken(): void {
    this.access = null;
  }

  end(reason: Exclude<SessionStatus, 'signedIn'>): void {
    this.access = null;
    this.storage.removeItem(REFRESH_KEY);
    this.set(reason);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(status: SessionStatus): void {
    if (status === this.current) return;
    this.current = status;
    this.listeners.forEach((l) => l());
  }
}

/** The token fields of `AuthPayload`, as `login` and `refreshSession` return them. */
export interface AuthTokensPayload {
  accessToken?: string | null;
  accessTokenExpiresAt?: string | null;
  refreshToken?: string | null;
}

/** Tokens from a successful payload; null when it carried none (the payload's `errors` say why). */
export function tokensFrom(payload: AuthTokensPayload | null | undefined): Tokens | null {
  if (!payload?.accessToken || !payload.refreshToken || !payload.accessTokenExpiresAt) return null;
  return {
    accessToken: payload.accessToken,
    accessTokenExpiresAt: Date.parse(payload.accessTokenExpiresAt),
    refreshToken: payload.refreshToken,
  };
}

import { useSyncExternalStore } from 'react';
import { post } from './api';

/**
 * Who the IDE calls the API as: a staff session (access + refresh token, refreshed before the access token expires) or
 * a partner's API key. Kept in sessionStorage: gone with the tab, never in localStorage.
 */
export type Credential =
  | { kind: 'staff'; email: string; accessToken: string; refreshToken: string; expiresAt: number }
  | { kind: 'key'; key: string };

const STORAGE_KEY = 'crm-ide:credential';
/** Refresh this long before the access token expires (at most a quarter of its remaining life). */
const REFRESH_AHEAD_MS = 60_000;

let current: Credential | null = load();
let problem: string | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function load(): Credential | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Credential) : null;
  } catch {
    return null;
  }
}

function set(next: Credential | null, message: string | null = null): void {
  current = next;
  problem = message;
  if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(STORAGE_KEY);
  scheduleRefresh();
  snapshot = { credential: current, problem };
  listeners.forEach((l) => l());
}

let snapshot: { credential: Credential | null; problem: string | null } = { credential: current, problem };

/** The Authorization header value of a credential. */
export function bearerOf(c: Credential | null): string | null {
  if (!c) return null;
  return `Bearer ${c.kind === 'staff' ? c.accessToken : c.key}`;
}

export function useAuth(): { credential: Credential | null; problem: string | null } {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
}

interface SessionPayload {
  accessToken: string | null;
  accessTokenExpiresAt: string | null;
  refreshToken: string | null;
  errors: Array<{ field?: string | null; code: string; message: string }>;
}

const SESSION_FIELDS = 'accessToken accessTokenExpiresAt refreshToken errors { field code message }';

function sessionOf(email: string, p: SessionPayload): Credential | string {
  if (p.errors.length || !p.accessToken || !p.refreshToken) return p.errors[0]?.message ?? 'Signing in failed.';
  const expiresAt = p.accessTokenExpiresAt ? Date.parse(p.accessTokenExpiresAt) : Date.now() + 15 * 60_000;
  return { kind: 'staff', email, accessToken: p.accessToken, refreshToken: p.refreshToken, expiresAt };
}

/** Signs in with the `login` mutation; the error message when it fails. */
export async function signIn(email: string, password: string): Promise<string | null> {
  const answer = await post<{ login: SessionPayload }>(
    `mutation IdeLogin($input: LoginInput!) { login(input: $input) { ${SESSION_FIELDS} } }`,
    { input: { email, password } },
  ).catch((err: unknown) => ({ errors: [{ message: String(err) }], data: undefined }));
  if (!answer.data) return answer.errors?.[0]?.message ?? 'Signing in failed.';
  const session = sessionOf(email, answer.data.login);
  if (typeof session === 'string') return session;
  set(session);
  return null;
}

export function setApiKey(key: string): string | null {
  const trimmed = key.trim();
  if (!/^crmk_\S+$/.test(trimmed)) return 'An API key starts with crmk_.';
  set({ kind: 'key', key: trimmed });
  return null;
}

export function signOut(): void {
  const c = current;
  set(null);
  if (c?.kind === 'staff') {
    void post('mutation IdeLogout($t: String) { logout(refreshToken: $t) { loggedOut } }', { t: c.refreshToken }, bearerOf(c) ?? undefined).catch(() => undefined);
  }
}

/** `refreshSession` with the refresh token (single use: the answer brings the next one). */
async function refresh(): Promise<void> {
  const c = current;
  if (c?.kind !== 'staff') return;
  const answer = await post<{ refreshSession: SessionPayload }>(
    `mutation IdeRefresh($t: String!) { refreshSession(refreshToken: $t) { ${SESSION_FIELDS} } }`,
    { t: c.refreshToken },
  ).catch(() => null);
  if (current !== c) return; // signed out or in again meanwhile
  const session = answer?.data ? sessionOf(c.email, answer.data.refreshSession) : 'The session could not be refreshed.';
  if (typeof session === 'string') set(null, `Signed out: ${session}`);
  else set(session);
}

function scheduleRefresh(): void {
  clearTimeout(timer);
  if (current?.kind !== 'staff') return;
  const remaining = current.expiresAt - Date.now();
  timer = setTimeout(() => void refresh(), Math.max(1_000, remaining - Math.min(REFRESH_AHEAD_MS, remaining / 4)));
}

scheduleRefresh();

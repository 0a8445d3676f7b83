import { LRUCache } from 'lru-cache';
import type { Viewer } from './viewer';

/** What a session's viewer is, apart from the access token of a request: cached by session id. */
export interface SessionViewer extends Omit<Viewer, 'accessExpiresAt'> {
  /** When the session itself expires (sessions.expires_at). */
  sessionExpiresAt: Date;
}

export interface ViewerCacheOptions {
  /** Entries kept at most (least recently used go first). */
  max: number;
  /** How long an entry is trusted at most, a safety net for a change that reached no listener; 0 turns the cache off. */
  ttlMs: number;
}

/** What a read that may fill the cache started from: `store` refuses it if anything was forgotten since. */
export type FillTicket = number;

/**
 * The viewers of live sessions, so a request needs no SQL to know who it acts for. Exact only while whoever owns it
 * forgets every change at once: a session that ends (`forgetSessions`), a user whose account changes (`forgetUser`),
 * and everything while it cannot hear such changes (`trust(false)`: nothing is read or stored until `trust(true)`,
 * which starts from empty). A read that started before a change cannot store what it read after it (`ticket`).
 */
export class ViewerCache {
  private readonly lru: LRUCache<string, SessionViewer> | null;
  /** Session ids of each user's cached viewers. */
  private readonly byUser = new Map<string, Set<string>>();
  private generation = 0;
  private trusted = false;

  constructor(options: ViewerCacheOptions) {
    this.lru =
      options.ttlMs > 0
        ? new LRUCache<string, SessionViewer>({
            max: options.max,
            ttl: options.ttlMs,
            dispose: (viewer, sessionId) => this.unindex(viewer.id, sessionId),
          })
        : null;
  }

  get enabled(): boolean {
    return this.lru !== null;
  }

  /** Entries held now. */
  get size(): number {
    return this.lru?.size ?? 0;
  }

  /** Whether the cache is used: on when its owner hears every change, off (and emptied) when it may miss some. */
  trust(trusted: boolean): void {
    if (trusted === this.trusted) return;
    this.clear();
    this.trusted = trusted;
  }

  get isTrusted(): boolean {
    return this.enabled && this.trusted;
  }

  /** The cached viewer of `sessionId`, if it is that of `userId` and the session has not expired. */
  get(sessionId: string, userId: string, now = Date.now()): SessionViewer | undefined {
    if (!this.trusted) return undefined;
    const viewer = this.lru?.get(sessionId);
    return viewer && viewer.id === userId && viewer.sessionExpiresAt.getTime() > now ? viewer : undefined;
  }

  /** Take before reading a viewer from the database; pass to `store`. */
  ticket(): FillTicket {
    return this.generation;
  }

  /** Caches what a read that started at `ticket` found, unless anything was forgotten (or trust changed) since. */
  store(ticket: FillTicket, viewer: SessionViewer): void {
    if (!this.lru || !this.trusted || ticket !== this.generation) return;
    Object.freeze(viewer.managedTeamIds);
    this.lru.set(viewer.sessionId, Object.freeze(viewer));
    let sessions = this.byUser.get(viewer.id);
    if (!sessions) this.byUser.set(viewer.id, (sessions = new Set()));
    sessions.add(viewer.sessionId);
  }

  forgetSessions(sessionIds: readonly string[]): void {
    this.generation++;
    for (const id of sessionIds) this.lru?.delete(id);
  }

  /** Forgets every session of `userId` (their account changed: role, team, name, e-mail, active, managed teams). */
  forgetUser(userId: string): void {
    this.generation++;
    const sessions = this.byUser.get(userId);
    if (sessions) this.forgetSessions([...sessions]);
  }

  clear(): void {
    this.generation++;
    this.lru?.clear();
    this.byUser.clear();
  }

  private unindex(userId: string, sessionId: string): void {
    const sessions = this.byUser.get(userId);
    if (!sessions?.delete(sessionId)) return;
    if (!sessions.size) this.byUser.delete(userId);
  }
}

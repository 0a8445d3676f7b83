import type { WebSocket } from 'ws';
import type { Logger } from '../logger';

/** What the WebSocket server needs to know about sessions (the auth service provides it; the platform knows no modules). */
export interface SessionSource {
  /** Calls `listener` with the ids of sessions that end, whichever process ended them; resolves to a function that stops it. */
  onSessionsEnded(listener: (sessionIds: string[]) => void): Promise<() => void>;
  /** Of `sessionIds`, those still in force, in one query. */
  liveSessions(sessionIds: string[]): Promise<Set<string>>;
}

export const SESSION_ENDED = { code: 4403, reason: 'Forbidden: session ended' } as const;

/** How long an ended session is remembered, for a socket whose `connection_init` was being checked when it ended. */
const REMEMBER_MS = 60_000;

/**
 * The open sockets of each session in this process. A session's sockets close with 4403 as soon as the signal says it
 * ended (logout, password change, deactivation, refresh-token reuse — on any process). As a safety net for a signal
 * that never comes, every `checkMs` the sessions of all open sockets are checked again, in one query.
 */
export class SessionSockets {
  private readonly bySession = new Map<string, Set<WebSocket>>();
  private readonly ended = new Map<string, number>(); // session id -> forget after (ms timestamp)
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => void) | null = null;
  private checking = false;
  private stopped = false;

  constructor(
    private readonly source: SessionSource,
    private readonly checkMs: number,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.timer = setInterval(() => void this.check(), this.checkMs).unref();
    try {
      const unlisten = await this.source.onSessionsEnded((ids) => this.close(ids));
      if (this.stopped) unlisten();
      else this.unlisten = unlisten;
    } catch (err) {
      this.logger.error({ err }, 'cannot listen for ended sessions; their sockets close at the next periodic check');
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.unlisten?.();
    this.unlisten = null;
  }

  /**
   * Tracks `socket` of `sessionId` until it closes; false when that session has just ended (the caller refuses the
   * connection).
   */
  add(sessionId: string, socket: WebSocket): boolean {
    if (this.ended.has(sessionId)) return false;
    if (socket.readyState === socket.CLOSED) return true; // gone while its session was checked: nothing to track
    let sockets = this.bySession.get(sessionId);
    if (!sockets) this.bySession.set(sessionId, (sockets = new Set()));
    sockets.add(socket);
    socket.once('close', () => this.remove(sessionId, socket));
    return true;
  }

  private remove(sessionId: string, socket: WebSocket): void {
    const sockets = this.bySession.get(sessionId);
    if (!sockets?.delete(socket)) return;
    if (!sockets.size) this.bySession.delete(sessionId);
  }

  /** Closes every socket of `sessionIds` now, synchronously: nothing more is sent on them. */
  close(sessionIds: string[]): void {
    const forgetAt = Date.now() + REMEMBER_MS;
    for (const id of sessionIds) {
      this.ended.set(id, forgetAt);
      const sockets = this.bySession.get(id);
      if (!sockets) continue;
      this.bySession.delete(id);
      this.logger.info({ sessionId: id, sockets: sockets.size }, 'session ended: closing its sockets');
      for (const socket of sockets) socket.close(SESSION_ENDED.code, SESSION_ENDED.reason);
    }
  }

  /** The periodic safety net: closes the sockets of sessions no longer in force. */
  async check(): Promise<void> {
    const now = Date.now();
    for (const [id, forgetAt] of this.ended) if (forgetAt <= now) this.ended.delete(id);
    if (this.checking || !this.bySession.size) return;
    this.checking = true;
    try {
      const ids = [...this.bySession.keys()];
      const live = await this.source.liveSessions(ids);
      this.close(ids.filter((id) => !live.has(id)));
    } catch (err) {
      this.logger.warn({ err }, 'periodic session check failed; will retry');
    } finally {
      this.checking = false;
    }
  }
}

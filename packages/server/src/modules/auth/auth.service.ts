import type { PubSubEngine } from 'graphql-subscriptions';
import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import type { Config } from '../../platform/config';
import { unauthenticated } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import { hashPassword, needsRehash, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from '../../platform/auth/passwords';
import { hashRefreshToken, newRefreshToken, type TokenService } from '../../platform/auth/tokens';
import type { Viewer } from '../../platform/auth/viewer';
import type { SessionViewer, ViewerCache } from '../../platform/auth/viewer-cache';
import type { CommittedEvent } from '../../platform/db/commit-hooks';
import { userError, type UserErrorData } from '../../platform/validation';
import { channelOf, type OutboxEventModel } from '../realtime/outbox-event';
import type { OutboxService } from '../realtime/outbox.service';
import { sessionRevoked } from './auth.events';
import { UserEntity } from '../users/user.entity';
import { viewerUpdated } from '../users/user.events';
import { LoginThrottle } from './login-throttle';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionEntity } from './session.entity';

export interface ClientMeta {
  userAgent?: string | null;
  ip?: string | null;
}

export type AuthResult =
  | { accessToken: string; accessTokenExpiresAt: Date; refreshToken: string; user: UserEntity; errors: [] }
  | { errors: UserErrorData[] };

const INVALID_CREDENTIALS = userError(null, 'INVALID_CREDENTIALS', 'E-mail or password is incorrect.');
const tooManyAttempts = (seconds: number) => {
  const minutes = Math.ceil(seconds / 60);
  return userError(null, 'RATE_LIMITED', `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
};
const INVALID_SESSION = userError('refreshToken', 'INVALID_SESSION', 'Your session has ended. Sign in again.');

export class AuthService {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly ds: DataSource,
    private readonly tokens: TokenService,
    private readonly jwt: Config['jwt'],
    private readonly logger: Logger,
    private readonly outbox: OutboxService,
    /** Where committed outbox events arrive in this process (`session.revoked` among them). */
    private readonly outboxEvents: PubSubEngine,
    /** Viewers by session, kept exact by `forgetViewersOf` and `followViewerChanges`. */
    private readonly viewers: ViewerCache,
  ) {
    this.throttle = new LoginThrottle(ds);
  }

  async login(email: string, password: string, meta: ClientMeta): Promise<AuthResult> {
    const ip = meta.ip ?? null;
    // Throttled attempts are refused before the password is looked at, and are not counted again.
    const wait = await this.throttle.retryAfter(email.trim(), ip);
    if (wait) {
      this.logger.warn({ ip, wait }, 'login throttled');
      return { errors: [tooManyAttempts(wait)] };
    }
    const user = await this.ds
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email: email.trim() })
      .getOne();
    // Always verify (against a dummy hash for unknown e-mails) so timing does not reveal which accounts exist.
    const valid = await verifyPassword(user?.passwordHash, password.slice(0, PASSWORD_MAX * 4));
    if (!user || !valid || !user.active) {
      this.logger.info({ userId: user?.id, reason: !user ? 'unknown' : !valid ? 'password' : 'inactive' }, 'login refused');
      await this.throttle.failed(email.trim(), ip);
      return { errors: [INVALID_CREDENTIALS] };
    }
    await this.throttle.succeeded(email.trim(), ip);
    const refresh = await this.ds.transaction(async (m) => {
      const now = new Date();
      const session = await m.getRepository(SessionEntity).save({
        userId: user.id,
        expiresAt: new Date(now.getTime() + this.jwt.refreshTtlDays * 86_400_000),
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
        ip: meta.ip?.slice(0, 64) ?? null,
      });
      const patch: Partial<UserEntity> = { lastLoginAt: now };
      if (needsRehash(user.passwordHash)) patch.passwordHash = await hashPassword(password);
      await m.getRepository(UserEntity).update(user.id, patch);
      return this.issueRefreshToken(m, session.id);
    });
    const { passwordHash: _omit, ...safeUser } = user;
    return this.signIn(Object.assign(new UserEntity(), safeUser), refresh.sessionId, refresh.token);
  }

  /** Rotates a refresh token. A token used twice revokes its whole session (family). */
  async refresh(refreshToken: string): Promise<AuthResult> {
    const outcome = await this.ds.transaction(async (m) => {
      const row = await m
        .getRepository(RefreshTokenEntity)
        .createQueryBuilder('rt')
        .innerJoinAndMapOne('rt.session', SessionEntity, 's', 's.id = rt.session_id')
        .where('rt.token_hash = :hash', { hash: hashRefreshToken(refreshToken) })
        .setLock('pessimistic_write')
        .getOne();
      const session = (row as (RefreshTokenEntity & { session?: SessionEntity }) | null)?.session;
      if (!row || !session) return null;
      if (row.usedAt) {
        await this.revokeSession(m, session.id, 'refresh_reuse');
        this.logger.warn({ sessionId: session.id, userId: session.userId }, 'refresh token reuse: session revoked');
        return null;
      }
      if (session.revokedAt || session.expiresAt <= new Date()) return null;
      const user = await m.getRepository(UserEntity).findOneBy({ id: session.userId, active: true });
      if (!user) return null;
      await m.getRepository(RefreshTokenEntity).update(row.id, { usedAt: new Date() });
      await m.getRepository(SessionEntity).update(session.id, { lastRefreshedAt: new Date() });
      return { user, ...(await this.issueRefreshToken(m, session.id)) };
    });
    if (!outcome) return { errors: [INVALID_SESSION] };
    return this.signIn(outcome.user, outcome.sessionId, outcome.token);
  }

  /** Ends the viewer's current session and/or the session of `refreshToken`. */
  async logout(viewer: Viewer | null, refreshToken?: string | null): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      let ended = false;
      if (viewer) ended = (await this.revokeSession(m, viewer.sessionId, 'logout')) || ended;
      if (refreshToken) {
        const row = await m.getRepository(RefreshTokenEntity).findOneBy({ tokenHash: hashRefreshToken(refreshToken) });
        if (row) ended = (await this.revokeSession(m, row.sessionId, 'logout')) || ended;
      }
      return ended;
    });
  }

  async changePassword(viewer: Viewer, current: string, next: string): Promise<{ changed: boolean; errors: UserErrorData[] }> {
    if (next.length < PASSWORD_MIN || next.length > PASSWORD_MAX) {
      return { changed: false, errors: [userError('newPassword', 'INVALID', `Password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`)] };
    }
    const user = await this.ds
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: viewer.id })
      .getOneOrFail();
    if (!(await verifyPassword(user.passwordHash, current))) {
      return { changed: false, errors: [userError('currentPassword', 'INVALID_CREDENTIALS', 'Current password is incorrect.')] };
    }
    const hash = await hashPassword(next);
    await this.ds.transaction(async (m) => {
      await m.getRepository(UserEntity).update(viewer.id, { passwordHash: hash });
      // Every other session ends (and its sockets close); the one that changed the password stays signed in.
      await this.endSessions(m, 'password_changed', 'user_id = :userId AND id <> :sid', { userId: viewer.id, sid: viewer.sessionId });
    });
    return { changed: true, errors: [] };
  }

  /**
   * Resolves a bearer access token to the viewer, checking the user is active and the session alive: from the viewer
   * cache when it holds the session, else with one query (then cached).
   */
  async viewerFromAccessToken(token: string): Promise<Viewer> {
    const claims = await this.tokens.verifyAccessToken(token).catch(() => null);
    if (!claims) throw unauthenticated('Your access token is invalid or has expired.');
    const cached = this.viewers.get(claims.sessionId, claims.userId);
    const viewer = cached ?? (await this.readViewer(claims.userId, claims.sessionId));
    if (!viewer) throw unauthenticated('Your session has ended. Sign in again.');
    const { sessionExpiresAt: _session, ...rest } = viewer;
    return { ...rest, accessExpiresAt: claims.expiresAt };
  }

  /** The viewer of a live session (e.g. the one a signed file URL was made for), or null once it ended or the user was deactivated. */
  async viewerOfSession(userId: string, sessionId: string): Promise<Viewer | null> {
    const viewer = this.viewers.get(sessionId, userId) ?? (await this.readViewer(userId, sessionId));
    if (!viewer) return null;
    const { sessionExpiresAt, ...rest } = viewer;
    return { ...rest, accessExpiresAt: sessionExpiresAt };
  }

  private async readViewer(userId: string, sessionId: string): Promise<SessionViewer | null> {
    const ticket = this.viewers.ticket();
    const rows: Array<{ id: string; name: string; email: string; role: Viewer['role']; team_id: string | null; managed: string[]; expires_at: Date }> =
      await this.ds.query(
        `SELECT u.id, u.name, u.email, u.role, u.team_id, s.expires_at,
                array(SELECT t.id FROM teams t WHERE t.manager_id = u.id) AS managed
           FROM users u JOIN sessions s ON s.user_id = u.id
          WHERE u.id = $1 AND s.id = $2 AND u.active AND s.revoked_at IS NULL AND s.expires_at > now()`,
        [userId, sessionId],
      );
    const row = rows[0];
    if (!row) return null;
    const viewer: SessionViewer = {
      id: row.id,
      sessionId,
      name: row.name,
      email: row.email,
      role: row.role,
      teamId: row.team_id,
      managedTeamIds: row.managed,
      sessionExpiresAt: row.expires_at,
    };
    this.viewers.store(ticket, viewer);
    return viewer;
  }

  /**
   * Forgets the cached viewers an event changes: the sessions of `session.revoked`, every session of the user of
   * `viewer.updated` (role, team, name, e-mail, active, the teams they manage). Called at commit in the process that
   * wrote the event, and from the outbox stream in every process.
   */
  forgetViewersOf(event: CommittedEvent): void {
    if (event.type === sessionRevoked.type) this.viewers.forgetSessions((event.data?.sessionIds as string[] | undefined) ?? []);
    else if (event.type === viewerUpdated.type && event.recipientId) this.viewers.forgetUser(event.recipientId);
  }

  /**
   * Keeps the viewer cache exact in this process: it hears `session.revoked` and `viewer.updated` from `stream`'s
   * engine (this one's `outboxEvents`), and is used only while the stream is live (emptied when it goes live again:
   * what was missed meanwhile is not in it). Resolves to a function that stops it.
   */
  async followViewerChanges(stream: { readonly live: boolean; onLiveChange(watcher: (live: boolean) => void): () => void }): Promise<() => void> {
    const forget = (event: OutboxEventModel) => this.forgetViewersOf(event);
    const ids = await Promise.all([sessionRevoked, viewerUpdated].map((e) => this.outboxEvents.subscribe(channelOf(e.type), forget, {})));
    const off = stream.onLiveChange((live) => this.viewers.trust(live));
    this.viewers.trust(stream.live);
    return () => {
      off();
      this.viewers.trust(false);
      ids.forEach((id) => this.outboxEvents.unsubscribe(id));
    };
  }

  /** Ends every session of a user (deactivation). Runs inside the caller's transaction. */
  async revokeAllSessions(m: EntityManager, userId: string, reason: string): Promise<void> {
    await this.endSessions(m, reason, 'user_id = :userId', { userId });
  }

  /**
   * Calls `listener` with the ids of sessions that end from now on, whichever server process ended them (the
   * `session.revoked` outbox event, written in the ending transaction). Resolves to a function that stops listening.
   */
  async onSessionsEnded(listener: (sessionIds: string[]) => void): Promise<() => void> {
    const id = await this.outboxEvents.subscribe(
      channelOf('session.revoked'),
      (event: OutboxEventModel) => {
        if (event.type === 'session.revoked') listener(event.data.sessionIds as string[]);
      },
      {},
    );
    return () => this.outboxEvents.unsubscribe(id);
  }

  /** Of `sessionIds`, those still in force (not revoked, not expired, user active): one query. */
  async liveSessions(sessionIds: string[]): Promise<Set<string>> {
    if (!sessionIds.length) return new Set();
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = ANY($1::uuid[]) AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [sessionIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  private async revokeSession(m: EntityManager, sessionId: string, reason: string): Promise<boolean> {
    return (await this.endSessions(m, reason, 'id = :sessionId', { sessionId })) > 0;
  }

  /**
   * Revokes the live sessions `where` selects (all of one user) inside the caller's transaction, and writes one
   * `session.revoked` outbox event with their ids, so every server process closes their sockets once it commits.
   */
  private async endSessions(m: EntityManager, reason: string, where: string, params: ObjectLiteral): Promise<number> {
    const res = await m
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where(`${where} AND revoked_at IS NULL`, params)
      .returning('id, user_id')
      .execute();
    const rows = res.raw as Array<{ id: string; user_id: string }>;
    if (rows.length) {
      await this.outbox.emit(m, sessionRevoked, { userId: rows[0]!.user_id, sessionIds: rows.map((r) => r.id), reason });
    }
    return rows.length;
  }

  private async issueRefreshToken(m: EntityManager, sessionId: string): Promise<{ sessionId: string; token: string }> {
    const { token, hash } = newRefreshToken();
    await m.getRepository(RefreshTokenEntity).insert({ sessionId, tokenHash: hash });
    return { sessionId, token };
  }

  private async signIn(user: UserEntity, sessionId: string, refreshToken: string): Promise<AuthResult> {
    const access = await this.tokens.issueAccessToken(user.id, sessionId);
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, user, errors: [] };
  }
}

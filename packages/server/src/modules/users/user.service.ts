import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import type { CreateUserInput, Role, UpdateProfileInput, UpdateUserInput, UserFilter } from '../../generated/graphql';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from '../../platform/auth/passwords';
import type { Viewer } from '../../platform/auth/viewer';
import { violates } from '../../platform/db/errors';
import { paginate, type Connection, type PageArgs } from '../../platform/db/pagination';
import { likePattern } from '../../platform/db/search';
import { forbidden } from '../../platform/errors';
import { Validator, type UserErrorData } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import type { AuthService } from '../auth/auth.service';
import { TeamEntity } from '../teams/team.entity';
import { viewerUpdated } from './user.events';
import { UserEntity } from './user.entity';
import { dashboardView } from '../analytics/dashboard.events';
import type { EventSink } from '../realtime/event-definition';

export type UserConnection = Connection<UserEntity>;

/** The `users` filter as the service takes it: the team's key (NO_MATCH_ID when the ID named no team). */
export interface UserListFilter extends Omit<UserFilter, 'teamId'> {
  teamId?: string | null;
}

/** `createUser`'s input as the service takes it: the team's key (NO_MATCH_ID when the ID named no team). */
export interface NewUser extends Omit<CreateUserInput, 'teamId'> {
  teamId?: string | null;
}

/** `updateUser`'s input as the service takes it: keys for IDs, `id` null when it named no user. */
export interface UserChanges extends Omit<UpdateUserInput, 'id' | 'teamId'> {
  id: string | null;
  teamId?: string | null;
}

export interface UserResult {
  user: UserEntity | null;
  errors: UserErrorData[];
}

const MANAGERS: Role[] = ['ADMIN', 'MANAGER'];

export class UserService {
  constructor(
    private readonly ds: DataSource,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly events: EventSink,
  ) {}

  /** Staff directory for admins and managers. */
  list(viewer: Viewer, args: PageArgs & { filter?: UserListFilter | null }): Promise<UserConnection> {
    this.require(viewer, MANAGERS);
    const qb = this.ds.getRepository(UserEntity).createQueryBuilder('u');
    const f = args.filter;
    if (f?.roles?.length) qb.andWhere('u.role = ANY(:roles)', { roles: f.roles });
    if (f?.active != null) qb.andWhere('u.active = :active', { active: f.active });
    if (f?.teamId === null) qb.andWhere('u.team_id IS NULL');
    else if (f?.teamId) qb.andWhere('u.team_id = :teamId', { teamId: f.teamId });
    const term = likePattern(f?.search);
    if (term) qb.andWhere(new Brackets((w) => w.where('u.name ILIKE :term', { term }).orWhere('u.email ILIKE :term', { term })));
    return paginate(qb, args, [
      { sql: 'u.created_at', direction: 'DESC', value: (u) => u.createdAt },
      { sql: 'u.id', direction: 'DESC', value: (u) => u.id },
    ]);
  }

  async get(viewer: Viewer, id: string | null): Promise<UserEntity | null> {
    this.require(viewer, MANAGERS);
    return this.find(id);
  }

  async create(viewer: Viewer, input: NewUser): Promise<UserResult> {
    this.require(viewer, ['ADMIN']);
    const v = new Validator();
    const name = v.text('name', input.name, { max: 120, required: true });
    if (input.password.length < PASSWORD_MIN || input.password.length > PASSWORD_MAX) {
      v.add('password', 'INVALID', `Password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`);
    }
    const teamId = await this.resolveTeam(v, input.teamId);
    await this.checkEmailFree(v, input.email);
    if (!v.ok) return { user: null, errors: v.errors };
    const passwordHash = await hashPassword(input.password);
    return this.uniqueEmail(() =>
      this.ds.transaction(async (m) => {
        const { identifiers } = await m
          .getRepository(UserEntity)
          .insert({ name: name!, email: input.email, role: input.role, teamId: teamId ?? null, passwordHash });
        const user = await m.getRepository(UserEntity).findOneByOrFail({ id: identifiers[0]!.id });
        await this.record(m, viewer, 'CREATE', null, user);
        return { user, errors: [] };
      }),
    );
  }

  async update(viewer: Viewer, input: UserChanges): Promise<UserResult> {
    this.require(viewer, ['ADMIN']);
    const existing = await this.find(input.id);
    const v = new Validator();
    if (!existing) {
      v.add('id', 'NOT_FOUND', 'No such user.');
      return { user: null, errors: v.errors };
    }
    const patch: Partial<UserEntity> = {};
    if (input.name !== undefined) patch.name = v.text('name', input.name, { max: 120, required: true }) ?? existing.name;
    if (input.email != null && input.email.toLowerCase() !== existing.email.toLowerCase()) {
      await this.checkEmailFree(v, input.email);
      patch.email = input.email;
    }
    if (input.role != null) {
      if (existing.id === viewer.id && input.role !== 'ADMIN') v.add('role', 'FORBIDDEN', 'You cannot remove your own admin role.');
      patch.role = input.role;
    }
    if (input.teamId !== undefined) patch.teamId = await this.resolveTeam(v, input.teamId);
    if (!v.ok) return { user: null, errors: v.errors };
    const result = await this.uniqueEmail(() =>
      this.ds.transaction(async (m) => {
        await m.getRepository(UserEntity).update(existing.id, patch);
        const user = await m.getRepository(UserEntity).findOneByOrFail({ id: existing.id });
        await this.record(m, viewer, 'UPDATE', existing, user);
        return { user, errors: [] };
      }),
    );
    return result;
  }

  /** The signed-in user changes their own name. Any role; e-mail, role and team stay with admins (`update`). */
  async updateProfile(viewer: Viewer, input: UpdateProfileInput): Promise<UserResult> {
    const existing = await this.findSelf(viewer);
    if (!existing) throw forbidden();
    const v = new Validator();
    const patch: Partial<UserEntity> = {};
    if (input.name !== undefined) patch.name = v.text('name', input.name, { max: 120, required: true }) ?? existing.name;
    if (!v.ok) return { user: null, errors: v.errors };
    if (!Object.keys(patch).length || patch.name === existing.name) return { user: existing, errors: [] };
    const user = await this.ds.transaction(async (m) => {
      await m.getRepository(UserEntity).update(existing.id, patch);
      const after = await m.getRepository(UserEntity).findOneByOrFail({ id: existing.id });
      await this.record(m, viewer, 'UPDATE', existing, after);
      return after;
    });
    return { user, errors: [] };
  }

  /** Deactivates a user and ends all their sessions in one transaction. */
  async setActive(viewer: Viewer, id: string | null, active: boolean): Promise<UserResult> {
    this.require(viewer, ['ADMIN']);
    const existing = await this.find(id);
    const v = new Validator();
    if (!existing) v.add('id', 'NOT_FOUND', 'No such user.');
    else if (!active && existing.id === viewer.id) v.add('id', 'FORBIDDEN', 'You cannot deactivate yourself.');
    if (!v.ok || !existing) return { user: null, errors: v.errors };
    await this.ds.transaction(async (m) => {
      await m.getRepository(UserEntity).update(existing.id, { active, deactivatedAt: active ? null : new Date() });
      if (!active) await this.auth.revokeAllSessions(m, existing.id, 'deactivated');
      await this.record(m, viewer, 'UPDATE', existing, await m.getRepository(UserEntity).findOneByOrFail({ id: existing.id }));
    });
    return { user: await this.find(id), errors: [] };
  }

  /** A user as seen by themselves (subscriptions, `me`). */
  findSelf(viewer: Viewer): Promise<UserEntity | null> {
    return this.ds.getRepository(UserEntity).findOneBy({ id: viewer.id });
  }

  private async record(m: EntityManager, viewer: Viewer, action: 'CREATE' | 'UPDATE', before: UserEntity | null, after: UserEntity): Promise<void> {
    // Names, roles and teams of staff appear on the dashboard (leaderboard): a recorded change makes it stale.
    if (await this.audit.record(m, viewer, { entityType: 'User', entityId: after.id, action, before, after, teamId: after.teamId })) {
      await this.events.stale(m, dashboardView, after.teamId);
      // The user hears of changes to their own account (`viewerUpdated`), committed with the change.
      if (action === 'UPDATE') await this.events.emit(m, viewerUpdated, { userId: after.id });
    }
  }

  private require(viewer: Viewer, roles: Role[]): void {
    if (!roles.includes(viewer.role)) throw forbidden();
  }

  private find(id: string | null): Promise<UserEntity | null> {
    return id ? this.ds.getRepository(UserEntity).findOneBy({ id }) : Promise.resolve(null);
  }

  private async resolveTeam(v: Validator, teamId: string | null | undefined): Promise<string | null | undefined> {
    if (teamId === undefined || teamId === null) return teamId;
    if (teamId && (await this.ds.getRepository(TeamEntity).existsBy({ id: teamId }))) return teamId;
    v.add('teamId', 'NOT_FOUND', 'No such team.');
    return undefined;
  }

  private async checkEmailFree(v: Validator, email: string): Promise<void> {
    const taken = await this.ds
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .getExists();
    if (taken) v.add('email', 'TAKEN', 'Another user already has this e-mail address.');
  }

  /** Maps a race on the unique e-mail index to the same TAKEN error as the pre-check. */
  private async uniqueEmail(run: () => Promise<UserResult>): Promise<UserResult> {
    try {
      return await run();
    } catch (err) {
      if (violates(err, 'users_email_key')) {
        const v = new Validator();
        v.add('email', 'TAKEN', 'Another user already has this e-mail address.');
        return { user: null, errors: v.errors };
      }
      throw err;
    }
  }
}

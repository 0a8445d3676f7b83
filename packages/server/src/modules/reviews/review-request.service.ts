import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { MessageChannel, ReviewRequestStatus, ReviewSettingsInput } from '../../generated/graphql';
import { applyScope, canWriteTeamRecord } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { fetchOne } from '../../platform/db/hydrate';
import { paginate, type Connection, type PageArgs } from '../../platform/db/pagination';
import { forbidden } from '../../platform/errors';
import { userError, Validator, type UserErrorData } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import type { MessageService } from '../messages/message.service';
import { projectScope } from '../projects/project.policy';
import { ProjectEntity } from '../projects/project.entity';
import type { EventSink } from '../realtime/event-definition';
import { readSetting, writeSetting } from '../settings/setting-store';
import { ReviewRequestEntity } from './review-request.entity';
import { reviewRequestUpdated } from './review-request.events';
import { reviewRequestScope } from './review-request.policy';
import { requestStatusSql } from './review-request.sql';
import { changedReviewSettings, REVIEW_SETTINGS_KEY, reviewSettingsFrom, type ReviewSettingsValue } from './review-settings';

export type ReviewRequestConnection = Connection<ReviewRequestEntity>;
/** What GraphQL's `ReviewSettings` resolves from. */
export type ReviewSettingsModel = ReviewSettingsValue & { updatedAt: Date | null; updatedById: string | null };

export interface ReviewRequestListFilter {
  statuses?: ReviewRequestStatus[] | null;
  projectId?: string | null;
  customerId?: string | null;
}

export interface ReviewRequestResult {
  reviewRequest: ReviewRequestEntity | null;
  errors: UserErrorData[];
}

const DAY_MS = 86_400_000;

/** The SHA-256 of a rating-page token: all that is stored of it. */
export const tokenHash = (token: string): Buffer => createHash('sha256').update(token).digest();

/** `{customer}`, `{company}` and `{project}` in the company's text, filled in. */
export const fillMessage = (text: string, values: { customer: string; company: string; project: string }): string =>
  text.replace(/\{(customer|company|project)\}/g, (_, k: keyof typeof values) => values[k]);

/**
 * Review requests: made when a project is completed (or asked for by hand), once per project, with the request and
 * its reminders queued as messages in that transaction; the rating-page token goes only into those messages.
 */
export class ReviewRequestService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly messages: MessageService,
    private readonly events: EventSink,
    private readonly brand: { companyName: string; publicUrl: string },
  ) {}

  async settings(viewer: Viewer): Promise<ReviewSettingsModel> {
    if (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER') throw forbidden();
    const stored = await readSetting(this.ds.manager, REVIEW_SETTINGS_KEY);
    return { ...reviewSettingsFrom(stored.value), updatedAt: stored.updatedAt, updatedById: stored.updatedById };
  }

  /** Admins: changes the settings (audited); requests already made keep their schedule. */
  async updateSettings(viewer: Viewer, input: ReviewSettingsInput): Promise<{ settings: ReviewSettingsModel | null; errors: UserErrorData[] }> {
    if (viewer.role !== 'ADMIN') throw forbidden();
    try {
      const saved = await this.ds.transaction((m) =>
        writeSetting(m, this.audit, viewer, REVIEW_SETTINGS_KEY, reviewSettingsFrom, (current) => {
          const v = new Validator();
          const next = changedReviewSettings(v, current, input);
          if (!v.ok) throw new RefusedSettings(v.errors); // rolls the transaction back
          return next;
        }),
      );
      return { settings: { ...saved.value, updatedAt: saved.updatedAt, updatedById: viewer.id }, errors: [] };
    } catch (err) {
      if (err instanceof RefusedSettings) return { settings: null, errors: err.errors };
      throw err;
    }
  }

  /** Called in the transaction that completed a project: makes its request when requests are on. */
  async projectCompleted(m: EntityManager, project: ProjectEntity): Promise<void> {
    const settings = reviewSettingsFrom((await readSetting(m, REVIEW_SETTINGS_KEY)).value);
    if (settings.enabled) await this.make(m, project, settings, null);
  }

  /** Asks for a review of a completed project by hand (once per project). Admins, managers and sales of its team. */
  async request(viewer: Viewer, projectId: string | null): Promise<ReviewRequestResult> {
    const refuse = (code: UserErrorData['code'], message: string) => ({ reviewRequest: null, errors: [userError('projectId', code, message)] });
    const project = projectId
      ? await fetchOne(applyScope(this.ds.getRepository(ProjectEntity).createQueryBuilder('p'), projectScope(viewer, 'p')).andWhere('p.id = :id AND p.deleted_at IS NULL', { id: projectId }))
      : null;
    if (!project) return refuse('NOT_FOUND', 'No such project.');
    if (!canWriteTeamRecord(viewer, project)) return refuse('FORBIDDEN', 'You may not ask for reviews of this project.');
    if (project.status !== 'COMPLETED') return refuse('INVALID_TRANSITION', 'Only a completed project can be reviewed.');
    const settings = reviewSettingsFrom((await readSetting(this.ds.manager, REVIEW_SETTINGS_KEY)).value);
    return this.ds.transaction(async (m) => {
      const made = await this.make(m, project, settings, viewer);
      return made ? { reviewRequest: made, errors: [] } : refuse('CONFLICT', 'This project already has a review request.');
    });
  }

  get(viewer: Viewer, id: string | null): Promise<ReviewRequestEntity | null> {
    if (!id) return Promise.resolve(null);
    return fetchOne(this.visible(viewer).andWhere('rr.id = :id', { id }));
  }

  /** Requests the viewer may see, newest first. */
  list(viewer: Viewer, args: PageArgs & { filter?: ReviewRequestListFilter | null }): Promise<ReviewRequestConnection> {
    const qb = this.visible(viewer);
    const f = args.filter;
    if (f?.statuses?.length) qb.andWhere(`${requestStatusSql('rr')} = ANY(:statuses)`, { statuses: f.statuses });
    if (f?.projectId) qb.andWhere('rr.project_id = :projectId', { projectId: f.projectId });
    if (f?.customerId) qb.andWhere('rr.customer_id = :customerId', { customerId: f.customerId });
    return paginate(qb, args, [
      { sql: 'rr.created_at', direction: 'DESC', value: (r) => r.createdAt },
      { sql: 'rr.id', direction: 'DESC', value: (r) => r.id },
    ]);
  }

  private visible(viewer: Viewer) {
    return applyScope(this.ds.getRepository(ReviewRequestEntity).createQueryBuilder('rr'), reviewRequestScope(viewer, 'rr'));
  }

  /**
   * The project's request, unless it has one: by e-mail when the customer has an address and opted in, else by SMS
   * likewise, else recorded as NOT_SENT. The request and its reminders are queued now, each for its time.
   */
  private async make(m: EntityManager, project: ProjectEntity, settings: ReviewSettingsValue, viewer: Viewer | null): Promise<ReviewRequestEntity | null> {
    const [customer]: Array<{ id: string; name: string; email: string | null; phone: string | null; email_opt_in: boolean; sms_opt_in: boolean }> = await m.query(
      `SELECT id, name, email, phone, email_opt_in, sms_opt_in FROM customers WHERE id = $1 AND deleted_at IS NULL`,
      [project.customerId],
    );
    const channel: MessageChannel | null = customer?.email && customer.email_opt_in ? 'EMAIL' : customer?.phone && customer.sms_opt_in ? 'SMS' : null;
    const sendAt = new Date(Date.now() + settings.delayHours * 3_600_000);
    const token = channel ? randomBytes(32).toString('base64url') : null;
    const [created]: Array<{ id: string }> = await m.query(
      `INSERT INTO review_requests (project_id, customer_id, team_id, token_hash, channel, status, not_sent_reason, send_at, expires_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (project_id) DO NOTHING RETURNING id`,
      [
        project.id,
        customer?.id ?? null,
        project.teamId,
        token ? tokenHash(token) : null,
        channel,
        channel ? 'PENDING' : 'NOT_SENT',
        channel ? null : customer ? 'The customer has not opted in to e-mail or SMS (or has no address for them).' : 'The project has no active customer.',
        sendAt,
        new Date(sendAt.getTime() + settings.expiryDays * DAY_MS),
        viewer?.id ?? null,
      ],
    );
    if (!created) return null;
    if (channel && token && customer) {
      const message = fillMessage(settings.messageText, { customer: customer.name, company: this.brand.companyName, project: project.name });
      const times = [sendAt, ...settings.reminderDays.map((d) => new Date(sendAt.getTime() + d * DAY_MS))];
      const ids: string[] = [];
      for (const [i, at] of times.entries()) {
        const sent = await this.messages.enqueue(m, {
          channel,
          to: channel === 'EMAIL' ? customer.email! : customer.phone!,
          template: 'review-request',
          data: { customerName: customer.name, message, reviewUrl: `${this.brand.publicUrl}/review/${token}`, reminder: i > 0 },
          purpose: 'REVIEW',
          customerId: customer.id,
          projectId: project.id,
          teamId: project.teamId,
          at,
        });
        ids.push(sent.id);
      }
      await m.query('UPDATE review_requests SET message_ids = $2 WHERE id = $1', [created.id, ids]);
    }
    const row = await m.getRepository(ReviewRequestEntity).findOneByOrFail({ id: created.id });
    await this.audit.record(m, viewer, { entityType: 'ReviewRequest', entityId: row.id, action: 'CREATE', before: null, after: { projectId: row.projectId, channel: row.channel, status: row.status, sendAt: row.sendAt }, teamId: row.teamId });
    await this.events.emit(m, reviewRequestUpdated, { id: row.id, teamId: row.teamId, change: 'CREATED' });
    return row;
  }
}

/** Settings refused by validation: rolls their transaction back. */
class RefusedSettings extends Error {
  constructor(readonly errors: UserErrorData[]) {
    super('refused');
  }
}

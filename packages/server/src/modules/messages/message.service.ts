import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { MessageChannel, MessageFilter, MessagePurpose, MessageStatus } from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import { viewerTeamIds } from '../../platform/auth/viewer';
import { paginate, type Connection, type PageArgs } from '../../platform/db/pagination';
import { likePattern } from '../../platform/db/search';
import { forbidden } from '../../platform/errors';
import type { JobSender } from '../../platform/jobs/job-queue';
import type { Logger } from '../../platform/logger';
import type { AuditRecorder } from '../../platform/db/entity-writer';
import type { Messenger } from '../../platform/messaging/messenger';
import { MessageEntity } from './message.entity';
import { quietHoursEnd } from './quiet-hours';
import { render, type TemplateData, type TemplateName } from './templates';

export const SEND_JOB = 'message-send';
export const SWEEP_JOB = 'message-sweep';
/** A queued message this long past due, with no attempt or lease in that time, has lost its job: the sweep requeues it. */
export const STUCK_AFTER = "interval '15 minutes'";
/** How long one send may hold a message (longer than the job's expiry and the transports' timeouts). */
const LEASE = "interval '3 minutes'";

export type MessageConnection = Connection<MessageEntity>;

export interface MessageSettings {
  companyName: string;
  timeZone: string;
  /** Where links in messages point (no trailing slash). */
  publicUrl: string;
}

/** A message to queue: its channel, recipient, template and data, why it is sent and what it concerns. */
export interface EnqueueInput<K extends TemplateName> {
  channel: MessageChannel;
  to: string;
  template: K;
  data: TemplateData<K>;
  /** Default TRANSACTIONAL. MARKETING and REVIEW need `customerId` and that customer's opt-in for the channel. */
  purpose?: MessagePurpose;
  customerId?: string | null;
  leadId?: string | null;
  projectId?: string | null;
  /** Whose managers see it in the log. */
  teamId?: string | null;
  /** Not before this time (SMS: the end of the quiet hours around it when it falls in them); now when omitted. */
  at?: Date | null;
}

/** The `messages` filter as the service takes it (customer key, NO_MATCH_ID when the ID named nothing). */
export interface MessageListFilter extends Omit<MessageFilter, 'customerId'> {
  customerId?: string | null;
}

export type SendOutcome = 'sent' | 'retrying' | 'failed' | 'suppressed' | 'cancelled' | 'not-queued' | 'held';

/** A message the send job has claimed, as a purpose's check sees it. */
export interface ClaimedMessage {
  id: string;
  channel: MessageChannel;
  customerId: string | null;
  projectId: string | null;
}

/** Why a claimed message must not go out: it ends as `status` (CANCELLED: withdrawn; SUPPRESSED: no consent) with `error`. */
export interface Withdrawal {
  status: 'CANCELLED' | 'SUPPRESSED';
  error: string;
}

/** What other features check before their messages go out (wired by the composition root). */
export interface MessageHooks {
  /**
   * Per purpose: runs in the transaction that claims a message for its send (the message row locked), before the
   * consent check. A withdrawal ends the message instead of sending it; whatever the check wrote commits with that.
   */
  beforeSend?: Partial<Record<MessagePurpose, (m: EntityManager, message: ClaimedMessage) => Promise<Withdrawal | null>>>;
}

type ClaimedRow = Record<string, unknown> & { id: string; channel: MessageChannel; purpose: MessagePurpose; attempts: number };

/** Replies that opt out of SMS (and, after STOP, back in), as carriers require. */
const STOP_WORDS = /^\s*(stop|stopall|unsubscribe|cancel|end|quit)\s*$/i;
const START_WORDS = /^\s*(start|unstop|yes)\s*$/i;

const CONSENT_COLUMN: Record<MessageChannel, string> = { EMAIL: 'email_opt_in', SMS: 'sms_opt_in' };
/** Why a message that needs consent was not sent after all. */
export const OPTED_OUT = 'The customer opted out before it was sent.';

/**
 * Outgoing e-mail and SMS. `enqueue` renders the message and writes it with its `message-send` job in the caller's
 * transaction (so it goes out exactly when the change that caused it commits); the job hands it to the transport,
 * outside any request, and retries failures. Marketing and review messages need the customer's opt-in, checked when
 * queued and again when sent; a purpose may add its own check at send time (`MessageHooks.beforeSend`: review
 * requests re-check their project and customer); SMS wait out the quiet hours.
 */
export class MessageService {
  /** The clock (tests move it into the quiet hours). */
  now: () => Date = () => new Date();

  constructor(
    private readonly ds: DataSource,
    private readonly jobs: JobSender,
    private readonly messenger: Messenger,
    private readonly audit: AuditRecorder,
    private readonly settings: MessageSettings,
    readonly retryLimit: number,
    private readonly logger: Logger,
    private readonly hooks: MessageHooks = {},
  ) {}

  async enqueue<K extends TemplateName>(m: EntityManager, input: EnqueueInput<K>): Promise<MessageEntity> {
    const purpose = input.purpose ?? 'TRANSACTIONAL';
    const needsConsent = purpose !== 'TRANSACTIONAL';
    const token = needsConsent && input.channel === 'EMAIL' ? randomBytes(24).toString('base64url') : null;
    const rendered = render(input.template, input.data, {
      companyName: this.settings.companyName,
      unsubscribeUrl: token && `${this.settings.publicUrl}/unsubscribe/${token}`,
    });
    const consented = !needsConsent || (await this.consented(m, input.customerId ?? null, input.channel));
    const at = input.at && input.at.getTime() > this.now().getTime() ? input.at : null;
    const sendAfter = (input.channel === 'SMS' ? quietHoursEnd(at ?? this.now(), this.settings.timeZone) : null) ?? at;
    const repo = m.getRepository(MessageEntity);
    const row = repo.create({
      channel: input.channel,
      purpose,
      recipient: input.to,
      template: input.template,
      subject: input.channel === 'EMAIL' ? rendered.subject : null,
      text: input.channel === 'EMAIL' ? rendered.text : rendered.sms,
      html: input.channel === 'EMAIL' ? rendered.html : null,
      status: consented ? 'QUEUED' : 'SUPPRESSED',
      error: consented ? null : `The customer has not opted in to ${input.channel === 'EMAIL' ? 'e-mail' : 'SMS'} for ${purpose.toLowerCase()} messages.`,
      customerId: input.customerId ?? null,
      leadId: input.leadId ?? null,
      projectId: input.projectId ?? null,
      teamId: input.teamId ?? null,
      unsubscribeToken: token,
      sendAfter,
    });
    await repo.insert(row);
    if (consented) await this.jobs.send(SEND_JOB, { messageId: row.id }, { within: m, ...(sendAfter ? { startAfter: sendAfter } : {}) });
    return row;
  }

  /**
   * Withdraws queued messages in the caller's transaction (their jobs then find nothing to send); how many. A message
   * a send holds (its lease running) is on its way out and is left to it: that send's checks or outcome decide.
   */
  async cancel(m: EntityManager, ids: readonly string[], reason: string): Promise<number> {
    if (!ids.length) return 0;
    const [, count]: [unknown, number] = await m.query(
      `UPDATE messages SET status = 'CANCELLED', error = $2
        WHERE id = ANY($1::uuid[]) AND status = 'QUEUED' AND (lease_until IS NULL OR lease_until < now())`,
      [ids, reason.slice(0, 500)],
    );
    return count;
  }

  /** One attempt of the `message-send` job; a failure before the last attempt throws, so the queue retries it. */
  async send(messageId: string): Promise<SendOutcome> {
    const claimed = await this.ds.transaction((m) => this.claim(m, messageId));
    if (typeof claimed === 'string') return claimed;
    const row = claimed;
    try {
      const sent =
        row.channel === 'EMAIL'
          ? await this.messenger.email({
              to: row.recipient as string,
              subject: row.subject as string,
              text: row.text as string,
              html: row.html as string,
              headers: row.unsubscribe_token ? this.unsubscribeHeaders(row.unsubscribe_token as string) : undefined,
            })
          : await this.messenger.sms({ to: row.recipient as string, body: row.text as string });
      await this.finish(this.ds.manager, messageId, 'SENT', { provider: sent.provider, providerId: sent.providerId });
      return 'sent';
    } catch (err) {
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const final = row.attempts > this.retryLimit;
      await this.finish(this.ds.manager, messageId, final ? 'FAILED' : 'QUEUED', { error });
      this.logger.warn({ messageId, attempt: row.attempts, final, error }, 'message not sent');
      if (!final) throw err;
      return 'failed';
    }
  }

  /**
   * Claims a queued message for one send (a lease), then checks in the same transaction that it may still go: its
   * purpose's own check (`hooks.beforeSend`), then the customer's consent for marketing and review messages. The row
   * to send, or why there is none: another send holds it, it is no longer queued, or it was withdrawn or suppressed.
   */
  private async claim(m: EntityManager, messageId: string): Promise<ClaimedRow | SendOutcome> {
    const [[row]]: [ClaimedRow[]] = await m.query(
      `UPDATE messages SET attempts = attempts + 1, attempted_at = now(), lease_until = now() + ${LEASE}
        WHERE id = $1 AND status = 'QUEUED' AND (lease_until IS NULL OR lease_until < now()) RETURNING *`,
      [messageId],
    );
    if (!row) {
      const [still] = await m.query(`SELECT 1 FROM messages WHERE id = $1 AND status = 'QUEUED'`, [messageId]);
      return still ? 'held' : 'not-queued';
    }
    const customerId = row.customer_id as string | null;
    const check = this.hooks.beforeSend?.[row.purpose];
    const withdrawal: Withdrawal | null =
      (check ? await check(m, { id: row.id, channel: row.channel, customerId, projectId: row.project_id as string | null }) : null) ??
      (row.purpose !== 'TRANSACTIONAL' && !(await this.consented(m, customerId, row.channel)) ? { status: 'SUPPRESSED', error: OPTED_OUT } : null);
    if (!withdrawal) return row;
    await this.finish(m, messageId, withdrawal.status, { error: withdrawal.error });
    return withdrawal.status === 'SUPPRESSED' ? 'suppressed' : 'cancelled';
  }

  /** Turns off the opt-in named by an unsubscribe token (audited); the customer, or null for an unknown token. */
  async unsubscribe(token: string): Promise<{ customerId: string } | null> {
    if (!/^[\w-]{20,64}$/.test(token)) return null;
    const [msg]: Array<{ customer_id: string | null; channel: MessageChannel }> = await this.ds.query(
      `SELECT customer_id, channel FROM messages WHERE unsubscribe_token = $1`,
      [token],
    );
    if (!msg?.customer_id) return null;
    await this.ds.transaction((m) => this.setConsent(m, msg.channel, false, 'id = $1', [msg.customer_id]));
    this.logger.info({ customerId: msg.customer_id, channel: msg.channel }, 'customer unsubscribed');
    return { customerId: msg.customer_id };
  }

  /**
   * An inbound SMS: STOP (and its usual synonyms) turns off the SMS opt-in of every customer with that number; START
   * (UNSTOP, YES) turns it back on. Each change is audited.
   */
  async inboundSms(from: string, body: string): Promise<{ optedOut: number; optedIn: number }> {
    const stop = STOP_WORDS.test(body);
    if (!stop && !START_WORDS.test(body)) return { optedOut: 0, optedIn: 0 };
    const changed = await this.ds.transaction((m) => this.setConsent(m, 'SMS', !stop, 'phone = $1', [from.trim()]));
    this.logger.info({ changed, stop }, stop ? 'SMS STOP received' : 'SMS START received');
    return stop ? { optedOut: changed, optedIn: 0 } : { optedOut: 0, optedIn: changed };
  }

  /** Requeues queued messages whose job was lost (see STUCK_AFTER); how many. Run by the `message-sweep` job. */
  async sweep(): Promise<{ requeued: number }> {
    const stuck: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM messages
        WHERE status = 'QUEUED' AND coalesce(send_after, created_at) < now() - ${STUCK_AFTER}
          AND (attempted_at IS NULL OR attempted_at < now() - ${STUCK_AFTER}) AND (lease_until IS NULL OR lease_until < now())
        ORDER BY coalesce(send_after, created_at) LIMIT 500`,
    );
    for (const { id } of stuck) await this.jobs.send(SEND_JOB, { messageId: id });
    if (stuck.length) this.logger.warn({ requeued: stuck.length }, 'queued messages without a job were requeued');
    return { requeued: stuck.length };
  }

  /** Sets a channel's opt-in of the customers `where` picks (and not already so), with an audit entry each (no actor: the customer). */
  private async setConsent(m: EntityManager, channel: MessageChannel, on: boolean, where: string, params: unknown[]): Promise<number> {
    const column = CONSENT_COLUMN[channel];
    const field = channel === 'EMAIL' ? 'emailOptIn' : 'smsOptIn';
    const [rows]: [Array<{ id: string; team_id: string | null }>] = await m.query(
      `UPDATE customers SET ${column} = $${params.length + 1}, updated_at = now() WHERE ${where} AND ${column} <> $${params.length + 1} AND deleted_at IS NULL RETURNING id, team_id`,
      [...params, on],
    );
    for (const c of rows) {
      await this.audit.record(m, null, { entityType: 'Customer', entityId: c.id, action: 'UPDATE', before: { [field]: !on }, after: { [field]: on }, teamId: c.team_id });
    }
    return rows.length;
  }

  list(viewer: Viewer, args: PageArgs & { filter?: MessageListFilter | null }): Promise<MessageConnection> {
    const qb = this.visible(viewer);
    const f = args.filter;
    if (f?.channels?.length) qb.andWhere('msg.channel = ANY(:channels)', { channels: f.channels });
    if (f?.statuses?.length) qb.andWhere('msg.status = ANY(:statuses)', { statuses: f.statuses });
    if (f?.customerId) qb.andWhere('msg.customer_id = :customer', { customer: f.customerId });
    const like = likePattern(f?.recipient);
    if (like) qb.andWhere(`lower(msg.recipient) LIKE :like ESCAPE '\\'`, { like });
    return paginate(qb, args, [
      { sql: 'msg.created_at', direction: 'DESC', value: (e) => e.createdAt },
      { sql: 'msg.id', direction: 'DESC', value: (e) => e.id },
    ]);
  }

  get(viewer: Viewer, id: string | null): Promise<MessageEntity | null> {
    if (!id || (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER')) return Promise.resolve(null);
    return this.visible(viewer).andWhere('msg.id = :id', { id }).getOne();
  }

  /** Admins see every message; managers those of their teams. */
  private visible(viewer: Viewer) {
    if (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER') throw forbidden();
    const qb = this.ds.getRepository(MessageEntity).createQueryBuilder('msg');
    if (viewer.role === 'MANAGER') qb.andWhere('msg.team_id = ANY(:teams)', { teams: viewerTeamIds(viewer) });
    return qb;
  }

  private async consented(m: EntityManager, customerId: string | null, channel: MessageChannel): Promise<boolean> {
    if (!customerId) return false;
    const [c]: Array<{ ok: boolean }> = await m.query(`SELECT ${CONSENT_COLUMN[channel]} AS ok FROM customers WHERE id = $1 AND deleted_at IS NULL`, [customerId]);
    return c?.ok === true;
  }

  private unsubscribeHeaders(token: string): Record<string, string> {
    return { 'List-Unsubscribe': `<${this.settings.publicUrl}/unsubscribe/${token}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
  }

  private async finish(m: EntityManager, id: string, status: MessageStatus, f: { provider?: string; providerId?: string | null; error?: string | null }): Promise<void> {
    await m.query(
      `UPDATE messages SET status = $2::varchar, provider = coalesce($3, provider), provider_id = coalesce($4, provider_id), error = $5, lease_until = NULL,
              sent_at = CASE WHEN $2::varchar = 'SENT' THEN now() ELSE sent_at END
        WHERE id = $1`,
      [id, status, f.provider ?? null, f.providerId ?? null, status === 'SENT' ? null : (f.error ?? null)],
    );
  }
}

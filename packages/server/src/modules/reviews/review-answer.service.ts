import type { DataSource, EntityManager } from 'typeorm';
import type { ReviewPlatform } from '../../generated/graphql';
import { Validator } from '../../platform/validation';
import type { LeadService } from '../leads/lead.service';
import { checkContact, leadDetails } from '../leads/lead-input';
import type { MessageService } from '../messages/message.service';
import type { AlertService } from '../notifications/alert.service';
import type { NotificationService } from '../notifications/notification.service';
import { readSetting } from '../settings/setting-store';
import { tokenHash } from './review-request.service';
import { REVIEW_SETTINGS_KEY, reviewSettingsFrom } from './review-settings';
import type { ReviewService } from './review.service';

/** Longest comment on the rating page. */
export const MAX_COMMENT = 2000;
/** Neighbours one answer may refer. */
export const MAX_REFERRALS = 3;
/** What a rating-page token looks like: 32 random bytes, base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** Markup in a comment (the page refuses it rather than storing it). */
const MARKUP = /<\s*\/?\s*[a-z!][^>]*>/i;

/** What the rating page shows for a token. */
export interface RatingView {
  state: 'open' | 'answered' | 'expired';
  customerName: string;
  projectName: string;
  rating: number | null;
  /** 4–5 stars: where to post publicly. */
  profileLinks: Array<{ platform: ReviewPlatform; url: string }>;
  /** 5 stars, referral ask on and fewer than MAX_REFERRALS made. */
  referralOpen: boolean;
}

/** A form taken (`done`), or not because the token's request no longer takes it (answered, expired, closed). */
export interface Taken {
  done: boolean;
  view: RatingView;
}

/** A form refused: its messages by field; nothing was stored. */
export interface Refused {
  errors: Array<{ field: string; message: string }>;
}

interface RequestRow {
  id: string;
  status: string;
  expires_at: Date;
  rating: number | null;
  referrals: number;
  customer_id: string | null;
  project_id: string;
  team_id: string | null;
  message_ids: string[];
  customer_name: string | null;
  project_name: string;
}

const READ = `SELECT rr.id, rr.status, rr.expires_at, rr.rating, rr.referrals, rr.customer_id, rr.project_id, rr.team_id, rr.message_ids,
                     c.name AS customer_name, p.name AS project_name
                FROM review_requests rr JOIN projects p ON p.id = rr.project_id LEFT JOIN customers c ON c.id = rr.customer_id
               WHERE rr.token_hash = $1 AND rr.status <> 'CANCELLED'`;

/**
 * The public side of review requests: what a token's rating page shows, the customer's answer (an INTERNAL review;
 * 1–3 stars alert the team's manager and ask the salesperson to follow up) and the 'refer a neighbour' form.
 * Every entry point takes only the token: it names one request, hence one project.
 */
export class ReviewAnswerService {
  constructor(
    private readonly ds: DataSource,
    private readonly deps: { reviews: ReviewService; messages: MessageService; alerts: AlertService; notifications: NotificationService; leads: LeadService },
  ) {}

  /** The page for a token; null for a token that names no request (malformed, unknown, never sent, cancelled). */
  async view(token: string): Promise<RatingView | null> {
    const row = await this.find(this.ds.manager, token);
    return row ? this.toView(row) : null;
  }

  /** Records the answer once, before expiry. Null: no such token; otherwise the page after it (or what was wrong). */
  async answer(token: string, form: { rating?: unknown; comment?: unknown }): Promise<Taken | Refused | null> {
    const errors: Refused['errors'] = [];
    const rating = typeof form.rating === 'string' && /^[1-5]$/.test(form.rating) ? Number(form.rating) : null;
    if (rating === null) errors.push({ field: 'rating', message: 'Choose from 1 to 5 stars.' });
    const raw = typeof form.comment === 'string' ? form.comment.trim() : '';
    if (form.comment !== undefined && typeof form.comment !== 'string') errors.push({ field: 'comment', message: 'The comment must be text.' });
    else if (raw.length > MAX_COMMENT) errors.push({ field: 'comment', message: `Please keep your comment to ${MAX_COMMENT.toLocaleString('en-US')} characters (it has ${raw.length.toLocaleString('en-US')}).` });
    else if (MARKUP.test(raw)) errors.push({ field: 'comment', message: 'Please write your comment as plain text, without HTML tags.' });
    return this.ds.transaction(async (m) => {
      const row = await this.find(m, token, true);
      if (!row) return null;
      if (row.status !== 'PENDING' || row.expires_at.getTime() <= Date.now()) return { done: false, view: await this.toView(row) };
      if (errors.length) return { errors };
      await this.record(m, row, rating!, raw || null);
      return { done: true, view: await this.toView({ ...row, status: 'ANSWERED', rating }) };
    });
  }

  /** A neighbour referred after a 5-star answer: a REFERRAL lead of the project's team, linked to the customer. */
  async refer(token: string, form: Record<string, unknown>): Promise<Taken | Refused | null> {
    const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : undefined);
    const v = new Validator();
    const values = {
      ...leadDetails(v, { contactName: text('name'), contactPhone: text('phone'), propertyAddress: { street: text('street'), zip: text('zip') }, notes: text('note') }),
      contactEmail: v.email('email', text('email')),
    };
    v.text('note', text('note'), { max: 1000 });
    checkContact(v, { customerId: null, contactName: values.contactName ?? null, contactEmail: values.contactEmail ?? null, contactPhone: values.contactPhone ?? null });
    return this.ds.transaction(async (m) => {
      const row = await this.find(m, token, true);
      if (!row) return null;
      const view = await this.toView(row);
      if (!view.referralOpen) return { done: false, view };
      if (!v.ok) return { errors: v.errors.map((e) => ({ field: pageField(e.field), message: e.message })) };
      await m.query('UPDATE review_requests SET referrals = referrals + 1, updated_at = now() WHERE id = $1', [row.id]);
      await this.deps.leads.receiveReferral({ kind: 'customer', id: row.customer_id!, name: row.customer_name ?? 'a customer', teamId: row.team_id }, values);
      return { done: true, view: { ...view, referralOpen: row.referrals + 1 < MAX_REFERRALS } };
    });
  }

  private async find(m: EntityManager, token: string, lock = false): Promise<RequestRow | null> {
    if (!TOKEN.test(token)) return null;
    const [row]: RequestRow[] = await m.query(`${READ} ${lock ? 'FOR UPDATE OF rr' : ''}`, [tokenHash(token)]);
    return row ?? null;
  }

  private async toView(row: Pick<RequestRow, 'status' | 'expires_at' | 'rating' | 'referrals' | 'customer_name' | 'project_name'>): Promise<RatingView> {
    const settings = reviewSettingsFrom((await readSetting(this.ds.manager, REVIEW_SETTINGS_KEY)).value);
    const answered = row.status === 'ANSWERED';
    const happy = answered && (row.rating ?? 0) >= 4;
    return {
      state: answered ? 'answered' : row.expires_at.getTime() <= Date.now() ? 'expired' : 'open',
      customerName: row.customer_name ?? 'there',
      projectName: row.project_name,
      rating: row.rating,
      profileLinks: happy ? settings.profileLinks : [],
      referralOpen: answered && row.rating === 5 && settings.referralAsk && row.referrals < MAX_REFERRALS && row.expires_at.getTime() > Date.now(),
    };
  }

  /** The answer: stored, an INTERNAL review, pending reminders withdrawn; 1–3 stars raise the alarm. */
  private async record(m: EntityManager, row: RequestRow, rating: number, comment: string | null): Promise<void> {
    const review = await this.deps.reviews.recordAnswer(m, {
      rating,
      text: comment,
      authorName: row.customer_name ?? 'Customer',
      customerId: row.customer_id,
      projectId: row.project_id,
      teamId: row.team_id,
    });
    await m.query(`UPDATE review_requests SET status = 'ANSWERED', answered_at = now(), rating = $2, comment = $3, review_id = $4, updated_at = now() WHERE id = $1`, [
      row.id,
      rating,
      comment,
      review.id,
    ]);
    await this.deps.messages.cancel(m, row.message_ids.slice(1), 'The customer answered the review request.');
    if (rating > 3) return;
    const who = row.customer_name ?? 'A customer';
    await this.deps.alerts.raise(m, {
      kind: 'UNHAPPY_CUSTOMER',
      severity: rating === 1 ? 'CRITICAL' : 'WARNING',
      title: `${who} gave ${rating} of 5 stars for ${row.project_name}`,
      body: comment ?? 'No comment left.',
      subject: { type: 'Review', id: review.id },
      teamId: row.team_id,
      dedupeKey: `UNHAPPY_CUSTOMER:${row.id}`,
    });
    const sales: Array<{ id: string }> = await m.query(
      `SELECT u.id FROM users u
        WHERE u.active AND (u.id IN (SELECT pm.user_id FROM project_members pm WHERE pm.project_id = $1) AND u.role = 'SALES'
                            OR u.id IN (SELECT l.assignee_id FROM leads l WHERE l.converted_project_id = $1))`,
      [row.project_id],
    );
    await this.deps.notifications.notifyAll(
      m,
      sales.map((u) => ({
        recipientId: u.id,
        kind: 'REVIEW_FOLLOW_UP' as const,
        title: `Call ${who}: ${rating} of 5 stars for ${row.project_name}`,
        body: comment ?? 'No comment left.',
        subject: { type: 'Review', id: review.id },
        dedupeKey: `REVIEW_FOLLOW_UP:${row.id}:${u.id}`,
      })),
    );
  }
}

/** The form's field for a lead field's error. */
function pageField(field: string[] | null): string {
  const f = field?.[0] ?? '';
  return ({ contactName: 'name', contactPhone: 'phone', contactEmail: 'email', email: 'email', propertyAddress: field?.[1] ?? 'street', notes: 'note' } as Record<string, string>)[f] ?? f;
}

/** The demo company's review requests, consent and review settings. */
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { tokenHash } from '../modules/reviews/review-request.service';
import { REVIEW_SETTINGS_KEY, DEFAULT_REVIEW_SETTINGS } from '../modules/reviews/review-settings';

/** The demo's review settings: requests go out at once (so completing a project shows one in the outbox right away). */
export const DEMO_REVIEW_SETTINGS = {
  ...DEFAULT_REVIEW_SETTINGS,
  delayHours: 0,
  profileLinks: [
    { platform: 'GOOGLE', url: 'https://g.page/r/iswitch-roofs-demo/review' },
    { platform: 'FACEBOOK', url: 'https://www.facebook.com/iswitchroofs.demo/reviews' },
  ],
};

/**
 * Consent: four in five customers with an e-mail address opted in to e-mail, half of those with a phone to SMS
 * (by the customers' order, reproducibly). Then a review request for every completed project, with its message in
 * the log as the local outbox would have sent it: answered (linked to the project's INTERNAL review when it has
 * one), sent and waiting, expired, or never sent for customers without consent.
 */
export async function seedReviewRequests(m: EntityManager, now: Date, companyName: string, publicUrl: string): Promise<number> {
  await m.query(
    `UPDATE customers c SET email_opt_in = c.email IS NOT NULL AND o.n % 5 <> 0, sms_opt_in = c.phone IS NOT NULL AND o.n % 2 = 0
       FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM customers) o WHERE o.id = c.id`,
  );
  await m.query(`INSERT INTO settings (key, value, updated_at) VALUES ($1, $2::jsonb, $3) ON CONFLICT (key) DO NOTHING`, [REVIEW_SETTINGS_KEY, JSON.stringify(DEMO_REVIEW_SETTINGS), now]);
  const projects: Array<{ id: string; name: string; team_id: string | null; customer_id: string; customer_name: string; email: string | null; ok: boolean; done_at: Date; review_id: string | null; rating: number | null; n: number }> =
    await m.query(
      `SELECT p.id, p.name, p.team_id, c.id AS customer_id, c.name AS customer_name, c.email, c.email_opt_in AS ok,
              least(coalesce(p.end_date::timestamptz, p.updated_at), $1::timestamptz) AS done_at, r.id AS review_id, r.rating,
              row_number() OVER (ORDER BY p.created_at, p.id)::int AS n
         FROM projects p JOIN customers c ON c.id = p.customer_id
         LEFT JOIN LATERAL (SELECT id, rating FROM reviews WHERE project_id = p.id AND platform = 'INTERNAL' LIMIT 1) r ON true
        WHERE p.status = 'COMPLETED' AND p.deleted_at IS NULL`,
      [now],
    );
  for (const p of projects) {
    const sentAt = new Date(Math.min(p.done_at.getTime() + 86_400_000, now.getTime() - 3_600_000));
    const expired = !p.review_id && p.n % 3 === 0;
    const expiresAt = new Date(expired ? now.getTime() - 86_400_000 : sentAt.getTime() + 30 * 86_400_000);
    const answered = p.ok && (p.review_id !== null || p.n % 4 === 0);
    const rating = p.rating ?? (answered ? 5 : null);
    const status = !p.ok ? 'NOT_SENT' : answered ? 'ANSWERED' : 'PENDING';
    let messageIds: string[] = [];
    if (p.ok) {
      const url = `${publicUrl}/review/${randomBytes(32).toString('base64url')}`;
      const [msg]: Array<{ id: string }> = await m.query(
        `INSERT INTO messages (channel, purpose, recipient, template, subject, text, status, attempts, provider, customer_id, project_id, team_id, created_at, sent_at)
         VALUES ('EMAIL', 'REVIEW', $1, 'review-request', $2, $3, 'SENT', 1, 'outbox', $4, $5, $6, $7, $7) RETURNING id`,
        [p.email, `How did we do, ${p.customer_name}?`, `Hi ${p.customer_name},\n\nThank you for choosing ${companyName} for ${p.name}. Would you take a minute to tell us how we did?\n${url}`, p.customer_id, p.id, p.team_id, sentAt],
      );
      messageIds = [msg!.id];
    }
    let reviewId = p.review_id;
    if (answered && !reviewId) {
      const [review]: Array<{ id: string }> = await m.query(
        `INSERT INTO reviews (platform, rating, text, author_name, posted_at, customer_id, project_id, team_id, status, created_at, updated_at)
         VALUES ('INTERNAL', 5, 'Very happy with the new roof.', $1, $2, $3, $4, $5, 'NEW', $2, $2) RETURNING id`,
        [p.customer_name, new Date(sentAt.getTime() + 7_200_000), p.customer_id, p.id, p.team_id],
      );
      reviewId = review!.id;
    }
    await m.query(
      `INSERT INTO review_requests (project_id, customer_id, team_id, token_hash, channel, status, not_sent_reason, message_ids, send_at, expires_at,
                                    answered_at, rating, review_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)`,
      [
        p.id, p.customer_id, p.team_id, tokenHash(randomBytes(32).toString('base64url')), p.ok ? 'EMAIL' : null, status,
        p.ok ? null : 'The customer has not opted in to e-mail or SMS (or has no address for them).', messageIds, sentAt, expiresAt,
        answered ? new Date(sentAt.getTime() + 7_200_000) : null, answered ? rating : null, answered ? reviewId : null, p.done_at,
      ],
    );
  }
  return projects.length;
}

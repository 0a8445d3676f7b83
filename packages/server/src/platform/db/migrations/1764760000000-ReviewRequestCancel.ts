import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review requests can be cancelled before their first message goes out (the project left COMPLETED or went to the
 * trash, the customer was deleted or opted out): status `CANCELLED` with a reason code and when. The status check
 * was created unnamed in `1764500000000-ReviewRequests` (PostgreSQL named it `review_requests_status_check`).
 */
export class ReviewRequestCancel1764760000000 implements MigrationInterface {
  name = 'ReviewRequestCancel1764760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE review_requests
        ADD COLUMN cancel_reason varchar(20)
          CHECK (cancel_reason IN ('PROJECT_CANCELLED', 'PROJECT_REOPENED', 'PROJECT_DELETED', 'CUSTOMER_DELETED', 'CONSENT_WITHDRAWN')),
        ADD COLUMN cancelled_at timestamptz(3),
        DROP CONSTRAINT review_requests_status_check,
        ADD CONSTRAINT review_requests_status_check CHECK (status IN ('PENDING', 'ANSWERED', 'NOT_SENT', 'CANCELLED')),
        ADD CONSTRAINT review_requests_cancel_check
          CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL) AND (status = 'CANCELLED') = (cancelled_at IS NOT NULL))`);
  }

  /** Cancelled requests become NOT_SENT, their reason kept in words. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_requests DROP CONSTRAINT review_requests_cancel_check, DROP CONSTRAINT review_requests_status_check`);
    await q.query(`UPDATE review_requests SET status = 'NOT_SENT', not_sent_reason = 'Cancelled before it was sent (' || cancel_reason || ').' WHERE status = 'CANCELLED'`);
    await q.query(`
      ALTER TABLE review_requests
        ADD CONSTRAINT review_requests_status_check CHECK (status IN ('PENDING', 'ANSWERED', 'NOT_SENT')),
        DROP COLUMN cancelled_at,
        DROP COLUMN cancel_reason`);
  }
}

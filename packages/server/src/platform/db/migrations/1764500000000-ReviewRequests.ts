import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review requests (issue 15): one per completed project, answered on the public rating page through a token whose
 * SHA-256 alone is stored; messages may be CANCELLED (a reminder after the answer); leads remember the customer who
 * referred them.
 */
export class ReviewRequests1764500000000 implements MigrationInterface {
  name = 'ReviewRequests1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL UNIQUE REFERENCES projects(id) ON DELETE CASCADE,
        customer_id uuid REFERENCES customers(id) ON DELETE SET NULL,
        team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        token_hash bytea UNIQUE,
        channel varchar(10) CHECK (channel IN ('EMAIL', 'SMS')),
        status varchar(12) NOT NULL CHECK (status IN ('PENDING', 'ANSWERED', 'NOT_SENT')),
        not_sent_reason varchar(300),
        message_ids uuid[] NOT NULL DEFAULT '{}',
        send_at timestamptz(3) NOT NULL,
        expires_at timestamptz(3) NOT NULL,
        answered_at timestamptz(3),
        rating smallint CHECK (rating BETWEEN 1 AND 5),
        comment text,
        review_id uuid REFERENCES reviews(id) ON DELETE SET NULL,
        referrals smallint NOT NULL DEFAULT 0,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX review_requests_list_idx ON review_requests (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX review_requests_team_idx ON review_requests (team_id, send_at)`);
    await q.query(`CREATE INDEX review_requests_send_idx ON review_requests (send_at)`);
    await q.query(`ALTER TABLE messages DROP CONSTRAINT messages_status_check`);
    await q.query(`ALTER TABLE messages ADD CONSTRAINT messages_status_check CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'SUPPRESSED', 'CANCELLED'))`);
    await q.query(`ALTER TABLE leads ADD COLUMN referred_customer_id uuid REFERENCES customers(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX leads_referred_customer_idx ON leads (referred_customer_id) WHERE referred_customer_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE leads DROP COLUMN referred_customer_id');
    await q.query(`UPDATE messages SET status = 'SUPPRESSED' WHERE status = 'CANCELLED'`);
    await q.query(`ALTER TABLE messages DROP CONSTRAINT messages_status_check`);
    await q.query(`ALTER TABLE messages ADD CONSTRAINT messages_status_check CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'SUPPRESSED'))`);
    await q.query('DROP TABLE review_requests');
  }
}
